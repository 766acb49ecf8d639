// The CSAF matching rules at their boundaries, without a database: version ranges (vers and
// legacy), normalisation of vendor and model, the version label, unknown versions, vendor-only
// products, fixed versions under a wider affected range, products under investigation.
import { describe, expect, it } from 'vitest';
import type { CsafDocument } from '../server/importers/csaf/csaf-document.js';
import { matchAssets, type AssetGroup } from '../server/importers/csaf/match-assets.js';
import { readProductTree } from '../server/importers/csaf/product-tree.js';
import { inRange, parseVersionRange } from '../server/importers/csaf/version-range.js';
import { readVulnerabilities } from '../server/importers/csaf/vulnerabilities.js';

function range(text: string) {
  const parsed = parseVersionRange(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.range;
}
const within = (text: string, versions: string[]) => versions.filter((v) => inRange(v, range(text)));

describe('version ranges', () => {
  it('vers ">=" and "<" ends: the lower end is in, the upper end is out', () => {
    expect(within('vers:generic/>=7.0.0|<7.3.0', ['6.9.9', '7.0.0', '7.0', '7.2.99', '7.3.0', '7.3', '7.3.1'])).toEqual(['7.0.0', '7.0', '7.2.99']);
  });

  it('vers ">" and "<=" ends: the lower end is out, the upper end is in', () => {
    expect(within('vers:generic/>7.0.0|<=7.3.0', ['7.0.0', '7.0.1', '7.3.0', '7.3.0.1'])).toEqual(['7.0.1', '7.3.0']);
  });

  it('numeric parts compare as numbers, leading zeros and missing parts do not matter', () => {
    expect(within('vers:generic/>=04.0.00|<04.6.01', ['4.6.0', '04.6.00', '04.6.01', '4.10.0', '3.99'])).toEqual(['4.6.0', '04.6.00']);
    expect(within('vers:generic/<11.10', ['11.9', '11.10', '11.2'])).toEqual(['11.9', '11.2']);
  });

  it('"=" and "!=" constraints, several intervals and "*"', () => {
    expect(within('vers:generic/1.0.0|>=2.0.0|<2.5.0|!=2.3.0|>=3.0.0', ['1.0.0', '1.5.0', '2.0.0', '2.3.0', '2.4.9', '2.5.0', '3.0.0', '9.0'])).toEqual(['1.0.0', '2.0.0', '2.4.9', '3.0.0', '9.0']);
    expect(within('vers:semver/*', ['0.0.1', '99'])).toEqual(['0.0.1', '99']);
  });

  it('legacy forms: comparators, "prior to", "and earlier", "and later", "all versions"', () => {
    expect(within('<= 11.8.0', ['11.7.9', '11.8.0', '11.8.1'])).toEqual(['11.7.9', '11.8.0']);
    expect(within('>=4.0, <4.6.1', ['3.9', '4.0', '4.6.0', '4.6.1'])).toEqual(['4.0', '4.6.0']);
    expect(within('>= 4.0 and < 4.6.1', ['3.9', '4.0', '4.6.1'])).toEqual(['4.0']);
    expect(within('prior to 3.2', ['3.1.9', '3.2', '3.2.0.1'])).toEqual(['3.1.9']);
    expect(within('All versions before 3.2', ['3.1', '3.2'])).toEqual(['3.1']);
    expect(within('7.2 and earlier', ['7.2', '7.2.0', '7.2.1'])).toEqual(['7.2', '7.2.0']);
    expect(within('up to and including 5', ['5', '5.0.1'])).toEqual(['5']);
    expect(within('2.4 and later', ['2.3.9', '2.4', '10'])).toEqual(['2.4', '10']);
    expect(within('all versions', ['1'])).toEqual(['1']);
  });

  it('says why a range cannot be read', () => {
    expect(parseVersionRange('V4 SP1 and some hotfixes')).toEqual({ ok: false, reason: expect.stringContaining('not a vers range and not a legacy form') });
    expect(parseVersionRange('vers:generic/>=1.0|~2')).toEqual({ ok: false, reason: '"~2" is not a comparator followed by a version' });
    expect(parseVersionRange('vers:>=1.0')).toEqual({ ok: false, reason: 'a vers range must look like "vers:<scheme>/<constraints>"' });
  });
});

type Node = { category: string; name: string; product?: { product_id: string; name: string }; branches?: Node[] };
const leaf = (category: string, name: string, id: string): Node => ({ category, name, product: { product_id: id, name: `${name} (${id})` } });

/** A small advisory: Acme → (family Relay) → model X100 with versions, plus odd products. */
function advisory(status: Record<string, string[]>): CsafDocument {
  const branches: Node[] = [{
    category: 'vendor', name: 'ACME Industrial', branches: [
      { category: 'product_family', name: 'Relay', branches: [{ category: 'product_name', name: 'X100', branches: [
        leaf('product_version_range', 'vers:generic/>=2.0|<2.4', 'P-RANGE'),
        leaf('product_version', '2.4', 'P-FIXED'),
        leaf('product_version_range', 'only the red ones', 'P-ODD'),
      ] }] },
      { category: 'product_name', name: 'X200', product: { product_id: 'P-ALL', name: 'X200 all versions' }, branches: [leaf('product_version', '5.1', 'P-X200-FIXED')] },
      { category: 'product_name', name: 'FirmOS', branches: [leaf('product_version', '9.0.1', 'P-FIRMOS')] },
      { category: 'product_name', name: 'X300', branches: [leaf('product_version', '1.0', 'P-X300')] },
    ],
    product: { product_id: 'P-VENDOR', name: 'Anything by ACME' },
  }];
  return {
    document: { category: 'csaf_security_advisory', title: 't', publisher: { name: 'p', namespace: 'https://example.com' }, tracking: { id: 'T', version: '1', initial_release_date: '', current_release_date: '' } },
    product_tree: { branches },
    vulnerabilities: [{ cve: 'CVE-2026-0001', product_status: status, remediations: [{ category: 'vendor_fix', details: 'update', product_ids: ['P-RANGE'], restart_required: { category: 'none' } }] }],
  } as CsafDocument;
}

const group = (vendor: string, model: string, version: string | null, id: string): AssetGroup => ({ vendor, model, version, assets: [{ id, name: id, zone: 'z' }] });

function match(status: Record<string, string[]>, groups: AssetGroup[]) {
  const doc = advisory(status);
  const tree = readProductTree(doc);
  return matchAssets(groups, tree.products, readVulnerabilities(doc, tree.groups)).map((a) => [a.asset, a.status]);
}

describe('matching products to assets', () => {
  const affected = { known_affected: ['P-RANGE', 'P-ODD', 'P-ALL', 'P-FIRMOS', 'P-VENDOR'], fixed: ['P-FIXED', 'P-X200-FIXED'] };

  it('vendor and model after normalisation (case, whitespace, ®), family + product name, range ends', () => {
    expect(match({ known_affected: ['P-RANGE'], fixed: ['P-FIXED'] }, [
      group('acme  industrial', 'Relay X100', '2.0', 'a-low-end'),
      group(' ACME Industrial®', 'relay   x100', '2.3.9', 'a-inside'),
      group('ACME Industrial', 'X100', '2.4', 'a-fixed-version'),
      group('ACME Industrial', 'X100', '1.9', 'a-below'),
      group('ACME', 'X100', '2.1', 'a-other-vendor'),
    ])).toEqual([['a-inside', 'affected'], ['a-low-end', 'affected']]);
  });

  it('an asset without a version is possibly affected; so is one under a range that cannot be read', () => {
    // P-ODD's range is unreadable: every X100 whose version is not settled otherwise is possibly affected.
    expect(match({ known_affected: ['P-ODD'] }, [group('ACME Industrial', 'X100', null, 'no-version'), group('ACME Industrial', 'X100', '7', 'odd')]))
      .toEqual([['no-version', 'possibly-affected'], ['odd', 'possibly-affected']]);
    expect(match(affected, [group('ACME Industrial', 'X100', null, 'no-version')])).toEqual([['no-version', 'possibly-affected']]);
  });

  it('vendor only never matches: neither a product with no product name nor an asset of another model', () => {
    expect(match({ known_affected: ['P-VENDOR'] }, [group('ACME Industrial', 'X100', '2.1', 'x100'), group('ACME Industrial', 'Anything', '1', 'other')])).toEqual([]);
    const tree = readProductTree(advisory({}));
    expect(tree.notUnderstood).toEqual([
      { path: 'product_tree.branches[0].product', reason: 'product "P-VENDOR" has no product_name branch above it, so it matches no asset' },
      { path: 'product_tree.branches[0].branches[0].branches[0].branches[2].name', reason: 'version range "only the red ones": not a vers range and not a legacy form Interlock reads ("<= 4.2", ">=4.0 <4.6.1", "prior to 4.2", "4.2 and earlier", "all versions"); assets of this product are reported as possibly affected' },
    ]);
  });

  it('a product without a version concerns every version, except one the advisory lists as fixed', () => {
    expect(match(affected, [group('ACME Industrial', 'X200', '1.0', 'old'), group('ACME Industrial', 'X200', '5.1', 'fixed'), group('ACME Industrial', 'X200', null, 'unknown')]))
      .toEqual([['old', 'affected'], ['unknown', 'affected']]);
  });

  it('the product name may be the software named in the asset\'s version', () => {
    expect(match(affected, [group('ACME Industrial', 'Gateway G5', 'FirmOS 9.0.1', 'gw'), group('ACME Industrial', 'Gateway G5', 'FirmOS 9.0.2', 'gw-new'), group('ACME Industrial', 'Gateway G5', '9.0.1', 'gw-no-label')]))
      .toEqual([['gw', 'affected']]);
  });

  it('a product under investigation makes its assets possibly affected, never affected', () => {
    expect(match({ under_investigation: ['P-X300'] }, [group('ACME Industrial', 'X300', '1.0', 'x300')])).toEqual([['x300', 'possibly-affected']]);
  });

  it('says why, and which remediations apply', () => {
    const doc = advisory({ known_affected: ['P-RANGE'] });
    const tree = readProductTree(doc);
    const [a] = matchAssets([group('ACME Industrial', 'Relay X100', '2.2', 'a')], tree.products, readVulnerabilities(doc, tree.groups));
    expect(a).toMatchObject({
      status: 'affected',
      reasons: [{ vulnerability: 'CVE-2026-0001', product: 'P-RANGE', status: 'affected', why: 'ACME Industrial "vers:generic/>=2.0|<2.4 (P-RANGE)" (P-RANGE): model "Relay X100" is product family "Relay" + product name "X100"; version 2.2 is in "vers:generic/>=2.0|<2.4"' }],
      remediations: [{ vulnerability: 'CVE-2026-0001', category: 'vendor_fix', restart: 'none' }],
    });
  });
});

describe('relationships and bare product names', () => {
  it('a relationship product is matched as its component; full_product_names and dangling references are not understood', () => {
    const doc = advisory({ known_affected: ['P-ON-GATEWAY'] });
    doc.product_tree!.relationships = [
      { category: 'installed_on', product_reference: 'P-FIRMOS', relates_to_product_reference: 'P-X300', full_product_name: { product_id: 'P-ON-GATEWAY', name: 'FirmOS 9.0.1 on X300' } },
      { category: 'installed_on', product_reference: 'P-NOWHERE', relates_to_product_reference: 'P-X300', full_product_name: { product_id: 'P-DANGLING', name: 'x' } },
    ];
    doc.product_tree!.full_product_names = [{ product_id: 'P-BARE', name: 'Some product' }];
    const tree = readProductTree(doc);
    expect(matchAssets([group('ACME Industrial', 'Gateway G5', 'FirmOS 9.0.1', 'gw')], tree.products, readVulnerabilities(doc, tree.groups)).map((a) => [a.asset, a.status])).toEqual([['gw', 'affected']]);
    expect(tree.notUnderstood.slice(2)).toEqual([
      { path: 'product_tree.full_product_names[0]', reason: 'product "P-BARE" is named without vendor and product branches (Interlock does not read CPE or PURL helpers), so it matches no asset' },
      { path: 'product_tree.relationships[1]', reason: 'product "P-DANGLING" refers to "P-NOWHERE", which no branch defines, so it matches no asset' },
    ]);
  });
});

// POST /api/advisories on the reference plant: the joined answer (affected assets, the patch
// what-if of the vendor fix, the shared-system triage) for the shipped advisories, and invalid
// documents refused with the CSAF validator's reasons, the graph untouched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { useApp } from './helpers/app.js';
import { snapshot } from './helpers/db.js';

const ctx = useApp(() => parseYaml(readFileSync(new URL('../fixtures/reference-plant.yaml', import.meta.url), 'utf8')));
const advisory = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/advisories/${name}.json`, import.meta.url), 'utf8'));

async function post(payload: unknown) {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/advisories', payload: payload as object });
  return { status: res.statusCode, body: res.json() };
}
type Asset = { asset: string; status: string };
type F = { id: string; severity: string };

const ids = (body: { affected: Asset[] }) => body.affected.map((a) => [a.asset, a.status]);
const findings = (body: { patch: { impact: { findings: F[] } } }) => body.patch.impact.findings.map((f) => [f.id, f.severity]);

describe('POST /api/advisories on the reference plant', () => {
  it('Hirschmann EAGLE40: both SIS firewalls affected; patching them (machine restart) interrupts every safety flow they enforce', async () => {
    const { status, body } = await post(advisory('hirschmann-eagle40-hisecos'));
    expect(status).toBe(200);
    expect(body.advisory).toEqual({
      id: 'BSECV-2026-11', title: 'Hirschmann EAGLE40 HiSecOS: packet filter bypass and denial of service in the web interface',
      publisher: 'Belden / Hirschmann Product Security Incident Response Team (fictional)', category: 'csaf_security_advisory', version: '2',
      initialReleaseDate: '2026-11-10T09:00:00.000Z', currentReleaseDate: '2026-11-17T09:00:00.000Z',
    });
    expect(ids(body)).toEqual([['fw-sis-a', 'affected'], ['fw-sis-b', 'affected']]);
    expect(body.affected[0]).toMatchObject({
      name: 'SIS firewall A (primary BPCS/SIS conduit)', zone: 'z-sis', vendor: 'Hirschmann', model: 'EAGLE40-07', version: 'HiSecOS 04.6.00',
      reasons: [
        { vulnerability: 'CVE-2026-41001', product: 'CSAFPID-0001', status: 'affected', why: 'Hirschmann "Hirschmann EAGLE40-07 HiSecOS 04.0.00 to 04.6.00" (CSAFPID-0001): model "EAGLE40-07" is the product name; version 04.6.00 is in "vers:generic/>=04.0.00|<04.6.01"' },
        { vulnerability: 'CVE-2026-41002', product: 'CSAFPID-0001', status: 'affected', why: 'Hirschmann "Hirschmann EAGLE40-07 HiSecOS 04.0.00 to 04.6.00" (CSAFPID-0001): model "EAGLE40-07" is the product name; version 04.6.00 is in "vers:generic/>=04.0.00|<04.6.01"' },
      ],
      remediations: [
        { vulnerability: 'CVE-2026-41001', category: 'vendor_fix', restart: 'machine' },
        { vulnerability: 'CVE-2026-41001', category: 'mitigation', restart: null },
        { vulnerability: 'CVE-2026-41002', category: 'vendor_fix', restart: 'machine' },
        { vulnerability: 'CVE-2026-41002', category: 'workaround', restart: null },
      ],
    });
    expect(body.vulnerabilities.map((v: { key: string; cvss: unknown }) => [v.key, v.cvss])).toEqual([
      ['CVE-2026-41001', { baseScore: 9.1, baseSeverity: 'CRITICAL', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N' }],
      ['CVE-2026-41002', { baseScore: 7.5, baseSeverity: 'HIGH', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
    ]);
    expect(body.patch.change).toEqual({ kind: 'patch', targets: ['fw-sis-a', 'fw-sis-b'], requiresReboot: true, downtimeMinutes: 0 });
    expect(body.patchNote).toBe('Vendor fix applied to 2 affected assets; restart required: machine, so the what-if assumes a reboot.');
    // Severity from the SIL (ESD commands: the manual ESD backs up SIL 3 SIFs), one level lower
    // for trip status A, which has route B (as the engine judges each target on its own).
    expect(findings(body)).toEqual([
      ['PATCH-SAFETY-PATH:fw-sis-a:f-hmi01-sis01-esd', 'CRITICAL'],
      ['PATCH-SAFETY-PATH:fw-sis-a:f-hmi02-sis01-esd', 'CRITICAL'],
      ['PATCH-SAFETY-PATH:fw-sis-a:f-sis01-ntp', 'CRITICAL'],
      ['PATCH-SAFETY-PATH:fw-sis-a:f-fgs01-ntp', 'HIGH'],
      ['PATCH-SAFETY-PATH:fw-sis-a:f-hmi04-sis02-trip', 'HIGH'],
      ['PATCH-SAFETY-PATH:fw-sis-a:f-sis01-dcs01-status-a', 'HIGH'],
      ['PATCH-SAFETY-PATH:fw-sis-a:f-sis02-dcs03-status', 'HIGH'],
      ['PATCH-SAFETY-PATH:fw-sis-a:f-sis02-ntp', 'HIGH'],
      ['PATCH-SAFETY-PATH:fw-sis-b:f-sis01-dcs01-status-b', 'HIGH'],
    ]);
    // The plant without its governance: no register covers the firewalls, and the triage says so.
    expect(body.triage.items.map((t: Record<string, unknown>) => [t.asset, t.shared, t.registers, t.risks, t.note])).toEqual([
      ['fw-sis-a', false, [], [], 'No risk register covers fw-sis-a.'],
      ['fw-sis-b', false, [], [], 'No risk register covers fw-sis-b.'],
    ]);
    expect(body.triage.summary.message).toBe('2 assets, 0 shared systems; 2 assets covered by no risk register.');
    expect(body.notUnderstood).toEqual([]);
    expect(body.summary).toEqual({ affected: 2, possiblyAffected: 0, message: '2 assets affected, 0 possibly affected.' });
  });

  it('Rosemount 3051S SIS (family + product name): all nine SIS pressure transmitters, every 2oo3 group down at once', async () => {
    const { body } = await post(advisory('emerson-rosemount-3051s-sis'));
    expect(ids(body)).toEqual(['pt-1001a', 'pt-1001b', 'pt-1001c', 'pt-2001a', 'pt-2001b', 'pt-2001c', 'pt-3001a', 'pt-3001b', 'pt-3001c'].map((id) => [id, 'affected']));
    expect(body.affected[0].reasons[0].why).toBe('Emerson "Rosemount 3051S SIS firmware 7.2.1" (CSAFPID-3051S-721): model "Rosemount 3051S SIS" is product family "Rosemount" + product name "3051S SIS"; version 7.2.1 is 7.2.1');
    // Group ids in the remediations are expanded to their products.
    expect(body.vulnerabilities[0].remediations[0]).toMatchObject({ category: 'vendor_fix', restart: 'vulnerable_component', products: ['CSAFPID-3051S-720', 'CSAFPID-3051S-721'] });
    expect(body.patch.change.requiresReboot).toBe(true);
    expect(findings(body)).toEqual([
      ['PATCH-SIF-ELEMENT:sif-101:sif-101-pt', 'CRITICAL'],
      ['PATCH-SIF-ELEMENT:sif-301:sif-301-pt', 'CRITICAL'],
      ['PATCH-SIF-ELEMENT:sif-201:sif-201-pt', 'HIGH'],
    ]);
  });

  it('Triconex (legacy "<= 11.8.0" and a vers range): the logic solvers affected, the SOE recorder under investigation possibly affected and not patched', async () => {
    const { body } = await post(advisory('schneider-triconex-tristation'));
    expect(ids(body)).toEqual([['fgs-ls-01', 'affected'], ['sis-ls-01', 'affected'], ['sis-ls-02', 'affected'], ['sis-soe-01', 'possibly-affected']]);
    expect(body.affected[3].reasons).toEqual([{
      vulnerability: 'CVE-2026-40210', product: 'CSAFPID-SOE', status: 'possibly-affected',
      why: 'Schneider Electric "Triconex SOE Recorder (all versions)" (CSAFPID-SOE): model "Triconex SOE Recorder" is product family "Triconex" + product name "SOE Recorder"; the product names no version, so every version is concerned; the vendor is still investigating this product',
    }]);
    expect(body.patch.change).toEqual({ kind: 'patch', targets: ['fgs-ls-01', 'sis-ls-01', 'sis-ls-02'], requiresReboot: true, downtimeMinutes: 0 });
    expect(findings(body)).toEqual([
      ['PATCH-SIF-ELEMENT:sif-101:sif-101-ls', 'CRITICAL'],
      ['PATCH-SIF-ELEMENT:sif-301:sif-301-ls', 'CRITICAL'],
      ['PATCH-SIF-ELEMENT:sif-102:sif-102-ls', 'HIGH'],
      ['PATCH-SIF-ELEMENT:sif-201:sif-201-ls', 'HIGH'],
      ['PATCH-SIF-ELEMENT:sif-203:sif-203-ls', 'HIGH'],
      ['PATCH-SIF-ELEMENT:sif-401:sif-401-esd', 'HIGH'],
      ['PATCH-SIF-ELEMENT:sif-401:sif-401-fgs', 'HIGH'],
      ['PATCH-SIF-ELEMENT:sif-202:sif-202-ls', 'MEDIUM'],
      ['PATCH-SIF-ELEMENT:sif-402:sif-402-ls', 'MEDIUM'],
    ]);
    expect(body.triage.items.map((t: { asset: string }) => t.asset)).toEqual(['fgs-ls-01', 'sis-ls-01', 'sis-ls-02', 'sis-soe-01']);
  });

  it('PAN-OS (the software named in the version "PAN-OS 11.1.4-h7", inside <11.1.4-h9): the IT/OT firewalls, whose patch touches no safety path', async () => {
    const { body } = await post(advisory('paloalto-panos-globalprotect'));
    expect(ids(body)).toEqual([['fw-itot-01', 'affected'], ['fw-ra-01', 'affected']]);
    expect(body.affected[0].reasons[0].why).toBe('Palo Alto Networks "PAN-OS 11.1 before 11.1.4-h9" (CSAFPID-PANOS-111): the asset\'s software "PAN-OS" (version "PAN-OS 11.1.4-h7") is the product name; version 11.1.4-h7 is in "vers:generic/>=11.1.0|<11.1.4-h9"');
    expect(body.patch.impact.findings).toEqual([]);
    expect(body.patch.impact.summary.safetyPathTouched).toBe(false);
  });
});

describe('an advisory for an asset without a recorded version', () => {
  it('the deluge valve (no version) is possibly affected, so there is no patch to assess', async () => {
    const doc = advisory('hirschmann-eagle40-hisecos');
    doc.product_tree.branches = [{ category: 'vendor', name: 'TYCO', branches: [{ category: 'product_name', name: 'DV-5  Deluge Valve with Solenoid Release', branches: [
      { category: 'product_version_range', name: 'vers:generic/<2.0', product: { product_id: 'CSAFPID-0001', name: 'DV-5 solenoid release module before 2.0' } },
      { category: 'product_version', name: '2.0', product: { product_id: 'CSAFPID-0002', name: 'DV-5 solenoid release module 2.0' } },
    ] }] }];
    const { status, body } = await post(doc);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([['dv-4010', 'possibly-affected']]);
    expect(body.affected[0].reasons[0].why).toBe('TYCO "DV-5 solenoid release module before 2.0" (CSAFPID-0001): model "DV-5 deluge valve with solenoid release" is the product name; the asset has no version recorded');
    expect(body.patch).toBeNull();
    expect(body.patchNote).toBe('No affected asset has a vendor fix in the advisory (only workarounds, mitigations or none available, or only possibly affected assets), so there is no patch to assess.');
    expect(body.summary.message).toBe('0 assets affected, 1 possibly affected.');
  });
});

describe('invalid advisories', () => {
  it.each([
    ['invalid-schema', [
      { path: '/document', message: "must have required property 'tracking' (CSAF 2.0 schema)" },
      { path: '/document/csaf_version', message: 'must be equal to one of the allowed values (CSAF 2.0 schema)' },
    ]],
    ['invalid-cvss-score', [{ path: '/vulnerabilities/0/scores/0/cvss_v3/baseScore', message: 'invalid calculated value (mandatory test 6.1.9)' }]],
    ['invalid-undefined-product', [{ path: '/vulnerabilities/1/product_status/known_affected/1', message: 'definition of product id missing (mandatory test 6.1.1)' }]],
  ])('%s is refused with 422 and the validator\'s reasons; the graph is unchanged', async (name, errors) => {
    const before = await snapshot(ctx.db);
    const { status, body } = await post(advisory(name));
    expect(status).toBe(422);
    expect(body).toEqual({
      statusCode: 422, code: 'INTERLOCK_UNPROCESSABLE',
      message: `Not a valid CSAF 2.0 document: the CSAF validator found ${errors.length} problem${errors.length === 1 ? '' : 's'}.`, errors,
    });
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('a body that is not a JSON object is a 400 naming the body', async () => {
    const { status, body } = await post([1, 2]);
    expect(status).toBe(400);
    expect(body.code).toBe('INTERLOCK_BAD_REQUEST');
    expect(body.errors[0].path).toBe('body');
  });
});

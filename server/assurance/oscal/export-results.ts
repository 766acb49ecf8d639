// The baseline's assessment as OSCAL assessment-results (version 1.1.2): one result per framework
// and domain it scopes, one finding per assessable requirement (satisfied when met; Interlock's
// status, source and compliance kept as props), and one observation per control behind a direct
// status, with its assessment and the evidence it rests on. UUIDs are name-based (version 5) on
// the site, the date and the ids, so exporting the same baseline twice gives the same document.
import { createHash } from 'node:crypto';
import type { DbClient } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { readBaseline } from '../baseline.js';
import { frameworkViews, readFrameworks } from '../frameworks.js';
import type { ControlInDomainT, RequirementResultT } from '../schemas.js';

export const OSCAL_VERSION = '1.1.2';
const NS = 'urn:interlock:assurance';
const NAMESPACE = 'b3c1a7de-2f54-4e6a-9d0b-6f1e8a2c4d57';

/** RFC 4122 version 5 UUID of a name in Interlock's namespace. */
export function uuidFor(name: string): string {
  const hash = createHash('sha1').update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex')).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** An OSCAL token (a letter or _ first; letters, digits, . - _): ids that are not one are made one. */
export const token = (id: string) => (/^[A-Za-z_]/.test(id) ? id : `_${id}`).replace(/[^A-Za-z0-9._-]/g, '_');
const prop = (name: string, value: string) => ({ name, value, ns: NS });
const at = (date: string) => `${date}T00:00:00Z`;

function observation(c: ControlInDomainT, asOf: string) {
  const a = c.assessed;
  return {
    uuid: uuidFor(`observation|${asOf}|${c.control}|${c.domain}`),
    title: `${c.name} (${c.control}) in ${c.domain}`,
    description: a
      ? `Assessed ${a.status}, maturity ${a.maturity}, by ${a.assessor} on ${a.assessedOn}; counts as ${c.effective}${c.downgrade ? ` (${c.downgrade})` : ''}.`
      : `Not assessed for ${c.domain}; counts as not-implemented.`,
    props: [prop('control', token(c.control)), prop('domain', c.domain), prop('effective-status', c.effective)],
    methods: ['EXAMINE'],
    collected: at(a?.assessedOn ?? asOf),
    ...(c.evidence.length ? { 'relevant-evidence': c.evidence.map((e) => ({ description: `${e.name} (${e.evidence}): ${e.currency}${e.expiresOn ? `, expires ${e.expiresOn}` : ''}` })) } : {}),
  };
}

function finding(r: RequirementResultT, asOf: string, observed: Map<string, string>) {
  const why = r.source === 'projected' ? ` Projected from ${r.why.chosen!.source} through mapping ${r.why.chosen!.mapping} (${r.why.chosen!.relationship}).` : '';
  return {
    uuid: uuidFor(`finding|${asOf}|${r.requirement}|${r.domain}`),
    title: `${r.ref} ${r.title}`,
    description: `${r.domain}: ${r.status} (${r.source}).${why}`,
    props: [prop('status', r.status), prop('source', r.source), prop('domain', r.domain), ...(r.rating ? [prop('caf-rating', r.rating)] : [])],
    target: { type: 'objective-id', 'target-id': token(r.requirement), status: { state: r.status === 'met' ? 'satisfied' : 'not-satisfied' } },
    ...(r.why.controls.length ? { 'related-observations': r.why.controls.map((c) => ({ 'observation-uuid': observed.get(`${c.control}|${c.domain}`)! })) } : {}),
  };
}

export async function assessmentResults(db: DbClient, asOf: string, framework: string | null, siteName: string) {
  const views = await db.readTx(async (tx) => {
    const frameworks = await readFrameworks(tx, framework);
    if (framework !== null && frameworks.size === 0) throw notFound('framework', framework, 'querystring.framework');
    const baseline = await readBaseline(tx, asOf);
    return frameworkViews(tx, baseline, frameworks, baseline);
  });
  const results = views.map(({ summary, requirements }) => {
    const controls = new Map(requirements.flatMap((r) => r.why.controls).map((c) => [`${c.control}|${c.domain}`, c]));
    const observations = [...controls.values()].map((c) => observation(c, asOf));
    const observed = new Map([...controls.keys()].map((k, i) => [k, observations[i]!.uuid]));
    return {
      uuid: uuidFor(`result|${asOf}|${summary.framework}|${summary.domain}`),
      title: `${summary.name}, ${summary.domain}`,
      description: `${summary.name} in the ${summary.domain} domain as of ${asOf}: compliance ${summary.compliance ?? '–'} %, maturity ${summary.maturity ?? '–'}; ` +
        `${summary.counts.met} met, ${summary.counts.partial} partial, ${summary.counts['not-met']} not met, ${summary.counts.gap} gap of ${summary.assessable}.`,
      start: at(asOf),
      props: [prop('framework', token(summary.framework)), prop('domain', summary.domain), ...(summary.compliance === null ? [] : [prop('compliance', summary.compliance.toFixed(1))])],
      'reviewed-controls': { 'control-selections': [{ 'include-all': {} }] },
      ...(observations.length ? { observations } : {}),
      ...(requirements.length ? { findings: requirements.map((r) => finding(r, asOf, observed)) } : {}),
    };
  });
  return {
    'assessment-results': {
      uuid: uuidFor(`assessment-results|${siteName}|${asOf}|${framework ?? '*'}`),
      metadata: { title: `Interlock assessment of ${siteName} as of ${asOf}`, 'last-modified': at(asOf), version: asOf, 'oscal-version': OSCAL_VERSION },
      'import-ap': { href: '#interlock-control-baseline' },
      results,
    },
  };
}

// Referential validation of the governance part of a site document (governance-schema.ts): every
// reference resolves to an entity of the right kind, assessments and evidence only name domains
// their controls cover, and no id is used twice. Shape errors come from zod first.
import { Governance, type GovernanceT } from './governance-schema.js';
import { DOMAINS } from './site-schema.js';
import { withArticle, zodErrors, type ValidationError } from './validate-site.js';

/** The topology ids governance entities may point at (asset, zone and conduit ids of the site). */
export interface TopologyIds {
  zones: ReadonlySet<string>;
  conduits: ReadonlySet<string>;
  assets: ReadonlySet<string>;
}

export type GovernanceValidation = { ok: true; governance: GovernanceT } | { ok: false; errors: ValidationError[] };

export function validateGovernance(input: unknown, topology: TopologyIds): GovernanceValidation {
  const parsed = Governance.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const errors = referentialErrors(parsed.data, topology);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, governance: parsed.data };
}

function referentialErrors(g: GovernanceT, topology: TopologyIds): ValidationError[] {
  const errors: ValidationError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const kindOf = new Map<string, string>();
  for (const id of topology.zones) kindOf.set(id, 'zone');
  for (const id of topology.conduits) kindOf.set(id, 'conduit');
  for (const id of topology.assets) kindOf.set(id, 'asset');
  const collections = [
    ['frameworks', 'framework', g.frameworks], ['requirements', 'requirement', g.requirements], ['mappings', 'mapping', g.mappings],
    ['profiles', 'profile', g.profiles], ['controls', 'control', g.controls], ['evidence', 'evidence record', g.evidence], ['risks', 'risk', g.risks],
  ] as const;
  for (const [key, kind, items] of collections) {
    items.forEach((item, i) => {
      const seen = kindOf.get(item.id);
      if (seen) err(`${key}[${i}].id`, `id "${item.id}" is already used by ${withArticle(seen)}; every id must be unique.`);
      else kindOf.set(item.id, kind);
    });
  }
  const ref = (value: string, path: string, ...kinds: string[]) => {
    const actual = kindOf.get(value);
    if (actual && kinds.includes(actual)) return true;
    const expected = kinds.map(withArticle).join(' or ');
    err(path, actual ? `"${value}" is ${withArticle(actual)}, not ${expected}.` : `${kinds.join(' or ')} "${value}" does not exist.`);
    return false;
  };
  const requirements = new Map(g.requirements.map((r) => [r.id, r]));
  const controls = new Map(g.controls.map((c) => [c.id, c]));

  g.requirements.forEach((r, i) => {
    ref(r.framework, `requirements[${i}].framework`, 'framework');
    if (r.parent !== undefined && ref(r.parent, `requirements[${i}].parent`, 'requirement') && requirements.get(r.parent)!.framework !== r.framework) {
      err(`requirements[${i}].parent`, `parent "${r.parent}" belongs to another framework.`);
    }
  });
  g.mappings.forEach((m, i) => { ref(m.from, `mappings[${i}].from`, 'requirement'); ref(m.to, `mappings[${i}].to`, 'requirement'); });
  g.profiles.forEach((p, i) => {
    ref(p.framework, `profiles[${i}].framework`, 'framework');
    for (const target of Object.keys(p.targets)) ref(target, `profiles[${i}].targets.${target}`, 'requirement');
  });
  g.controls.forEach((c, i) => {
    c.satisfies.forEach((id, j) => {
      if (ref(id, `controls[${i}].satisfies[${j}]`, 'requirement') && !requirements.get(id)!.assessable) {
        err(`controls[${i}].satisfies[${j}]`, `requirement "${id}" is not assessable (it groups others); satisfy the requirements under it.`);
      }
    });
    c.appliesTo.forEach((id, j) => ref(id, `controls[${i}].appliesTo[${j}]`, 'asset', 'zone', 'conduit'));
    c.mitigates.forEach((id, j) => ref(id, `controls[${i}].mitigates[${j}]`, 'risk'));
    for (const domain of DOMAINS) {
      if (c.assessment[domain] && c.domain !== 'BOTH' && c.domain !== domain) err(`controls[${i}].assessment.${domain}`, `an ${c.domain} control cannot be assessed for ${domain}.`);
    }
  });
  g.evidence.forEach((e, i) => {
    e.supports.forEach((id, j) => ref(id, `evidence[${i}].supports[${j}]`, 'control'));
    for (const domain of e.domains) {
      const supported = e.supports.map((id) => controls.get(id)).filter((c) => c !== undefined);
      if (supported.length > 0 && !supported.some((c) => c.domain === 'BOTH' || c.domain === domain)) {
        err(`evidence[${i}].domains`, `the evidence covers ${domain} but none of the controls it supports does.`);
      }
    }
  });
  g.risks.forEach((r, i) => r.affects.forEach((id, j) => ref(id, `risks[${i}].affects[${j}]`, 'asset', 'zone')));
  return errors;
}

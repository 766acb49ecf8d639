// A requirement's why-chain, per domain: its status and where it came from — the direct controls
// with their assessment, effective status and evidence (with currency), or the mapping it was
// projected through with the source's own controls; the other candidate mappings after it.
import type { ControlInDomainT, ProjectionT, RequirementResultT } from '../../../server/assurance/schemas.js';
import { h, replace } from '../dom.js';
import { assuranceApi } from './assurance-api.js';
import type { AreaContext } from './area-context.js';
import { chip, panelHead, source } from './view-kit.js';

const DOWNGRADE: Record<string, string> = {
  unassessed: 'not assessed for this domain: counts as not implemented',
  unevidenced: 'assessed implemented, but no current evidence covers this domain: counts as partial',
};

export function controlWhy(c: ControlInDomainT, ctx: AreaContext): HTMLElement {
  return h('li', { class: 'why-control', 'data-control': c.control },
    h('div', {}, h('button', { type: 'button', class: 'link', onclick: () => ctx.set({ view: 'controls', ctl: c.control, fw: undefined, req: undefined }, true) }, c.control),
      ` ${c.name} `, chip(c.effective, 'effective: ')),
    c.assessed
      ? h('div', { class: 'small muted' }, `assessed ${c.assessed.status}, maturity ${c.assessed.maturity}, by ${c.assessed.assessor} on ${c.assessed.assessedOn}`)
      : h('div', { class: 'small muted' }, 'no assessment for this domain'),
    c.downgrade ? h('div', { class: 'small warn-text' }, DOWNGRADE[c.downgrade]) : false,
    c.evidence.length === 0 ? h('div', { class: 'small muted' }, 'No evidence covering this domain.')
      : h('ul', { class: 'why-evidence' }, ...c.evidence.map((e) => h('li', { 'data-evidence': e.evidence },
        chip(e.currency), ` ${e.name} `, h('span', { class: 'muted small' }, e.latestCollectedOn ? `collected ${e.latestCollectedOn}, expires ${e.expiresOn}` : 'never collected')))));
}

function projection(p: ProjectionT, ctx: AreaContext, chosen: boolean): HTMLElement {
  return h('li', { class: `why-mapping${chosen ? ' chosen' : ''}`, 'data-mapping': p.mapping },
    h('div', {}, chosen ? h('strong', {}, 'Projected through ') : 'Candidate ', h('code', {}, p.mapping), ': ',
      h('button', { type: 'button', class: 'link', onclick: () => ctx.set({ req: p.source }, true) }, p.source),
      ` is ${p.relationship} (strength ${p.strength}), `, chip(p.sourceStatus, 'source: '), ' → ', chip(p.projected),
      p.full ? '' : h('span', { class: 'muted small' }, ' (capped at partial)')),
    chosen && p.sourceControls.length > 0 ? h('ul', { class: 'why-controls' }, ...p.sourceControls.map((c) => controlWhy(c, ctx))) : false);
}

function domainWhy(r: RequirementResultT, ctx: AreaContext): HTMLElement {
  const { controls, chosen, candidates } = r.why;
  return h('section', { class: 'info-section why-domain', 'data-domain': r.domain },
    h('h3', {}, `${r.domain}: `, r.rating ? chip(r.rating) : chip(r.status), ` · ${r.source}`),
    r.source === 'direct' ? h('ul', { class: 'why-controls' }, ...controls.map((c) => controlWhy(c, ctx)))
      : r.source === 'none' ? h('p', { class: 'muted' }, 'No control satisfies it in this domain, and no mapping projects a status onto it: a gap.') : false,
    chosen ? h('ul', { class: 'why-mappings' }, projection(chosen, ctx, true)) : false,
    candidates.filter((c) => c.mapping !== chosen?.mapping).length > 0
      ? h('ul', { class: 'why-mappings' }, ...candidates.filter((c) => c.mapping !== chosen?.mapping).map((c) => projection(c, ctx, false))) : false);
}

export async function requirementWhy(ctx: AreaContext, id: string): Promise<void> {
  const results = await assuranceApi.requirement(id, ctx.asOf);
  const first = results[0];
  replace(ctx.detail,
    panelHead('Why this status', first ? `${first.ref} ${first.title}` : id, id),
    results.length === 0 ? h('p', { class: 'muted' }, 'Not evaluated in any domain (its framework scopes none here).') : false,
    ...results.map((r) => domainWhy(r, ctx)),
    source(`/api/assurance/requirements/${id}?asOf=${ctx.asOf}`));
}

// What a reassessment would change, before anyone commits to it: the stored findings against a
// fresh what-if of the same change, by finding id — new ones, gone ones, and changed severities.
import type { Finding, ImpactRequest } from '../../../server/impact/change-schema.js';
import { api } from '../api-client.js';
import { badge, h } from '../dom.js';
import { SEVERITY_COLORS } from '../theme.js';

export interface FindingDiff { added: Finding[]; removed: Finding[]; changed: Array<{ before: Finding; after: Finding }> }

export function diffFindings(before: Finding[], after: Finding[]): FindingDiff {
  const was = new Map(before.map((f) => [f.id, f]));
  const now = new Map(after.map((f) => [f.id, f]));
  return {
    added: after.filter((f) => !was.has(f.id)),
    removed: before.filter((f) => !now.has(f.id)),
    changed: after.filter((f) => was.has(f.id) && was.get(f.id)!.severity !== f.severity).map((f) => ({ before: was.get(f.id)!, after: f })),
  };
}

const line = (f: Finding, mark: string) => h('li', {}, `${mark} `, badge(f.severity, SEVERITY_COLORS[f.severity]), ` ${f.title}`);

export async function assessmentDiff(request: ImpactRequest, stored: Finding[]): Promise<HTMLElement> {
  const fresh = await api.impact(request);
  const d = diffFindings(stored, fresh.findings);
  const none = d.added.length + d.removed.length + d.changed.length === 0;
  return h('div', { class: 'assessment-diff', id: 'assessment-diff' },
    h('strong', {}, none ? 'A reassessment would give the same findings.' : 'A reassessment now would change the findings:'),
    none ? false : h('ul', {},
      ...d.added.map((f) => line(f, '+ new')),
      ...d.removed.map((f) => line(f, '− gone')),
      ...d.changed.map(({ before, after }) => h('li', {}, `~ ${after.title}: `, badge(before.severity, SEVERITY_COLORS[before.severity]), ' → ', badge(after.severity, SEVERITY_COLORS[after.severity])))));
}

// The Explore tab's lists: SIFs (highest SIL first) and zones (top of the Purdue model first).
import type { SifSummaryT } from '../api-client.js';
import { byId, h, replace } from '../dom.js';
import { COLORS } from '../theme.js';
import { silBadge } from '../panels/panel-kit.js';

export function renderSifList(sifs: SifSummaryT[], onPick: (id: string) => void): void {
  replace(byId('sif-list'), sifs.length === 0 ? h('li', { class: 'muted' }, 'No SIF in this site.')
    : sifs.map((s) => h('li', {},
      h('button', { type: 'button', class: 'pick', 'data-sif': s.id, onclick: () => onPick(s.id), title: s.hazard },
        silBadge(s.sil),
        h('span', { class: 'pick-text' }, h('strong', {}, s.id), h('span', {}, s.name.replace(/^SIF-\d+\s*/, '')),
          h('span', { class: 'voting-line' }, `voting ${s.groups.map((g) => g.voting).join(' · ')}`))))));
}

export function markSif(id: string | undefined): void {
  for (const b of byId('sif-list').querySelectorAll<HTMLButtonElement>('button.pick')) b.classList.toggle('active', b.dataset.sif === id);
}

export interface ZoneItem {
  id: string;
  name: string;
  level: number;
  safety: boolean;
  belowTarget: boolean;
  domain: string;
}

export function renderZoneList(zones: ZoneItem[], onPick: (id: string) => void): void {
  replace(byId('zone-list'), zones.map((z) => h('li', {},
    h('button', { type: 'button', class: `pick zone-pick ${z.safety ? 'safety' : ''}`, 'data-zone': z.id, onclick: () => onPick(z.id) },
      h('span', { class: 'level' }, z.level === 3.5 ? '3.5' : String(z.level)),
      h('span', { class: 'pick-text' }, h('strong', {}, z.name), h('span', {}, `${z.id} · ${z.domain}`)),
      z.safety ? h('span', { class: 'tag safety', style: `--tag:${COLORS.safety}` }, 'SAFETY') : false,
      z.belowTarget ? h('span', { class: 'tag warn', title: 'SL-A below SL-T' }, '▼ SL') : false))));
}

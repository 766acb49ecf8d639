// The top bar: search (id, name or IP), filters, view toggles and export.
import { ASSET_TYPES } from '../../../server/model/site-schema.js';
import type { AssetT } from '../api-client.js';
import { byId, h, replace } from '../dom.js';
import { TYPE_LOOKS } from '../theme.js';
import type { Filters } from './filters.js';

export interface ToolbarActions {
  search(q: string): Promise<AssetT[]>;
  pick(id: string): void;
  setFilters(f: Filters): void;
  setFlows(on: boolean): void;
  setLarge(on: boolean): void;
  fit(): void;
  collapseAll(): void;
  expandAll(): void;
  exportPng(): void;
}

export interface ToolbarState extends Filters {
  flows: boolean;
  large: boolean;
}

export class Toolbar {
  private readonly input = byId<HTMLInputElement>('search');
  private readonly results = byId<HTMLUListElement>('search-results');
  private readonly domain = byId<HTMLSelectElement>('filter-domain');
  private readonly type = byId<HTMLSelectElement>('filter-type');
  private readonly zone = byId<HTMLSelectElement>('filter-zone');
  private readonly flows = byId<HTMLInputElement>('toggle-flows');
  private readonly large = byId<HTMLInputElement>('toggle-large');
  private timer: number | undefined;
  private pending: Promise<AssetT[]> | undefined;

  constructor(private readonly actions: ToolbarActions, state: ToolbarState) {
    replace(this.type, h('option', { value: '' }, 'All asset types'),
      ...[...ASSET_TYPES].sort((a, b) => TYPE_LOOKS[a].name.localeCompare(TYPE_LOOKS[b].name))
        .map((t) => h('option', { value: t }, TYPE_LOOKS[t].name)));
    this.domain.value = state.domain ?? '';
    this.type.value = state.type ?? '';
    this.flows.checked = state.flows;
    this.large.checked = state.large;
    for (const select of [this.domain, this.type, this.zone]) select.addEventListener('change', () => actions.setFilters(this.filters()));
    this.flows.addEventListener('change', () => actions.setFlows(this.flows.checked));
    this.large.addEventListener('change', () => actions.setLarge(this.large.checked));
    byId('btn-fit').addEventListener('click', () => actions.fit());
    byId('btn-collapse').addEventListener('click', () => actions.collapseAll());
    byId('btn-expand').addEventListener('click', () => actions.expandAll());
    byId('btn-png').addEventListener('click', () => actions.exportPng());
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (e) => void this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.results.classList.remove('open'), 200));
  }

  /** Fills the zone filter from the current view, Purdue order. */
  setZones(zones: Array<{ id: string; name: string; level: number }>, selected?: string): void {
    replace(this.zone, h('option', { value: '' }, 'All zones'),
      ...zones.map((z) => h('option', { value: z.id }, `${z.name} (L${z.level})`)));
    this.zone.value = selected ?? '';
  }

  filters(): Filters {
    return {
      domain: (this.domain.value || undefined) as Filters['domain'],
      type: this.type.value || undefined,
      zone: this.zone.value || undefined,
    };
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    const q = this.input.value.trim();
    if (!q) {
      this.results.classList.remove('open');
      return;
    }
    this.timer = window.setTimeout(() => void this.lookup(q), 180);
  }

  private async lookup(q: string): Promise<AssetT[]> {
    this.pending = this.actions.search(q);
    const found = await this.pending;
    if (this.input.value.trim() !== q) return found;
    replace(this.results, found.length === 0
      ? h('li', { class: 'empty' }, `No asset matches “${q}”`)
      : found.map((a) => h('li', {},
        h('button', { type: 'button', class: 'result', 'data-id': a.id, onmousedown: () => this.choose(a.id) },
          h('strong', {}, a.id), h('span', {}, a.name), h('code', {}, a.ip ?? '')))));
    this.results.classList.add('open');
    return found;
  }

  private async onKey(e: KeyboardEvent): Promise<void> {
    if (e.key === 'Escape') this.results.classList.remove('open');
    if (e.key !== 'Enter') return;
    const q = this.input.value.trim();
    if (!q) return;
    window.clearTimeout(this.timer);
    const [first] = await this.lookup(q);
    if (first) this.choose(first.id);
  }

  private choose(id: string): void {
    this.results.classList.remove('open');
    this.actions.pick(id);
  }
}

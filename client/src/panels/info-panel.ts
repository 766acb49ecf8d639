// The right-hand panel: shows whatever is selected. Each render supersedes the previous one, so a
// slow response for an old selection never overwrites a newer one.
import { ApiError } from '../api-client.js';
import { byId, h, replace } from '../dom.js';
import { assetPanel } from './info-asset.js';
import { conduitPanel, flowPanel, zonePanel } from './info-topology.js';
import type { PanelContext } from './panel-kit.js';

export type Selection = { kind: 'zone' | 'asset' | 'conduit' | 'flow'; id: string };

export class InfoPanel {
  private readonly root = byId('info');
  private generation = 0;

  constructor(private readonly ctx: PanelContext) {}

  /** Shows a ready-made panel (overview, SIF). */
  show(content: HTMLElement): void {
    this.generation += 1;
    delete this.root.dataset.selected;
    replace(this.root, content);
  }

  async select(sel: Selection): Promise<void> {
    const generation = ++this.generation;
    this.root.classList.add('loading');
    try {
      const panel = sel.kind === 'asset' ? await assetPanel(sel.id, this.ctx)
        : sel.kind === 'zone' ? await zonePanel(sel.id, this.ctx)
          : sel.kind === 'conduit' ? await conduitPanel(sel.id, this.ctx)
            : await flowPanel(sel.id, this.ctx);
      if (generation === this.generation) {
        replace(this.root, panel);
        this.root.dataset.selected = sel.id;
      }
    } catch (error) {
      if (generation !== this.generation) return;
      const message = error instanceof ApiError ? error.message : `Could not load ${sel.id}.`;
      replace(this.root, h('p', { class: 'error' }, message));
    } finally {
      if (generation === this.generation) this.root.classList.remove('loading');
    }
  }
}

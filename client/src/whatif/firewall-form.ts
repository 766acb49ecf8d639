// Firewall rule-set change: pick a conduit, tick rules to remove, edit a rule's action or ports,
// add rules, or change the default action. The result is checked by FirewallChange (shared).
import type { FirewallChangeT } from '../../../server/impact/change-schema.js';
import { api, type ConduitT } from '../api-client.js';
import { h, replace } from '../dom.js';
import { endpointText, endpointValue, field, numberInput, portsValue, select, textInput, type ChangeForm } from './form-kit.js';

type Rule = ConduitT['rules'][number];
type ProposedRule = FirewallChangeT['add'][number];
const ACTIONS: Array<[string, string]> = [['allow', 'allow'], ['deny', 'deny']];
const PROTOCOLS: Array<[string, string]> = [['tcp', 'tcp'], ['udp', 'udp'], ['icmp', 'icmp'], ['any', 'any']];

export class FirewallForm implements ChangeForm {
  readonly element: HTMLElement;
  private readonly conduit: HTMLSelectElement;
  private readonly defaultAction: HTMLSelectElement;
  private readonly rulesBox = h('div', { class: 'rule-editor' });
  private readonly addBox = h('div', { class: 'add-rules' });
  private rules: Rule[] = [];
  private added = 0;

  constructor(conduits: Array<{ id: string; name: string }>, initial?: string) {
    this.conduit = select('conduit', [['', 'Choose a conduit…'], ...conduits.map((c): [string, string] => [c.id, `${c.id} — ${c.name}`])], initial ?? '');
    this.conduit.id = 'fw-conduit';
    this.conduit.addEventListener('change', () => void this.loadRules());
    this.defaultAction = select('defaultAction', [['', '(unchanged)'], ...ACTIONS]);
    this.element = h('div', { class: 'change-form firewall-form' },
      field('Conduit', 'conduit', this.conduit),
      this.rulesBox,
      h('div', { class: 'field-group' }, h('div', { class: 'group-title' }, 'Add rules'), this.addBox,
        h('button', { type: 'button', class: 'small', id: 'fw-add-rule', onclick: () => this.addRow() }, '+ Add a rule')),
      field('Default action', 'defaultAction', this.defaultAction));
    if (initial) void this.loadRules();
  }

  setConduit(id: string): Promise<void> {
    this.conduit.value = id;
    return this.loadRules();
  }

  /** Shows a change (from a shared link) as if it had been typed here. */
  async fill(change: FirewallChangeT): Promise<void> {
    replace(this.addBox);
    await this.setConduit(change.conduit);
    for (const id of change.remove) this.set(`remove-${id}`, true);
    for (const m of change.modify) {
      if (m.action !== undefined) this.set(`action-${m.id}`, m.action);
      if (m.ports !== undefined) this.set(`ports-${m.id}`, String(m.ports));
    }
    for (const rule of change.add) this.addRow(rule);
    this.defaultAction.value = change.defaultAction ?? '';
  }

  private set(name: string, value: string | boolean): void {
    const el = this.element.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`);
    if (!el) return;
    if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
    else el.value = value;
  }

  private async loadRules(): Promise<void> {
    const id = this.conduit.value;
    if (!id) {
      replace(this.rulesBox);
      return;
    }
    replace(this.rulesBox, h('p', { class: 'muted' }, 'Loading rules…'));
    const conduit = await api.conduit(id);
    if (this.conduit.value !== id) return;
    this.rules = conduit.rules;
    replace(this.rulesBox,
      h('div', { class: 'group-title' }, `Current rules, first match wins (default ${conduit.defaultAction})`),
      h('table', { class: 'rules editable' },
        h('thead', {}, h('tr', {}, ...['Remove', '#', 'Action', 'Proto', 'Source → destination', 'Ports'].map((t) => h('th', {}, t)))),
        h('tbody', {}, ...conduit.rules.map((r) => h('tr', { 'data-rule': r.id, title: r.description ?? '' },
          h('td', {}, h('input', { type: 'checkbox', name: `remove-${r.id}`, 'aria-label': `Remove ${r.id}` })),
          h('td', { class: 'num' }, String(r.seq)),
          h('td', { 'data-field': '' }, select(`action-${r.id}`, ACTIONS, r.action), h('span', { class: 'field-error', 'data-error': '' })),
          h('td', {}, r.protocol),
          h('td', { class: 'ends' }, h('code', {}, r.id), h('div', {}, `${endpointText(r.src) || 'any'} → ${endpointText(r.dst) || 'any'}`)),
          h('td', {}, textInput(`ports-${r.id}`, String(r.ports))))))));
  }

  /** A new rule row: empty but for a deny after the last ordinary rule, or a proposed rule shown. */
  private addRow(rule?: ProposedRule): void {
    const i = this.added++;
    const maxSeq = Math.max(0, ...this.rules.filter((r) => r.seq < 900).map((r) => r.seq));
    const row = h('div', { class: 'add-row', 'data-add': String(i) },
      field('Seq', `add.${i}.seq`, numberInput(`add-seq-${i}`, String(rule?.seq ?? maxSeq + 5))),
      field('Action', `add.${i}.action`, select(`add-action-${i}`, ACTIONS, rule?.action ?? 'deny')),
      field('Protocol', `add.${i}.protocol`, select(`add-protocol-${i}`, PROTOCOLS, rule?.protocol ?? 'tcp')),
      field('Source', `add.${i}.src`, textInput(`add-src-${i}`, rule ? endpointText(rule.src) : '', 'any, 10.0.0.0/24, zone:z-ctl or an asset id')),
      field('Destination', `add.${i}.dst`, textInput(`add-dst-${i}`, rule ? endpointText(rule.dst) : '', 'any, an address, zone:… or an asset id')),
      field('Ports', `add.${i}.ports`, textInput(`add-ports-${i}`, rule ? String(rule.ports) : '', '502, 1000-2000 or any')),
      h('button', { type: 'button', class: 'link remove-row', onclick: () => row.remove() }, 'Remove this new rule'));
    this.addBox.append(row);
  }

  private input(name: string): string {
    return (this.element.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`))?.value ?? '';
  }

  value(): unknown {
    const remove: string[] = [];
    const modify: Array<Record<string, unknown>> = [];
    for (const r of this.rules) {
      const box = this.element.querySelector<HTMLInputElement>(`[name="${CSS.escape(`remove-${r.id}`)}"]`);
      if (box?.checked) {
        remove.push(r.id);
        continue;
      }
      const mod: Record<string, unknown> = { id: r.id };
      const action = this.input(`action-${r.id}`);
      const ports = portsValue(this.input(`ports-${r.id}`));
      if (action !== r.action) mod.action = action;
      if (String(ports) !== String(r.ports)) mod.ports = ports;
      // Error paths name the position in the request, so each row learns its position now.
      const row = this.element.querySelector<HTMLElement>(`tr[data-rule="${CSS.escape(r.id)}"]`);
      const path = Object.keys(mod).length > 1 ? `modify.${modify.length}` : '';
      row?.querySelector('[data-field]')?.setAttribute('data-field', path);
      row?.querySelector('[data-error]')?.setAttribute('data-error', path);
      if (path) modify.push(mod);
    }
    for (const [position, row] of [...this.addBox.querySelectorAll<HTMLElement>('.add-row')].entries()) {
      for (const el of row.querySelectorAll<HTMLElement>('[data-field], [data-error]')) {
        for (const attr of ['data-field', 'data-error']) {
          const v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.replace(/^add\.\d+\./, `add.${position}.`));
        }
      }
    }
    const add = [...this.addBox.querySelectorAll<HTMLElement>('.add-row')].map((row) => {
      const i = row.dataset.add!;
      const seq = this.input(`add-seq-${i}`).trim();
      return {
        seq: seq === '' ? undefined : Number(seq),
        action: this.input(`add-action-${i}`),
        protocol: this.input(`add-protocol-${i}`),
        src: endpointValue(this.input(`add-src-${i}`)),
        dst: endpointValue(this.input(`add-dst-${i}`)),
        ports: portsValue(this.input(`add-ports-${i}`)),
      };
    });
    const defaultAction = this.defaultAction.value || undefined;
    return { kind: 'firewall', conduit: this.conduit.value, add, remove, modify, ...(defaultAction ? { defaultAction } : {}) };
  }
}

// Form helpers for the what-if panel. Validation is never written here: each form builds a plain
// object and the server's own zod schema judges it; this module only puts each issue next to the
// field its path names.
import type { z } from 'zod';
import { h, replace } from '../dom.js';

export function field(label: string, path: string, input: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'field', 'data-field': path },
    h('span', { class: 'field-label' }, label), input,
    hint ? h('span', { class: 'field-hint' }, hint) : false,
    h('span', { class: 'field-error', 'data-error': path }));
}

export function textInput(name: string, value = '', placeholder = ''): HTMLInputElement {
  return h('input', { type: 'text', name, value, placeholder, autocomplete: 'off', spellcheck: 'false' });
}

export function numberInput(name: string, value = '', placeholder = ''): HTMLInputElement {
  return h('input', { type: 'text', inputmode: 'decimal', name, value, placeholder, autocomplete: 'off' });
}

export function select(name: string, options: Array<[string, string]>, value = ''): HTMLSelectElement {
  const el = h('select', { name }, ...options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value;
  return el;
}

export const ids = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** An optional number: empty stays undefined, anything else goes to zod as typed (NaN included). */
export function optionalNumber(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

/** "502", "1000-2000" or "any" as the site document expects them. */
export function portsValue(text: string): number | string {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : t || 'any';
}

/** A rule endpoint typed by a person: any, an address, a CIDR, zone:<id>, or an asset id. */
export function endpointValue(text: string): unknown {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'any') return 'any';
  if (/^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(t)) return t;
  if (t.startsWith('zone:')) return { zone: t.slice(5).trim() };
  if (t.startsWith('asset:')) return { asset: t.slice(6).trim() };
  return { asset: t };
}

export function endpointText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && 'zone' in e) return `zone:${String((e as { zone: string }).zone)}`;
  if (e && typeof e === 'object' && 'asset' in e) return String((e as { asset: string }).asset);
  return '';
}

/** Shows each zod issue next to its field; issues without a field are listed at the top. */
export function showIssues(form: HTMLElement, summary: HTMLElement, issues: z.core.$ZodIssue[]): void {
  for (const el of form.querySelectorAll<HTMLElement>('[data-error]')) el.textContent = '';
  for (const el of form.querySelectorAll<HTMLElement>('.invalid')) el.classList.remove('invalid');
  const loose: string[] = [];
  for (const issue of issues) {
    const path = issue.path.join('.');
    const slot = findSlot(form, path);
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent}; ${issue.message}` : issue.message;
      slot.closest('[data-field]')?.classList.add('invalid');
    } else {
      loose.push(path ? `${path}: ${issue.message}` : issue.message);
    }
  }
  replace(summary, ...(loose.length ? [h('ul', { class: 'issues' }, ...loose.map((m) => h('li', {}, m)))] : []));
  summary.hidden = loose.length === 0;
}

/** The closest field for a path: "add.0.src.asset" falls back to "add.0.src", then "add.0". */
function findSlot(form: HTMLElement, path: string): HTMLElement | null {
  const parts = path.split('.');
  while (parts.length) {
    const slot = form.querySelector<HTMLElement>(`[data-error="${CSS.escape(parts.join('.'))}"]`);
    if (slot) return slot;
    parts.pop();
  }
  return null;
}

export interface ChangeForm {
  readonly element: HTMLElement;
  /** The change as typed, before validation. */
  value(): unknown;
}

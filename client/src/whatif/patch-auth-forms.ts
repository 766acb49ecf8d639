// Patch and authentication-policy changes. As with firewall changes, the shapes are judged by
// the shared zod schemas (PatchChange, AuthChange); these forms only collect what was typed.
import type { AuthChangeT, PatchChangeT } from '../../../server/impact/change-schema.js';
import { h } from '../dom.js';
import { field, ids, numberInput, optionalNumber, textInput, type ChangeForm } from './form-kit.js';

export class PatchForm implements ChangeForm {
  readonly element: HTMLElement;
  private readonly byTargets = h('input', { type: 'radio', name: 'patch-mode', value: 'targets', checked: true });
  private readonly bySelector = h('input', { type: 'radio', name: 'patch-mode', value: 'selector' });
  private readonly targets = textInput('targets', '', 'asset ids, comma-separated');
  private readonly vendor = textInput('vendor', '', 'e.g. Emerson');
  private readonly model = textInput('model', '', 'e.g. Rosemount 3051S SIS');
  private readonly versionBelow = textInput('versionBelow', '', 'e.g. 7.3');
  private readonly reboot = h('input', { type: 'checkbox', name: 'requiresReboot', checked: true });
  private readonly downtime = numberInput('downtimeMinutes', '0');
  private readonly targetBox: HTMLElement;
  private readonly selectorBox: HTMLElement;

  constructor(private readonly selected: () => string | undefined) {
    this.targetBox = h('div', { class: 'mode-box' },
      field('Targets', 'targets', this.targets, 'The assets to patch.'),
      h('button', { type: 'button', class: 'small', onclick: () => this.useSelected() }, 'Add the selected asset'));
    this.selectorBox = h('div', { class: 'mode-box', hidden: true },
      field('Vendor', 'selector.vendor', this.vendor),
      field('Model', 'selector.model', this.model),
      field('Version below', 'selector.versionBelow', this.versionBelow, 'Optional: only assets on an older version.'),
      h('span', { class: 'field-error', 'data-error': 'selector' }));
    for (const radio of [this.byTargets, this.bySelector]) radio.addEventListener('change', () => this.sync());
    this.element = h('div', { class: 'change-form patch-form' },
      h('div', { class: 'radio-row' },
        h('label', {}, this.byTargets, ' By asset'), h('label', {}, this.bySelector, ' By vendor / model')),
      this.targetBox, this.selectorBox,
      h('label', { class: 'check' }, this.reboot, ' Needs a reboot'),
      field('Downtime (minutes)', 'downtimeMinutes', this.downtime));
  }

  /** Shows a change (from a shared link) as if it had been typed here. */
  fill(change: PatchChangeT): void {
    this.bySelector.checked = change.selector !== undefined;
    this.byTargets.checked = !this.bySelector.checked;
    this.sync();
    this.targets.value = (change.targets ?? []).join(', ');
    this.vendor.value = change.selector?.vendor ?? '';
    this.model.value = change.selector?.model ?? '';
    this.versionBelow.value = change.selector?.versionBelow ?? '';
    this.reboot.checked = change.requiresReboot;
    this.downtime.value = String(change.downtimeMinutes);
  }

  private sync(): void {
    this.targetBox.hidden = !this.byTargets.checked;
    this.selectorBox.hidden = this.byTargets.checked;
  }

  private useSelected(): void {
    const id = this.selected();
    if (!id) return;
    const list = ids(this.targets.value);
    if (!list.includes(id)) this.targets.value = [...list, id].join(', ');
  }

  value(): unknown {
    const common = { kind: 'patch', requiresReboot: this.reboot.checked, downtimeMinutes: optionalNumber(this.downtime.value) ?? 0 };
    if (this.byTargets.checked) return { ...common, targets: ids(this.targets.value) };
    const selector = Object.fromEntries(
      ([['vendor', this.vendor], ['model', this.model], ['versionBelow', this.versionBelow]] as const)
        .flatMap(([k, el]) => (el.value.trim() ? [[k, el.value.trim()]] : [])),
    );
    return { ...common, selector };
  }
}

export class AuthForm implements ChangeForm {
  readonly element: HTMLElement;
  private readonly zones = textInput('zones', '', 'zone ids, e.g. z-ctl');
  private readonly assets = textInput('assets', '', 'asset ids, e.g. hmi-01, hmi-02');
  private readonly roles = textInput('roles', '', 'role ids');
  private readonly mfa = numberInput('mfa', '', 'seconds added per logon');
  private readonly lockout = numberInput('lockoutThreshold', '', 'failed attempts');
  private readonly timeout = numberInput('sessionTimeoutMinutes', '', 'minutes idle');

  constructor() {
    this.element = h('div', { class: 'change-form auth-form' },
      h('div', { class: 'group-title' }, 'Applies to'),
      h('span', { class: 'field-error', 'data-error': 'appliesTo' }),
      field('Zones', 'appliesTo.zones', this.zones),
      field('Assets', 'appliesTo.assets', this.assets),
      field('Roles', 'appliesTo.roles', this.roles),
      h('div', { class: 'group-title' }, 'Policy'),
      field('MFA: added seconds', 'mfa.addedSeconds', this.mfa, 'Leave empty for no MFA.'),
      field('Lockout threshold', 'lockoutThreshold', this.lockout),
      field('Session timeout (minutes)', 'sessionTimeoutMinutes', this.timeout));
  }

  /** Shows a change (from a shared link) as if it had been typed here. */
  fill(change: AuthChangeT): void {
    this.zones.value = change.appliesTo.zones.join(', ');
    this.assets.value = change.appliesTo.assets.join(', ');
    this.roles.value = change.appliesTo.roles.join(', ');
    this.mfa.value = change.mfa ? String(change.mfa.addedSeconds) : '';
    this.lockout.value = change.lockoutThreshold === undefined ? '' : String(change.lockoutThreshold);
    this.timeout.value = change.sessionTimeoutMinutes === undefined ? '' : String(change.sessionTimeoutMinutes);
  }

  value(): unknown {
    const mfa = optionalNumber(this.mfa.value);
    const lockout = optionalNumber(this.lockout.value);
    const timeout = optionalNumber(this.timeout.value);
    return {
      kind: 'auth',
      appliesTo: { zones: ids(this.zones.value), assets: ids(this.assets.value), roles: ids(this.roles.value) },
      ...(mfa === undefined ? {} : { mfa: { addedSeconds: mfa } }),
      ...(lockout === undefined ? {} : { lockoutThreshold: lockout }),
      ...(timeout === undefined ? {} : { sessionTimeoutMinutes: timeout }),
    };
  }
}

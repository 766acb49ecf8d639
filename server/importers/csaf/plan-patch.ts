// The patch what-if an advisory implies: apply the vendor fix to the assets it affects. Pure.
// Only assets "affected" (not "possibly affected": their version must be checked first) that a
// vendor_fix remediation covers are targets. The reboot comes from the fixes' restart_required:
// "none" on every fix means no reboot; any other category (even "service" or
// "vulnerable_component": on an embedded device the component is the device) or a fix that does
// not say means a reboot, the what-if engine's cautious default.
import type { PatchChangeT } from '../../impact/change-schema.js';
import type { AffectedAsset } from './match-assets.js';

export interface PatchPlan {
  change: PatchChangeT | null;
  note: string;
}

export function planPatch(affected: ReadonlyArray<AffectedAsset>): PatchPlan {
  const fixed = affected.filter((a) => a.status === 'affected' && a.remediations.some((r) => r.category === 'vendor_fix'));
  if (fixed.length === 0) {
    const note = affected.length === 0
      ? 'No asset is affected, so there is nothing to patch.'
      : 'No affected asset has a vendor fix in the advisory (only workarounds, mitigations or none available, or only possibly affected assets), so there is no patch to assess.';
    return { change: null, note };
  }
  const restarts = fixed.flatMap((a) => a.remediations.filter((r) => r.category === 'vendor_fix').map((r) => r.restart));
  const requiresReboot = !restarts.every((r) => r === 'none');
  const said = [...new Set(restarts.map((r) => r ?? 'not stated'))].sort();
  const skipped = affected.length - fixed.length;
  return {
    change: { kind: 'patch', targets: fixed.map((a) => a.asset), requiresReboot, downtimeMinutes: 0 },
    note: `Vendor fix applied to ${fixed.length} affected asset${fixed.length === 1 ? '' : 's'}` +
      (skipped ? ` (${skipped} possibly affected or without a vendor fix left out)` : '') +
      `; restart required: ${said.join(', ')}, so the what-if assumes ${requiresReboot ? 'a reboot' : 'no reboot'}.`,
  };
}

// The shared-system triage of an advisory's affected assets (DOMAIN.md §5.5: is it a shared
// system, which risks and registers cover it, which controls are involved). The assurance engine
// fills it; until it lands, triageFor answers placeholders, marked as such, so the advisory answer
// already has its final shape and swapping the implementation changes no caller.
import { z } from 'zod';
import type { DbClient } from '../../db/client.js';
import { Id } from '../../model/site-schema.js';

export const TriageItem = z.object({
  asset: Id,
  shared: z.boolean().nullable().describe('a shared system (DOMAIN.md §5.5); null until the assurance engine decides'),
  risks: z.array(z.unknown()).describe('the risks covering the asset, with register and owner; empty placeholder for now'),
  controls: z.array(z.unknown()).describe('the controls involved; empty placeholder for now'),
});

export const Triage = z.object({
  source: z.enum(['placeholder', 'assurance-engine']).describe('"placeholder": nothing is decided yet; the assurance engine fills these items'),
  note: z.string(),
  items: z.array(TriageItem),
});
export type Triage = z.infer<typeof Triage>;

export async function triageFor(_db: DbClient, assetIds: ReadonlyArray<string>): Promise<Triage> {
  return {
    source: 'placeholder',
    note: 'Placeholders: the shared-system triage (registers, owners, controls) is filled by the assurance engine.',
    items: assetIds.map((asset) => ({ asset, shared: null, risks: [], controls: [] })),
  };
}

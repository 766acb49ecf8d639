// Where a control applies and what it serves (the explorer's control table and detail): the one
// number the status routes do not give — which frameworks a control serves and where on the
// topology it is applied.
import { z } from 'zod';
import { Id } from '../model/primitives.js';

export const ControlScope = z.object({
  control: Id,
  frameworks: z.array(Id).describe('the frameworks of the requirements it satisfies directly'),
  requirements: z.number().int().describe('how many requirements it satisfies directly'),
  appliesTo: z.array(z.object({ id: Id, kind: z.enum(['zone', 'asset', 'conduit']) })).describe('empty: it applies site-wide'),
  mitigates: z.array(Id).describe('the risks it mitigates'),
});
export type ControlScopeT = z.infer<typeof ControlScope>;

export const SiteName = z.object({ site: z.string().nullable(), name: z.string().nullable() }).describe('null before a site is loaded');

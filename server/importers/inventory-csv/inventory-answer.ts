// The request and answer of POST /api/inventory and `npm run import-inventory`.
import { z } from 'zod';
import { ImportResult } from '../../model/api-schemas.js';
import { Asset, Id } from '../../model/site-schema.js';
import { Mapping } from './mapping.js';

export const MAX_CSV_CHARS = 50 * 1024 * 1024;

export const InventoryRequest = z.object({
  csv: z.string().min(1, 'must not be empty').max(MAX_CSV_CHARS, 'must be at most 50 MiB of text'),
  mapping: Mapping,
  dryRun: z.boolean().default(false).describe('true: say what would change and write nothing'),
}).strict();
export type InventoryRequest = z.input<typeof InventoryRequest>;

const MatchedBy = z.enum(['id', 'ip', 'name']);
export const RowProblemView = z.object({ line: z.number().int(), column: z.string().optional(), reason: z.string() });

export const InventoryAnswer = z.object({
  dryRun: z.boolean(),
  applied: z.boolean().describe('the graph now holds the changes (false for a dry run, or when nothing changes)'),
  rows: z.number().int(),
  created: z.array(z.object({ line: z.number().int(), asset: Asset })),
  updated: z.array(z.object({
    line: z.number().int(), id: Id, matchedBy: MatchedBy,
    changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  })),
  unchanged: z.array(z.object({ line: z.number().int(), id: Id, matchedBy: MatchedBy })),
  problems: z.array(RowProblemView).describe('rows that cannot be placed or validated; any problem refuses the whole file'),
  import: ImportResult.nullable().describe("the site import's result when applied"),
  message: z.string(),
});
export type InventoryAnswer = z.infer<typeof InventoryAnswer>;

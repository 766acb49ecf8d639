// How an inventory CSV's columns map to asset fields: header names of the CSV's first row, given
// as options (--column ip="IP Address") or as a small YAML/JSON mapping file:
//   columns: { name: Device Name, ip: IP Address, vendor: Manufacturer, model: Model,
//              version: Firmware, type: Device Type, zone: Zone, subnet: Subnet, id: Asset Tag }
//   types: { "Safety Controller": sis-logic-solver, PLC: plc }   # the CSV's words → asset types
//   defaultType: server                                          # for new assets with no type
//   delimiter: ","
import { z } from 'zod';
import { AssetType } from '../../model/site-schema.js';

export const INVENTORY_FIELDS = ['id', 'ip', 'name', 'vendor', 'model', 'version', 'zone', 'subnet', 'type'] as const;
export type InventoryField = (typeof INVENTORY_FIELDS)[number];

const Header = z.string().min(1, 'must name a column of the header').max(200);

export const Mapping = z.object({
  columns: z.object(Object.fromEntries(INVENTORY_FIELDS.map((f) => [f, Header.optional()])) as Record<InventoryField, z.ZodOptional<typeof Header>>)
    .strict()
    .refine((c) => c.id !== undefined || c.ip !== undefined || c.name !== undefined, {
      message: 'map at least one of id, ip or name: rows are matched to assets by them',
    }),
  // Key lengths are a rule OpenAPI 3.0 cannot state (it has no propertyNames): refined, so 422.
  types: z.record(z.string(), AssetType)
    .refine((t) => Object.keys(t).length <= 500, 'at most 500 type words')
    .refine((t) => Object.keys(t).every((k) => k.length >= 1 && k.length <= 100), 'each type word must be 1–100 characters')
    .meta({ maxProperties: 500 })
    .default({})
    .describe("the CSV's type words (any case) → Interlock asset types; a cell that already is an asset type needs no entry"),
  defaultType: AssetType.optional().describe('the type of a new asset whose row gives none'),
  delimiter: z.enum([',', ';', '\t', '|']).default(','),
}).strict();
export type Mapping = z.infer<typeof Mapping>;

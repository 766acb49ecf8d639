// The inventory planning rules without a database: matching order (id, then IP, then name),
// ambiguity, placement by zone name, subnet and narrowest CIDR, generated ids, refused rows.
import { describe, expect, it } from 'vitest';
import { Mapping } from '../server/importers/inventory-csv/mapping.js';
import { planInventory, slug } from '../server/importers/inventory-csv/plan-inventory.js';
import type { AssetT, ZoneT } from '../server/model/site-schema.js';

const zone = (id: string, name: string, cidr?: string): ZoneT => ({ id, name, purdueLevel: 2, domain: 'OT', slTarget: 2, slAchieved: 1, safety: false, ...(cidr ? { cidr } : {}) });
const asset = (id: string, name: string, ip?: string, z = 'z-wide'): AssetT => ({ id, name, type: 'server', zone: z, manned: false, ...(ip ? { ip } : {}) });
const site = {
  zones: [zone('z-wide', 'Wide', '10.0.0.0/16'), zone('z-narrow', 'Narrow zone', '10.0.5.0/24'), zone('z-none', 'No CIDR')],
  assets: [asset('a1', 'Pump PLC', '10.0.0.1'), asset('a2', 'Twin', '10.0.0.2'), asset('a3', 'twin ', '10.0.0.3'), asset('pump-plc', 'Other', '10.0.0.9')],
};
const mapping = Mapping.parse({ columns: { id: 'id', name: 'name', ip: 'ip', zone: 'zone', subnet: 'subnet', type: 'type' }, defaultType: 'plc' });
const rows = (...cells: Array<Record<string, string>>) => cells.map((c, i) => ({ line: i + 2, cells: c }));
const plan = (...cells: Array<Record<string, string>>) => planInventory(rows(...cells), mapping, site);

describe('inventory planning', () => {
  it('matches by id before IP before name; a name shared by two assets (any case, spaces) is ambiguous', () => {
    const p = plan({ id: 'a1', ip: '10.0.0.1', name: 'Renamed' }, { ip: '10.0.0.2', name: 'Pump PLC' }, { name: 'PUMP  plc' }, { name: 'TWIN' });
    expect(p.updated.map((u) => [u.line, u.id, u.matchedBy])).toEqual([[2, 'a1', 'id'], [3, 'a2', 'ip']]);
    expect(p.problems).toEqual([
      { line: 4, reason: 'the same asset ("a1") as line 2' },
      { line: 5, reason: 'name "TWIN" matches 2 assets (a2, a3): give an id to say which' },
    ]);
  });

  it('places new assets by zone name, by subnet, by the narrowest CIDR holding the IP; ids from names, made unique', () => {
    const p = plan({ name: 'Pump PLC!', zone: 'narrow ZONE' }, { name: 'Valve', subnet: '10.0.5.128/25', ip: '10.0.5.130' }, { name: 'Pump PLC!', ip: '10.0.5.7' }, { name: 'Far', ip: '10.0.200.1', type: 'Sensor' });
    expect(p.problems).toEqual([]);
    expect(p.created.map((c) => [c.line, c.asset.id, c.asset.zone, c.asset.type])).toEqual([
      [2, 'pump-plc-2', 'z-narrow', 'plc'], [3, 'valve', 'z-narrow', 'plc'], [4, 'pump-plc-3', 'z-narrow', 'plc'], [5, 'far', 'z-wide', 'sensor'],
    ]);
    expect(slug('Gérant — Ventil Ø 3"')).toBe('gerant-ventil-3');
  });

  it('refuses rows it cannot place or that contradict themselves', () => {
    const p = plan(
      { name: 'Nowhere', ip: '192.168.0.1' },
      { name: 'Mismatch', zone: 'z-wide', subnet: '10.0.5.0/24' },
      { name: 'Outside', zone: 'z-narrow', ip: '10.0.6.1' },
      { id: 'a1', ip: '10.0.0.9' },
      { name: 'New one', ip: '10.0.7.7' }, { name: 'New two', ip: '10.0.7.7' },
      { id: 'bad id!', name: 'x' },
    );
    expect(p.problems).toEqual([
      { line: 2, reason: "cannot place a new asset: no zone or subnet given, and IP 192.168.0.1 is in no zone's CIDR" },
      { line: 3, column: 'subnet', reason: 'subnet 10.0.5.0/24 is in zone "z-narrow", not in "z-wide" as the zone column says' },
      { line: 4, column: 'ip', reason: 'IP 10.0.6.1 is outside zone "z-narrow" (10.0.5.0/24)' },
      { line: 5, column: 'ip', reason: 'IP 10.0.0.9 belongs to asset "pump-plc", not to "a1"' },
      { line: 7, column: 'ip', reason: 'IP 10.0.7.7 is also on line 6' },
      { line: 8, column: 'id', reason: '"bad id!" is not an id: 1–128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit' },
    ]);
    expect(p.created.map((c) => c.asset.id)).toEqual(['new-one']);
  });
});

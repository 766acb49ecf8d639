// Turns inventory rows into asset changes against the stored site, or says why a row cannot be
// used. Pure. The rules (docs/importers.md, "Asset inventories from CSV"):
// - A row is matched to an existing asset by id, then by IP, then by name (trimmed, any case):
//   the first of the three that the row gives and that finds an asset decides. An IP or a name
//   that several stored assets share is ambiguous and the row is refused.
// - A matched asset takes the row's non-empty cells; an empty cell keeps what is stored. It moves
//   zone only when the row names a zone or subnet.
// - A new asset is placed in the zone the row names (by id or name), else the zone of its subnet
//   column, else the zone whose CIDR contains its IP (the narrowest when zones nest). Its id is
//   the id column, else made from its name ("Gas detector GD-17" → "gas-detector-gd-17", with
//   "-2", "-3" … when taken). It needs a name and a type (a type column or the mapping's defaultType).
// - Two rows for the same asset, or two rows claiming the same IP, refuse the later row.
import { isIpv4, parseCidr, parseIpv4, rangeContains, type IntRange } from '../../model/ipv4.js';
import { ASSET_TYPES, Asset, ID_PATTERN, type AssetT, type ZoneT } from '../../model/site-schema.js';
import type { InventoryField, Mapping } from './mapping.js';
import type { CsvRow, RowProblem } from './read-csv.js';

export type MatchedBy = 'id' | 'ip' | 'name';
export interface FieldChange { field: string; from: string | null; to: string | null }

export interface InventoryPlan {
  created: Array<{ line: number; asset: AssetT }>;
  updated: Array<{ line: number; id: string; matchedBy: MatchedBy; changes: FieldChange[]; asset: AssetT }>;
  unchanged: Array<{ line: number; id: string; matchedBy: MatchedBy }>;
  problems: RowProblem[];
}

const COPIED = ['name', 'ip', 'vendor', 'model', 'version'] as const;
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function slug(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120);
  return s || 'asset';
}

function group<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

class Zones {
  private readonly ranges: Array<{ zone: ZoneT; range: IntRange }>;
  private readonly byKey: Map<string, ZoneT>;
  constructor(zones: ZoneT[]) {
    this.ranges = zones.flatMap((zone) => (zone.cidr ? [{ zone, range: parseCidr(zone.cidr)! }] : []))
      .sort((a, b) => (a.range.hi - a.range.lo) - (b.range.hi - b.range.lo));
    this.byKey = new Map([...zones.map((z) => [norm(z.name), z] as const), ...zones.map((z) => [z.id, z] as const)]);
  }
  named(text: string): ZoneT | undefined {
    return this.byKey.get(text) ?? this.byKey.get(norm(text));
  }
  /** The narrowest zone whose CIDR contains the range. */
  containing(range: IntRange): ZoneT | undefined {
    return this.ranges.find((r) => rangeContains(r.range, range))?.zone;
  }
  cidrOf(id: string): IntRange | undefined {
    return this.ranges.find((r) => r.zone.id === id)?.range;
  }
}

export function planInventory(rows: CsvRow[], mapping: Mapping, site: { assets: AssetT[]; zones: ZoneT[] }): InventoryPlan {
  const plan: InventoryPlan = { created: [], updated: [], unchanged: [], problems: [] };
  const zones = new Zones(site.zones);
  const byId = new Map(site.assets.map((a) => [a.id, a]));
  const byIp = group(site.assets, (a) => a.ip);
  const byName = group(site.assets, (a) => norm(a.name));
  const types = new Map([...ASSET_TYPES.map((t) => [t, t] as const), ...Object.entries(mapping.types).map(([k, v]) => [norm(k), v] as const)]);
  const claimed = new Map<string, number>(); // asset id → line
  const ips = new Map<string, number>(); // IP → line
  const taken = new Set(byId.keys());

  for (const row of rows) {
    const problems: RowProblem[] = [];
    const say = (field: InventoryField | null, reason: string) => problems.push({ line: row.line, ...(field && mapping.columns[field] ? { column: mapping.columns[field] } : {}), reason });
    const v = Object.fromEntries(Object.entries(mapping.columns).map(([f, column]) => [f, column ? row.cells[column]?.trim() || undefined : undefined])) as Partial<Record<InventoryField, string>>;

    if (v.id !== undefined && !ID_PATTERN.test(v.id)) say('id', `"${v.id}" is not an id: 1–128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit`);
    if (v.ip !== undefined && !isIpv4(v.ip)) say('ip', `"${v.ip}" is not an IPv4 address`);
    const type = v.type === undefined ? undefined : types.get(norm(v.type) as never);
    if (v.type !== undefined && !type) say('type', `"${v.type}" is neither an asset type nor one of the mapping's types`);
    const named = v.zone === undefined ? undefined : zones.named(v.zone);
    if (v.zone !== undefined && !named) say('zone', `no zone has the id or name "${v.zone}"`);
    const subnet = v.subnet === undefined ? undefined : parseCidr(v.subnet);
    const subnetZone = subnet ? zones.containing(subnet) : undefined;
    if (v.subnet !== undefined && !subnet) say('subnet', `"${v.subnet}" is not a CIDR such as 10.20.1.0/24`);
    else if (subnet && !subnetZone) say('subnet', `subnet ${v.subnet} is inside no zone's CIDR`);
    if (named && subnetZone && named.id !== subnetZone.id) say('subnet', `subnet ${v.subnet} is in zone "${subnetZone.id}", not in "${named.id}" as the zone column says`);
    if (problems.length) {
      plan.problems.push(...problems);
      continue;
    }

    const one = (found: AssetT[] | undefined, what: string): AssetT | undefined => {
      if (found && found.length > 1) say(null, `${what} matches ${found.length} assets (${found.map((a) => a.id).join(', ')}): give an id to say which`);
      return found?.length === 1 ? found[0] : undefined;
    };
    let matchedBy: MatchedBy | null = null;
    let current: AssetT | undefined;
    if (v.id !== undefined && byId.has(v.id)) [current, matchedBy] = [byId.get(v.id), 'id'];
    if (!current && v.ip !== undefined) {
      current = one(byIp.get(v.ip), `IP ${v.ip}`);
      if (current) matchedBy = 'ip';
    }
    if (!current && v.name !== undefined) {
      current = one(byName.get(norm(v.name)), `name "${v.name}"`);
      if (current) matchedBy = 'name';
    }
    if (problems.length) {
      plan.problems.push(...problems);
      continue;
    }
    const holder = v.ip === undefined ? undefined : byIp.get(v.ip)?.find((a) => a.id !== current?.id);
    if (holder && current) say('ip', `IP ${v.ip} belongs to asset "${holder.id}", not to "${current.id}"`);

    const zone = named ?? subnetZone ?? (current ? undefined : v.ip ? zones.containing({ lo: parseIpv4(v.ip)!, hi: parseIpv4(v.ip)! }) : undefined);
    const id = current?.id ?? v.id ?? nextId(slug(v.name ?? v.ip ?? 'asset'), taken);
    if (!current) {
      if (v.name === undefined) say('name', 'a new asset needs a name');
      if (!type && !mapping.defaultType) say('type', 'a new asset needs a type: map a type column or set defaultType in the mapping');
      if (!zone) say(null, `cannot place a new asset: no zone or subnet given${v.ip ? `, and IP ${v.ip} is in no zone's CIDR` : ' and no IP'}`);
    }
    const zoneId = zone?.id ?? current?.zone;
    const cidr = zoneId ? zones.cidrOf(zoneId) : undefined;
    const ip = v.ip ?? current?.ip;
    if (ip && cidr && zoneId && !rangeContains(cidr, { lo: parseIpv4(ip)!, hi: parseIpv4(ip)! })) say('ip', `IP ${ip} is outside zone "${zoneId}" (${site.zones.find((z) => z.id === zoneId)?.cidr})`);
    const earlier = claimed.get(id);
    if (earlier !== undefined) say(null, `the same asset ("${id}") as line ${earlier}`);
    const ipEarlier = v.ip === undefined ? undefined : ips.get(v.ip);
    if (ipEarlier !== undefined && earlier === undefined) say('ip', `IP ${v.ip} is also on line ${ipEarlier}`);
    if (problems.length) {
      plan.problems.push(...problems);
      continue;
    }

    const next = { ...(current ?? { manned: false }), id, zone: zoneId!, type: type ?? current?.type ?? mapping.defaultType! } as AssetT;
    for (const f of COPIED) if (v[f] !== undefined) next[f] = v[f]!;
    const checked = Asset.safeParse(next);
    if (!checked.success) {
      for (const issue of checked.error.issues) say((String(issue.path[0]) as InventoryField), `${String(issue.path[0])} ${issue.message}`);
      plan.problems.push(...problems);
      continue;
    }
    claimed.set(id, row.line);
    if (v.ip !== undefined) ips.set(v.ip, row.line);
    taken.add(id);
    if (!current) {
      plan.created.push({ line: row.line, asset: checked.data });
      continue;
    }
    const changes = (['name', 'ip', 'vendor', 'model', 'version', 'type', 'zone'] as const)
      .filter((f) => (current[f] ?? null) !== (checked.data[f] ?? null))
      .map((f) => ({ field: f, from: current[f] ?? null, to: checked.data[f] ?? null }));
    if (changes.length) plan.updated.push({ line: row.line, id, matchedBy: matchedBy!, changes, asset: checked.data });
    else plan.unchanged.push({ line: row.line, id, matchedBy: matchedBy! });
  }
  return plan;
}

function nextId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// Checks a proposed change against the graph and turns it into query parameters: rule endpoints
// resolved to integer ranges, modifications merged into full rule rows, patch selectors resolved
// to asset ids. Unknown references are 404s naming the field; nothing here decides a finding.
import { AppError, notFound } from '../errors.js';
import { parseCidr, parseIpv4 } from '../model/ipv4.js';
import { parsePorts } from '../model/ports.js';
import type { Endpoint } from '../model/site-schema.js';
import { inOrder, type Tx } from '../db/client.js';
import { endpointProps, ruleProps, type AddressBook } from '../site/to-graph.js';
import type { AuthChangeT, Change, FirewallChangeT, PatchChangeT } from './change-schema.js';
import { isVersionBelow } from './versions.js';

export interface RuleRow {
  id: string;
  seq: number;
  action: 'allow' | 'deny';
  protocol: string;
  srcLo: number; srcHi: number; dstLo: number; dstHi: number; portLo: number; portHi: number;
  proposed: true;
}

export interface ConduitEdit {
  conduit: string;
  replaced: string[];
  rules: RuleRow[];
  defaultAction: 'allow' | 'deny' | null;
}

export type NormalizedChange =
  | { kind: 'firewall'; index: number; change: FirewallChangeT; edit: ConduitEdit; currentDefault: string }
  | { kind: 'patch'; index: number; change: PatchChangeT; targets: string[] }
  | { kind: 'auth'; index: number; change: AuthChangeT; zones: string[]; assets: string[]; roles: string[] };

interface Entity { id: string; label: string; ip: string | null; cidr: string | null }

async function findEntities(tx: Tx, ids: string[]): Promise<Map<string, Entity>> {
  const rows = ids.length ? await tx.run('impact/find-entities', { ids: [...new Set(ids)] }) : [];
  return new Map(rows.map((r) => [r.id as string, r as Entity]));
}

function expectLabel(found: Map<string, Entity>, id: string, label: string, kind: string, path: string): Entity {
  const entity = found.get(id);
  if (!entity || entity.label !== label) throw notFound(kind, id, path);
  return entity;
}

/** Unknown references of a change, all of them: a 404 that names only the first hides the rest. */
class Unknowns {
  readonly errors: Array<{ path: string; message: string }> = [];
  check(found: Map<string, Entity>, id: string, label: string, kind: string, path: string): void {
    const entity = found.get(id);
    if (!entity || entity.label !== label) this.errors.push({ path, message: `${kind} "${id}" does not exist.` });
  }
  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }
  throwIfAny(): void {
    if (this.errors.length) throw unknownReferences(this.errors);
  }
}

export const unknownReferences = (errors: Array<{ path: string; message: string }>) =>
  new AppError('INTERLOCK_NOT_FOUND', errors.length === 1 ? errors[0]!.message : `${errors.length} references do not exist: ${errors.map((e) => e.path).join(', ')}.`, errors);

const endpointIds = (e: Endpoint | undefined) => (e && typeof e === 'object' ? [Object.values(e)[0]!] : []);

function checkEndpoints(unknown: Unknowns, found: Map<string, Entity>, rule: { src?: Endpoint; dst?: Endpoint }, at: string): void {
  for (const side of ['src', 'dst'] as const) {
    const e = rule[side];
    if (e && typeof e === 'object') {
      if ('asset' in e) unknown.check(found, e.asset, 'Asset', 'asset', `${at}.${side}.asset`);
      else unknown.check(found, e.zone, 'Zone', 'zone', `${at}.${side}.zone`);
    }
  }
}

function addressBookFor(found: Map<string, Entity>, at: string): AddressBook {
  return {
    assetIp: (id) => {
      const e = expectLabel(found, id, 'Asset', 'asset', at);
      if (!e.ip) throw new AppError('INTERLOCK_UNPROCESSABLE', `asset "${id}" has no IP address, so a rule cannot match it.`, [{ path: at, message: `asset "${id}" has no IP address` }]);
      return parseIpv4(e.ip)!;
    },
    zoneRange: (id) => {
      const e = expectLabel(found, id, 'Zone', 'zone', at);
      if (!e.cidr) throw new AppError('INTERLOCK_UNPROCESSABLE', `zone "${id}" has no cidr, so a rule cannot match it.`, [{ path: at, message: `zone "${id}" has no cidr` }]);
      return parseCidr(e.cidr)!;
    },
  };
}

function toRow(props: Record<string, unknown>): RuleRow {
  const { id, seq, action, protocol, srcLo, srcHi, dstLo, dstHi, portLo, portHi } = props as unknown as RuleRow;
  return { id, seq, action, protocol, srcLo, srcHi, dstLo, dstHi, portLo, portHi, proposed: true };
}

async function normalizeFirewall(tx: Tx, change: FirewallChangeT, index: number, at: string): Promise<NormalizedChange> {
  // Both lookups go out together (one round trip); the conduit is still checked first.
  const [[conduit], found] = await inOrder([
    tx.run('impact/conduit-rules', { conduit: change.conduit }),
    findEntities(tx, [
      ...change.add.flatMap((r) => [r.id ?? '', ...endpointIds(r.src), ...endpointIds(r.dst)]).filter(Boolean),
      ...change.modify.flatMap((m) => [...endpointIds(m.src), ...endpointIds(m.dst)]),
      ...change.remove, ...change.modify.map((m) => m.id),
    ]),
  ]);
  if (!conduit) throw notFound('conduit', change.conduit, `${at}.conduit`);
  const stored = new Map<string, Record<string, unknown>>((conduit.rules as Record<string, unknown>[]).map((r) => [r.id as string, r]));
  const unknown = new Unknowns();
  const onConduit = (id: string, path: string) => {
    if (stored.has(id)) return;
    unknown.add(path, found.get(id)?.label === 'FirewallRule' ? `rule "${id}" is not on conduit "${change.conduit}".` : `firewall rule "${id}" does not exist.`);
  };
  change.remove.forEach((id, i) => onConduit(id, `${at}.remove[${i}]`));
  change.modify.forEach((m, i) => onConduit(m.id, `${at}.modify[${i}].id`));
  change.modify.forEach((m, i) => checkEndpoints(unknown, found, m, `${at}.modify[${i}]`));
  change.add.forEach((r, i) => checkEndpoints(unknown, found, r, `${at}.add[${i}]`));
  unknown.throwIfAny();
  const removed = new Set(change.remove);
  change.modify.forEach((m, i) => {
    if (removed.has(m.id)) throw new AppError('INTERLOCK_INVALID_CHANGE', `rule "${m.id}" is both removed and modified.`, [{ path: `${at}.modify[${i}].id`, message: 'also listed in remove' }]);
  });

  const modified = change.modify.map((m, i) => {
    const base = stored.get(m.id)!;
    const book = addressBookFor(found, `${at}.modify[${i}]`);
    const row: Record<string, unknown> = { ...base };
    if (m.seq !== undefined) row.seq = m.seq;
    if (m.action) row.action = m.action;
    if (m.protocol) row.protocol = m.protocol;
    if (m.src) Object.assign(row, endpointProps('src', m.src, book));
    if (m.dst) Object.assign(row, endpointProps('dst', m.dst, book));
    if (m.ports !== undefined) {
      const ports = parsePorts(m.ports)!;
      Object.assign(row, { portLo: ports.lo, portHi: ports.hi });
    }
    return toRow(row);
  });
  const added = change.add.map((rule, i) => {
    const id = rule.id ?? `proposed-${i + 1}`;
    if (found.has(id) || stored.has(id)) throw new AppError('INTERLOCK_CONFLICT', `rule id "${id}" already exists.`, [{ path: `${at}.add[${i}].id`, message: `id "${id}" already exists` }]);
    return toRow(ruleProps({ ...rule, id }, change.conduit, addressBookFor(found, `${at}.add[${i}]`)));
  });

  const replaced = [...change.remove, ...change.modify.map((m) => m.id)];
  const after = [...[...stored.values()].filter((r) => !replaced.includes(r.id as string)).map((r) => ({ id: r.id as string, seq: r.seq as number })), ...modified, ...added];
  const bySeq = new Map<number, string>();
  for (const r of after) {
    const other = bySeq.get(r.seq);
    if (other) throw new AppError('INTERLOCK_INVALID_CHANGE', `seq ${r.seq} on conduit "${change.conduit}" would be used by both "${other}" and "${r.id}"; first match needs an unambiguous order.`, [{ path: `${at}`, message: `seq ${r.seq} used twice` }]);
    bySeq.set(r.seq, r.id);
  }
  return {
    kind: 'firewall', index, change, currentDefault: conduit.defaultAction,
    edit: { conduit: change.conduit, replaced, rules: [...modified, ...added], defaultAction: change.defaultAction ?? null },
  };
}

async function normalizePatch(tx: Tx, change: PatchChangeT, index: number, at: string): Promise<NormalizedChange> {
  if (change.targets) {
    const found = await findEntities(tx, change.targets);
    const unknown = new Unknowns();
    change.targets.forEach((id, i) => unknown.check(found, id, 'Asset', 'asset', `${at}.targets[${i}]`));
    unknown.throwIfAny();
    return { kind: 'patch', index, change, targets: [...new Set(change.targets)] };
  }
  const selector = change.selector!;
  const versions = await tx.run('impact/select-assets', { vendor: selector.vendor ?? null, model: selector.model ?? null });
  const targets = versions.filter((v) => !selector.versionBelow || isVersionBelow(v.version, selector.versionBelow))
    .flatMap((v) => v.ids as string[]).sort();
  if (targets.length === 0) {
    throw new AppError('INTERLOCK_UNPROCESSABLE', 'The patch selector matches no asset.', [{ path: `${at}.selector`, message: 'matches no asset' }]);
  }
  return { kind: 'patch', index, change, targets };
}

async function normalizeAuth(tx: Tx, change: AuthChangeT, index: number, at: string): Promise<NormalizedChange> {
  const { zones, assets, roles } = change.appliesTo;
  const found = await findEntities(tx, [...zones, ...assets, ...roles]);
  const unknown = new Unknowns();
  zones.forEach((id, i) => unknown.check(found, id, 'Zone', 'zone', `${at}.appliesTo.zones[${i}]`));
  assets.forEach((id, i) => unknown.check(found, id, 'Asset', 'asset', `${at}.appliesTo.assets[${i}]`));
  roles.forEach((id, i) => unknown.check(found, id, 'Role', 'role', `${at}.appliesTo.roles[${i}]`));
  unknown.throwIfAny();
  return { kind: 'auth', index, change, zones, assets, roles };
}

export async function normalizeChange(tx: Tx, change: Change, index: number, at: string): Promise<NormalizedChange> {
  switch (change.kind) {
    case 'firewall': return normalizeFirewall(tx, change, index, at);
    case 'patch': return normalizePatch(tx, change, index, at);
    case 'auth': return normalizeAuth(tx, change, index, at);
  }
}

/** Firewall edits of a change set merged per conduit: the combined overlay. */
export function mergeEdits(edits: ReadonlyArray<ConduitEdit>): ConduitEdit[] {
  const byConduit = new Map<string, ConduitEdit>();
  for (const e of edits) {
    const prev = byConduit.get(e.conduit);
    if (!prev) {
      byConduit.set(e.conduit, { ...e, replaced: [...e.replaced], rules: [...e.rules] });
      continue;
    }
    // A later change in the set supersedes an earlier one's version of the same rule.
    const ids = new Set(e.rules.map((r) => r.id));
    prev.rules = [...prev.rules.filter((r) => !ids.has(r.id) && !e.replaced.includes(r.id)), ...e.rules];
    prev.replaced = [...new Set([...prev.replaced, ...e.replaced])];
    prev.defaultAction = e.defaultAction ?? prev.defaultAction;
  }
  return [...byConduit.values()];
}

// Complete, referential validation of a site document. Shape errors come from zod, entity by
// entity; the cross-references are checked here over the raw input too, so that one pass reports
// every problem at once (a person fixing a 5,000-line file wants the whole list, not the first
// error). Work and memory are bounded: collections have a maximum size, and errors past
// MAX_ERRORS are counted, not kept (an invalid 2-million-element import once built a 198 MB
// error body).
import type { z } from 'zod';
import { COLLECTION_NAMES, COLLECTIONS, RULE, type CollectionName } from './collections.js';
import { parseCidr, parseIpv4, rangeContains } from './ipv4.js';
import { referencesOf, type FoundReference } from './references.js';
import { MAX_COLLECTION_SIZE, SiteInfo, type SiteDocument } from './site-schema.js';

export interface ValidationError {
  path: string;
  message: string;
}

export const MAX_ERRORS = 1000;

export type SiteValidation =
  | { ok: true; site: SiteDocument }
  | { ok: false; errors: ValidationError[]; total: number; breaksSchema: boolean };

type Loose = Record<string, unknown>;

/** Errors up to a cap, each once; past the cap only counted. `accept` can pass over some paths. */
export class ErrorList {
  readonly errors: ValidationError[] = [];
  total = 0;
  /** Some problem is one the published schema states (a shape), not only a rule it cannot state. */
  breaksSchema = false;
  private readonly seen = new Set<string>();
  constructor(private readonly cap = MAX_ERRORS, private readonly accept: (path: string) => boolean = () => true) {}

  add(path: string, message: string): void {
    if (!this.accept(path)) return;
    const key = `${path}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.total += 1;
    if (this.errors.length < this.cap) {
      this.errors.push({ path, message });
      this.seen.add(key);
    }
  }

  get ok(): boolean {
    return this.total === 0;
  }
}

/** "an asset", "a zone": kinds and asset types are named in messages. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "asset", "asset or zone", "asset, zone or conduit". */
export function kindsOf(targets: readonly CollectionName[]): string {
  const kinds = targets.map((t) => COLLECTIONS[t].kind);
  return kinds.length <= 1 ? (kinds[0] ?? '') : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(document)';
}

/**
 * Zod's refinements are the rules a JSON schema cannot state, and so are a record's key patterns
 * (OpenAPI 3.0 has no propertyNames); every other issue breaks the published schema.
 */
export const breaksSchema = (error: z.ZodError) => error.issues.some((issue) => issue.code !== 'custom' && issue.code !== 'invalid_key');

export function zodErrors(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): ValidationError[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

/** Shape, entity by entity, so a huge invalid collection costs bounded memory. */
function shapeOf(input: unknown, errors: ErrorList): SiteDocument | undefined {
  const failed = (error: z.ZodError, prefix: PropertyKey[]) => {
    errors.breaksSchema ||= breaksSchema(error);
    for (const e of zodErrors(error, prefix)) errors.add(e.path, e.message);
  };
  const malformed = (path: string, message: string) => {
    errors.breaksSchema = true;
    errors.add(path, message);
  };
  if (!isObject(input)) {
    malformed('(document)', `Invalid input: expected object, received ${input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input}`);
    return undefined;
  }
  const doc: Record<string, unknown> = {};
  if (input.site !== undefined) {
    const site = SiteInfo.safeParse(input.site);
    if (site.success) doc.site = site.data;
    else failed(site.error, ['site']);
  }
  for (const name of COLLECTION_NAMES) {
    // Absent means empty; null is not an array (the schema says so), so it is refused, not read as empty.
    const value = input[name] === undefined ? [] : input[name];
    if (!Array.isArray(value)) {
      malformed(name, `Invalid input: expected array, received ${value === null ? 'null' : typeof value}`);
      continue;
    }
    if (value.length > MAX_COLLECTION_SIZE) {
      malformed(name, `Too big: expected array to have <=${MAX_COLLECTION_SIZE} items`);
      continue;
    }
    const schema = COLLECTIONS[name].schema;
    doc[name] = value.map((item, i) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success) failed(parsed.error, [name, i]);
      return parsed.data;
    });
  }
  const unknown = Object.keys(input).filter((k) => k !== 'site' && !(COLLECTION_NAMES as readonly string[]).includes(k));
  if (unknown.length) malformed('(document)', `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k}"`).join(', ')}`);
  return errors.ok ? (doc as SiteDocument) : undefined;
}

/** Shape only: a merge document's references are checked against the stored site later. */
export function validateShape(input: unknown, cap = MAX_ERRORS): SiteValidation {
  const errors = new ErrorList(cap);
  const site = shapeOf(input, errors);
  return site ? { ok: true, site } : { ok: false, errors: errors.errors, total: errors.total, breaksSchema: errors.breaksSchema };
}

export function validateSite(input: unknown, cap = MAX_ERRORS): SiteValidation {
  const errors = new ErrorList(cap);
  const site = shapeOf(input, errors);
  if (isObject(input)) referentialErrors(input, errors);
  if (!errors.ok || !site) return { ok: false, errors: errors.errors, total: errors.total, breaksSchema: errors.breaksSchema };
  return { ok: true, site };
}

interface Entry { item: Loose; path: string }

/**
 * Cross-reference checks over a raw document. Exported for partial validation: an incremental
 * edit checks a small document made of the edited entities, what depends on them and stubs of
 * what they name (server/site/partial-validation.ts), then keeps the errors on the entities it
 * checked.
 */
export function referentialErrors(doc: Loose, errors: ErrorList): void {
  const err = (path: string, message: string) => errors.add(path, message);
  const entries = new Map<CollectionName, Entry[]>(COLLECTION_NAMES.map((name) => [name, list(doc[name]).map((item, i) => ({ item: isObject(item) ? item : {}, path: `${name}[${i}]` }))]));
  const items = (name: CollectionName) => entries.get(name)!;

  // Every id is unique across the whole document, rules included: references such as
  // `appliesTo` and the graph views resolve an id without knowing its kind.
  const kindOfId = new Map<string, string>();
  const claim = (id: unknown, kind: string, path: string) => {
    if (typeof id !== 'string') return;
    const seen = kindOfId.get(id);
    if (seen) err(`${path}.id`, `id "${id}" is already used by ${withArticle(seen)}; every id must be unique.`);
    else kindOfId.set(id, kind);
  };
  for (const name of COLLECTION_NAMES) for (const { item, path } of items(name)) claim(item.id, COLLECTIONS[name].kind, path);
  for (const { item, path } of items('conduits')) {
    list(item.rules).forEach((rule, j) => isObject(rule) && claim(rule.id, RULE.kind, `${path}.rules[${j}]`));
  }

  const byId = new Map<CollectionName, Map<unknown, Loose>>(COLLECTION_NAMES.map((name) => [name, new Map(items(name).map(({ item }) => [item.id, item] as const))]));
  const get = (name: CollectionName, id: unknown) => byId.get(name)!.get(id);

  // Existence of every reference the registry declares; the checks below only look at resolved ones.
  const resolved = new Set<string>();
  const exists = (entry: Entry, found: FoundReference) => {
    const path = `${entry.path}.${found.path}`;
    if (found.reference.targets.some((t) => byId.get(t)!.has(found.id))) return resolved.add(path);
    const actual = kindOfId.get(found.id);
    const kind = kindsOf(found.reference.targets);
    err(path, actual ? `"${found.id}" is ${withArticle(actual)}, not ${withArticle(kind)}.` : `${kind} "${found.id}" does not exist.`);
  };
  const ok = (path: string) => resolved.has(path);

  const zoneOf = (assetId: unknown) => get('assets', assetId)?.zone;
  const ipOwner = new Map<number, string>();

  // Checks beyond existence, per collection; each runs right after that entity's references.
  const CHECKS: Partial<Record<CollectionName, (entry: Entry) => void>> = {
    assets: ({ item, path }) => {
      if (!ok(`${path}.zone`)) return;
      const ip = typeof item.ip === 'string' ? parseIpv4(item.ip) : null;
      if (ip === null) return;
      const owner = ipOwner.get(ip);
      if (owner) err(`${path}.ip`, `IP ${String(item.ip)} is already the address of asset "${owner}".`);
      else ipOwner.set(ip, String(item.id));
      const zone = get('zones', item.zone);
      const range = typeof zone?.cidr === 'string' ? parseCidr(zone.cidr) : null;
      if (range && !rangeContains(range, { lo: ip, hi: ip })) {
        err(`${path}.ip`, `IP ${String(item.ip)} is outside its zone "${String(item.zone)}" (${String(zone?.cidr)}).`);
      }
    },
    conduits: ({ item, path }) => {
      const ends = list(item.zones);
      if (ends.length === 2 && ends[0] === ends[1]) err(`${path}.zones`, 'a conduit must connect two different zones.');
      list(item.firewalls).forEach((fw, i) => {
        if (!ok(`${path}.firewalls[${i}]`)) return;
        const type = get('assets', fw)?.type;
        if (!['firewall', 'data-diode', 'router'].includes(String(type))) {
          err(`${path}.firewalls[${i}]`, `asset "${String(fw)}" is ${withArticle(String(type))}; a conduit is enforced by a firewall, data diode or router.`);
        }
      });
      const seqs = new Map<unknown, unknown>();
      list(item.rules).forEach((rule, j) => {
        if (!isObject(rule)) return;
        const rpath = `${path}.rules[${j}]`;
        if (seqs.has(rule.seq)) err(`${rpath}.seq`, `seq ${String(rule.seq)} is already used by rule "${String(seqs.get(rule.seq))}" on this conduit; first match wins, so order must be unambiguous.`);
        else seqs.set(rule.seq, rule.id);
        for (const side of ['src', 'dst'] as const) addressable(rule[side], `${rpath}.${side}`);
        if (rule.protocol === 'icmp' && rule.ports !== undefined && rule.ports !== 'any') err(`${rpath}.ports`, 'an icmp rule has no ports; leave ports out or write "any".');
      });
    },
    flows: ({ item, path }) => {
      if (item.protocol === 'icmp' && item.port !== undefined) err(`${path}.port`, 'an icmp flow has no port.');
      if ((item.protocol === 'tcp' || item.protocol === 'udp') && item.port === undefined) err(`${path}.port`, `a ${item.protocol} flow needs a port.`);
      const via = list(item.via);
      if (via.length > 0) {
        for (const end of ['from', 'to'] as const) {
          const asset = get('assets', item[end]);
          if (asset && typeof asset.ip !== 'string') err(`${path}.${end}`, `asset "${String(item[end])}" has no IP address, so this flow cannot cross a firewalled conduit.`);
        }
      }
      if (ok(`${path}.from`) && item.from === item.to) err(`${path}.to`, 'a flow cannot go from an asset to itself.');
      if (ok(`${path}.from`) && ok(`${path}.to`) && via.every((_, i) => ok(`${path}.via[${i}]`))) chain(item, via, path);
    },
    sifs: ({ item, path }) => {
      const groupIds = new Set<unknown>();
      list(item.groups).forEach((group, g) => {
        if (!isObject(group)) return;
        const gpath = `${path}.groups[${g}]`;
        if (groupIds.has(group.id)) err(`${gpath}.id`, `group "${String(group.id)}" appears twice in this SIF.`);
        groupIds.add(group.id);
        const elements = list(group.elements);
        if (new Set(elements).size !== elements.length) err(`${gpath}.elements`, 'an element is listed twice in this group.');
        const voting = typeof group.voting === 'string' ? /^(\d+)oo(\d+)$/.exec(group.voting) : null;
        if (voting) {
          const [m, n] = [Number(voting[1]), Number(voting[2])];
          if (m > n) err(`${gpath}.voting`, `${String(group.voting)}: M must not exceed N.`);
          else if (n !== elements.length) err(`${gpath}.voting`, `${String(group.voting)} needs ${n} elements but the group has ${elements.length}.`);
        }
      });
    },
    procedures: ({ item, path }) => {
      if (typeof item.maxSeconds === 'number' && typeof item.nominalSeconds === 'number' && item.maxSeconds < item.nominalSeconds) {
        err(`${path}.maxSeconds`, `maxSeconds (${item.maxSeconds}) is below nominalSeconds (${item.nominalSeconds}): the procedure could never complete in time.`);
      }
    },
    requirements: ({ item, path }) => {
      if (ok(`${path}.parent`) && get('requirements', item.parent)?.framework !== item.framework) {
        err(`${path}.parent`, `parent "${String(item.parent)}" belongs to another framework.`);
      }
    },
    mappings: ({ item, path }) => {
      if (item.from === item.to) err(`${path}.to`, 'a requirement cannot be mapped to itself.');
    },
    profiles: ({ item, path }) => {
      for (const target of Object.keys(isObject(item.targets) ? item.targets : {})) {
        if (!ok(`${path}.targets.${target}`)) continue;
        const requirement = get('requirements', target);
        if (requirement?.framework !== item.framework) err(`${path}.targets.${target}`, `requirement "${target}" is not part of framework "${String(item.framework)}".`);
        else if (requirement?.assessable === false) err(`${path}.targets.${target}`, `requirement "${target}" is not assessed (it groups others); set targets on the requirements under it.`);
      }
    },
    controls: ({ item, path }) => {
      list(item.satisfies).forEach((id, j) => {
        // Stubs of stored requirements may not say; only a requirement known to group others is refused.
        if (ok(`${path}.satisfies[${j}]`) && get('requirements', id)?.assessable === false) {
          err(`${path}.satisfies[${j}]`, `requirement "${String(id)}" is not assessed (it groups others); satisfy the requirements under it.`);
        }
      });
      const assessment = isObject(item.assessment) ? item.assessment : {};
      for (const domain of ['IT', 'OT']) {
        if (assessment[domain] && item.domain !== 'BOTH' && item.domain !== domain) err(`${path}.assessment.${domain}`, `an ${String(item.domain)} control cannot be assessed for ${domain}.`);
      }
    },
    evidence: ({ item, path }) => {
      const supported = list(item.supports).filter((_, j) => ok(`${path}.supports[${j}]`)).map((id) => get('controls', id)?.domain);
      if (supported.length === 0 || supported.includes(undefined)) return;
      for (const domain of list(item.domains)) {
        if (!supported.some((d) => d === 'BOTH' || d === domain)) err(`${path}.domains`, `the evidence covers ${String(domain)} but none of the controls it supports does.`);
      }
    },
  };

  for (const name of COLLECTION_NAMES) {
    for (const entry of items(name)) {
      for (const found of referencesOf(name, entry.item)) exists(entry, found);
      CHECKS[name]?.(entry);
    }
  }

  function addressable(endpoint: unknown, path: string) {
    if (!isObject(endpoint)) return;
    if ('asset' in endpoint && ok(`${path}.asset`) && typeof get('assets', endpoint.asset)?.ip !== 'string') {
      err(`${path}.asset`, `asset "${String(endpoint.asset)}" has no IP address, so a rule cannot match it.`);
    }
    if ('zone' in endpoint && ok(`${path}.zone`) && typeof get('zones', endpoint.zone)?.cidr !== 'string') {
      err(`${path}.zone`, `zone "${String(endpoint.zone)}" has no cidr, so a rule cannot match it.`);
    }
  }

  function chain(flow: Loose, via: unknown[], path: string) {
    let zone = zoneOf(flow.from);
    const target = zoneOf(flow.to);
    // An endpoint in an unknown zone has its own error; a chain from there would only echo it.
    if (!byId.get('zones')!.has(zone) || !byId.get('zones')!.has(target)) return;
    for (let i = 0; i < via.length; i++) {
      const ends = list(get('conduits', via[i])?.zones);
      if (ends.length !== 2) return; // the conduit's own shape error says why; a chain through it means nothing
      if (!ends.includes(zone)) {
        err(`${path}.via[${i}]`, `conduit "${String(via[i])}" connects ${ends.map(String).join(' and ')}, not zone "${String(zone)}" where the flow is at this point.`);
        return;
      }
      zone = ends.find((z) => z !== zone);
    }
    if (zone !== target) {
      err(`${path}.via`, via.length === 0
        ? `the flow goes from zone "${String(zone)}" to zone "${String(target)}" but crosses no conduit; list the conduits in crossing order.`
        : `the conduits end in zone "${String(zone)}" but the destination "${String(flow.to)}" is in zone "${String(target)}".`);
    }
  }
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

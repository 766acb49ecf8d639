// Complete, referential validation of a site document. Shape errors come from zod; the
// cross-references are checked here over the raw input too, so that one pass reports every
// problem at once (a person fixing a 5,000-line file wants the whole list, not the first error).
import type { z } from 'zod';
import { parseCidr, parseIpv4, rangeContains } from './ipv4.js';
import { SiteDocument } from './site-schema.js';

export interface ValidationError {
  path: string;
  message: string;
}

export type SiteValidation =
  | { ok: true; site: SiteDocument }
  | { ok: false; errors: ValidationError[] };

type Loose = Record<string, unknown>;

/** "an asset", "a zone": kinds and asset types are named in messages. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
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
 * `assets[9].zone` → `assets[id=ls1].zone`: for entities a client knows by id, not by their
 * index in a document it never saw. Indexes below `keepBelow(collection)` stay as they are (they
 * point into the client's own document); `note` prefixes the renamed errors' messages.
 */
export function nameById(
  errors: ValidationError[],
  site: Record<string, unknown>,
  keepBelow: (collection: string) => number = () => 0,
  note = '',
): ValidationError[] {
  return errors.map((e) => {
    const m = /^([a-z]+)\[(\d+)\](.*)$/.exec(e.path);
    const items = m ? site[m[1]!] : undefined;
    if (!m || !Array.isArray(items) || Number(m[2]) < keepBelow(m[1]!)) return e;
    const item = items[Number(m[2])] as { id?: string } | undefined;
    return item?.id ? { path: `${m[1]}[id=${item.id}]${m[3]}`, message: `${note}${e.message}` } : e;
  });
}

export function zodErrors(error: z.ZodError): ValidationError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export function validateSite(input: unknown): SiteValidation {
  const parsed = SiteDocument.safeParse(input);
  const errors = parsed.success ? [] : zodErrors(parsed.error);
  if (isObject(input)) errors.push(...referentialErrors(input));
  const unique = dedupe(errors);
  if (unique.length > 0 || !parsed.success) return { ok: false, errors: unique };
  return { ok: true, site: parsed.data };
}

function referentialErrors(doc: Loose): ValidationError[] {
  const errors: ValidationError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const items = (key: string) =>
    list(doc[key]).map((item, i) => ({ item: isObject(item) ? item : {}, path: `${key}[${i}]` }));

  // Every id is unique across the whole document, rules included: references such as
  // `appliesTo` and the graph views resolve an id without knowing its kind.
  const kindOf = new Map<string, string>();
  const claim = (id: unknown, kind: string, path: string) => {
    if (typeof id !== 'string') return;
    const seen = kindOf.get(id);
    if (seen) err(`${path}.id`, `id "${id}" is already used by ${withArticle(seen)}; every id must be unique.`);
    else kindOf.set(id, kind);
  };
  const KINDS: Array<[string, string]> = [
    ['zones', 'zone'], ['conduits', 'conduit'], ['assets', 'asset'], ['flows', 'flow'],
    ['sifs', 'SIF'], ['procedures', 'procedure'], ['roles', 'role'], ['frameworks', 'framework'],
    ['requirements', 'requirement'], ['controls', 'control'], ['evidence', 'evidence record'],
    ['risks', 'risk'],
  ];
  for (const [key, kind] of KINDS) for (const { item, path } of items(key)) claim(item.id, kind, path);
  for (const { item, path } of items('conduits')) {
    list(item.rules).forEach((rule, j) => isObject(rule) && claim(rule.id, 'firewall rule', `${path}.rules[${j}]`));
  }

  const byId = (key: string) => new Map(items(key).map(({ item }) => [item.id, item] as const));
  const zones = byId('zones');
  const assets = byId('assets');
  const conduits = byId('conduits');
  const flows = byId('flows');
  const sifs = byId('sifs');
  const roles = byId('roles');
  const requirements = byId('requirements');
  const controls = byId('controls');
  const risks = byId('risks');
  const frameworks = byId('frameworks');

  const ref = (value: unknown, path: string, kind: string, ...targets: Map<unknown, Loose>[]) => {
    if (typeof value !== 'string') return false;
    if (targets.some((t) => t.has(value))) return true;
    const actual = kindOf.get(value);
    err(path, actual ? `"${value}" is ${withArticle(actual)}, not ${withArticle(kind)}.` : `${kind} "${value}" does not exist.`);
    return false;
  };
  const refs = (value: unknown, path: string, kind: string, ...targets: Map<unknown, Loose>[]) =>
    list(value).forEach((v, i) => ref(v, `${path}[${i}]`, kind, ...targets));

  const ipOwner = new Map<number, string>();
  for (const { item, path } of items('assets')) {
    if (!ref(item.zone, `${path}.zone`, 'zone', zones)) continue;
    const ip = typeof item.ip === 'string' ? parseIpv4(item.ip) : null;
    if (ip === null) continue;
    const owner = ipOwner.get(ip);
    if (owner) err(`${path}.ip`, `IP ${String(item.ip)} is already the address of asset "${owner}".`);
    else ipOwner.set(ip, String(item.id));
    const zone = zones.get(item.zone);
    const range = typeof zone?.cidr === 'string' ? parseCidr(zone.cidr) : null;
    if (range && !rangeContains(range, { lo: ip, hi: ip })) {
      err(`${path}.ip`, `IP ${String(item.ip)} is outside its zone "${String(item.zone)}" (${String(zone?.cidr)}).`);
    }
  }

  for (const { item, path } of items('conduits')) {
    const ends = list(item.zones);
    ends.forEach((z, i) => ref(z, `${path}.zones[${i}]`, 'zone', zones));
    if (ends.length === 2 && ends[0] === ends[1]) err(`${path}.zones`, 'a conduit must connect two different zones.');
    list(item.firewalls).forEach((fw, i) => {
      if (!ref(fw, `${path}.firewalls[${i}]`, 'asset', assets)) return;
      const type = assets.get(fw)?.type;
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
      for (const side of ['src', 'dst'] as const) checkEndpoint(rule[side], `${rpath}.${side}`);
      if (rule.protocol === 'icmp' && rule.ports !== undefined && rule.ports !== 'any') err(`${rpath}.ports`, 'an icmp rule has no ports; leave ports out or write "any".');
    });
  }

  function checkEndpoint(endpoint: unknown, path: string) {
    if (!isObject(endpoint)) return;
    if ('asset' in endpoint && ref(endpoint.asset, `${path}.asset`, 'asset', assets)) {
      if (typeof assets.get(endpoint.asset)?.ip !== 'string') err(`${path}.asset`, `asset "${String(endpoint.asset)}" has no IP address, so a rule cannot match it.`);
    }
    if ('zone' in endpoint && ref(endpoint.zone, `${path}.zone`, 'zone', zones)) {
      if (typeof zones.get(endpoint.zone)?.cidr !== 'string') err(`${path}.zone`, `zone "${String(endpoint.zone)}" has no cidr, so a rule cannot match it.`);
    }
  }

  for (const { item, path } of items('flows')) {
    const fromOk = ref(item.from, `${path}.from`, 'asset', assets);
    const toOk = ref(item.to, `${path}.to`, 'asset', assets);
    refs(item.routesThrough, `${path}.routesThrough`, 'asset', assets);
    if (item.protocol === 'icmp' && item.port !== undefined) err(`${path}.port`, 'an icmp flow has no port.');
    if ((item.protocol === 'tcp' || item.protocol === 'udp') && item.port === undefined) err(`${path}.port`, `a ${item.protocol} flow needs a port.`);
    const via = list(item.via);
    if (via.length > 0) {
      for (const end of ['from', 'to'] as const) {
        const asset = assets.get(item[end]);
        if (asset && typeof asset.ip !== 'string') err(`${path}.${end}`, `asset "${String(item[end])}" has no IP address, so this flow cannot cross a firewalled conduit.`);
      }
    }
    if (fromOk && item.from === item.to) err(`${path}.to`, 'a flow cannot go from an asset to itself.');
    if (!fromOk || !toOk) continue;
    checkChain(item, via, path);
  }

  function checkChain(flow: Loose, via: unknown[], path: string) {
    let zone = assets.get(flow.from)?.zone;
    const target = assets.get(flow.to)?.zone;
    // An endpoint in an unknown zone has its own error; a chain from there would only echo it.
    if (!zones.has(zone) || !zones.has(target)) return;
    for (let i = 0; i < via.length; i++) {
      if (!ref(via[i], `${path}.via[${i}]`, 'conduit', conduits)) return;
      const ends = list(conduits.get(via[i])?.zones);
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

  for (const { item, path } of items('sifs')) {
    refs(item.dependsOn, `${path}.dependsOn`, 'flow', flows);
    const groupIds = new Set<unknown>();
    list(item.groups).forEach((group, g) => {
      if (!isObject(group)) return;
      const gpath = `${path}.groups[${g}]`;
      if (groupIds.has(group.id)) err(`${gpath}.id`, `group "${String(group.id)}" appears twice in this SIF.`);
      groupIds.add(group.id);
      const elements = list(group.elements);
      refs(elements, `${gpath}.elements`, 'asset', assets);
      if (new Set(elements).size !== elements.length) err(`${gpath}.elements`, 'an element is listed twice in this group.');
      const voting = typeof group.voting === 'string' ? /^(\d+)oo(\d+)$/.exec(group.voting) : null;
      if (voting) {
        const [m, n] = [Number(voting[1]), Number(voting[2])];
        if (m > n) err(`${gpath}.voting`, `${String(group.voting)}: M must not exceed N.`);
        else if (n !== elements.length) err(`${gpath}.voting`, `${String(group.voting)} needs ${n} elements but the group has ${elements.length}.`);
      }
    });
  }

  for (const { item, path } of items('procedures')) {
    refs(item.uses, `${path}.uses`, 'asset', assets);
    refs(item.dependsOn, `${path}.dependsOn`, 'flow', flows);
    refs(item.performedBy, `${path}.performedBy`, 'role', roles);
    refs(item.backsUp, `${path}.backsUp`, 'SIF', sifs);
    if (typeof item.maxSeconds === 'number' && typeof item.nominalSeconds === 'number' && item.maxSeconds < item.nominalSeconds) {
      err(`${path}.maxSeconds`, `maxSeconds (${item.maxSeconds}) is below nominalSeconds (${item.nominalSeconds}): the procedure could never complete in time.`);
    }
  }
  for (const { item, path } of items('roles')) refs(item.accesses, `${path}.accesses`, 'asset', assets);
  for (const { item, path } of items('requirements')) {
    ref(item.framework, `${path}.framework`, 'framework', frameworks);
    refs(item.equivalentTo, `${path}.equivalentTo`, 'requirement', requirements);
    if (list(item.equivalentTo).includes(item.id)) err(`${path}.equivalentTo`, 'a requirement cannot be mapped as equivalent to itself.');
  }
  for (const { item, path } of items('controls')) {
    refs(item.satisfies, `${path}.satisfies`, 'requirement', requirements);
    refs(item.appliesTo, `${path}.appliesTo`, 'asset, zone or conduit', assets, zones, conduits);
    refs(item.mitigates, `${path}.mitigates`, 'risk', risks);
  }
  for (const { item, path } of items('evidence')) refs(item.supports, `${path}.supports`, 'control', controls);
  for (const { item, path } of items('risks')) refs(item.affects, `${path}.affects`, 'asset or zone', assets, zones);
  return errors;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dedupe(errors: ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

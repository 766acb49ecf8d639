// Pure shaping of graph rows into Cytoscape elements ({group, data, classes}). No I/O: the rows
// come from cypher/views/*.cypher through view-reader.ts, and tests feed them by hand.
import type {
  AssetElementT, ConduitElementT, FlowElementT, SifRefT, ZoneElementT,
} from './view-schema.js';
import { bypassesDmz, levelName, purdueSpan } from './purdue.js';
import type { SafetyIndex } from './safety-index.js';

type Props = Record<string, unknown>;

export interface ZoneRow {
  props: Props;
  assetCount: number;
  typeCounts: Array<{ type: string; count: number }>;
}
export interface AssetRow {
  props: Props;
  zone: string;
}
export interface ConduitRow {
  props: Props;
  zones: string[];
  firewalls: string[];
  rules: string[];
}
export interface FlowRow {
  props: Props;
  from: string;
  to: string;
  via: string[];
  routesThrough: string[];
  safetyRequired: boolean;
}

/** Asset types that make up a safety instrumented system itself. */
export const SIS_TYPES: ReadonlySet<string> = new Set(['sis-logic-solver', 'sis-ews']);

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const classes = (...names: Array<string | false | undefined>) => names.filter(Boolean).join(' ');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function zoneLabel(z: { name: string; purdueLevel: number; domain: string; slTarget: number; slAchieved: number }, summary?: { assetCount: number; sifCount: number }): string {
  const below = z.slAchieved < z.slTarget;
  const head = `${z.name}`;
  const facts = `${levelName(z.purdueLevel)} · ${z.domain} · SL-T ${z.slTarget} / SL-A ${z.slAchieved}${below ? ' ▼' : ''}`;
  if (!summary) return `${head}\n${facts}`;
  const sifs = summary.sifCount > 0 ? ` · ${plural(summary.sifCount, 'SIF')}` : '';
  return `${head}\n${facts}\n${plural(summary.assetCount, 'asset')}${sifs}`;
}

export function zoneElement(row: ZoneRow, summary: boolean, safety: SafetyIndex): ZoneElementT {
  const p = row.props;
  const id = String(p.id);
  const name = String(p.name);
  const purdueLevel = Number(p.purdueLevel);
  const domain = p.domain === 'IT' ? 'IT' : 'OT';
  const slTarget = Number(p.slTarget);
  const slAchieved = Number(p.slAchieved);
  const isSafety = p.safety === true;
  const belowTarget = slAchieved < slTarget;
  const sifs = safety.zones.get(id) ?? [];
  const typeCounts = Object.fromEntries(row.typeCounts.map((t) => [t.type, t.count]));
  const facts = { name, purdueLevel, domain, slTarget, slAchieved };
  return {
    group: 'nodes',
    data: {
      id, kind: 'zone', name, purdueLevel, domain, slTarget, slAchieved, safety: isSafety, belowTarget,
      label: zoneLabel(facts, summary ? { assetCount: row.assetCount, sifCount: sifs.length } : undefined),
      summaryLabel: zoneLabel(facts, { assetCount: row.assetCount, sifCount: sifs.length }),
      ...(str(p.cidr) ? { cidr: str(p.cidr) } : {}),
      ...(str(p.description) ? { description: str(p.description) } : {}),
      assetCount: row.assetCount, typeCounts, summary, sifs,
    },
    classes: classes('zone', domain === 'IT' ? 'zone-it' : 'zone-ot', isSafety && 'safety', belowTarget && 'below-target', summary && 'summary'),
  };
}

export function assetElement(row: AssetRow, zoneDomain: 'IT' | 'OT', safety: SafetyIndex): AssetElementT {
  const p = row.props;
  const id = String(p.id);
  const type = String(p.type) as AssetElementT['data']['type'];
  const sifs = safety.assets.get(id) ?? [];
  const sifElement = safety.elements.has(id);
  const optional = Object.fromEntries(
    (['ip', 'vendor', 'model', 'version'] as const).flatMap((k) => (str(p[k]) ? [[k, str(p[k])]] : [])),
  );
  return {
    group: 'nodes',
    data: {
      id, label: id, kind: 'asset', parent: row.zone, name: String(p.name), type, domain: zoneDomain,
      ...optional, manned: p.manned === true, sifElement, sifs,
    },
    classes: classes('asset', SIS_TYPES.has(type) && 'sis', sifElement && 'sif-element', sifs.length > 0 && 'on-safety-path'),
  };
}

export interface ZoneFacts {
  purdueLevel: number;
  domain: 'IT' | 'OT';
  safety: boolean;
}

export function conduitLabel(slTarget: number, ruleCount: number, flags: { span: number; bypassesDmz: boolean }): string {
  const warnings = [
    flags.span > 1 ? `▲ spans ${flags.span} levels` : '',
    flags.bypassesDmz ? '▲ bypasses DMZ' : '',
  ].filter(Boolean);
  return [`SL-T ${slTarget} · ${plural(ruleCount, 'rule')}`, ...warnings].join('\n');
}

export function conduitElement(row: ConduitRow, zones: ReadonlyMap<string, ZoneFacts>, safety: SafetyIndex): ConduitElementT | undefined {
  const [source, target] = row.zones;
  const a = source ? zones.get(source) : undefined;
  const b = target ? zones.get(target) : undefined;
  if (!source || !target || !a || !b) return undefined;
  const p = row.props;
  const id = String(p.id);
  const slTarget = Number(p.slTarget);
  const span = purdueSpan(a.purdueLevel, b.purdueLevel);
  const bypass = bypassesDmz(a, b);
  const isSafety = a.safety || b.safety;
  return {
    group: 'edges',
    data: {
      id, kind: 'conduit', source, target, name: String(p.name), slTarget,
      label: conduitLabel(slTarget, row.rules.length, { span, bypassesDmz: bypass }),
      defaultAction: p.defaultAction === 'allow' ? 'allow' : 'deny',
      ruleCount: row.rules.length, rules: row.rules, firewalls: row.firewalls,
      purdueSpan: span, crossesLevels: span > 1, bypassesDmz: bypass, safety: isSafety,
      sifs: safety.conduits.get(id) ?? [],
    },
    classes: classes('conduit', (span > 1 || bypass) && 'flagged', span > 1 && 'crosses-levels', bypass && 'bypasses-dmz', isSafety && 'safety'),
  };
}

export function flowElement(row: FlowRow, safety: SafetyIndex): FlowElementT {
  const p = row.props;
  const id = String(p.id);
  const protocol = String(p.protocol) as FlowElementT['data']['protocol'];
  const port = num(p.port);
  const sifs: SifRefT[] = safety.flows.get(id) ?? [];
  return {
    group: 'edges',
    data: {
      id, kind: 'flow', source: row.from, target: row.to,
      label: port === undefined ? protocol : `${protocol}/${port}`,
      ...(str(p.name) ? { name: str(p.name) } : {}),
      protocol, ...(port === undefined ? {} : { port }), purpose: String(p.purpose),
      via: row.via, routesThrough: row.routesThrough, safetyRequired: row.safetyRequired, sifs,
    },
    classes: classes('flow', row.safetyRequired && 'safety-flow'),
  };
}

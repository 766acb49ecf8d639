// Property: for random rule sets, flows and proposed firewall changes, the Cypher engine's
// decisions agree with the independent in-memory reference evaluator, crossing by crossing,
// before and after the change.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { FirewallChange, type FirewallChangeT } from '../server/impact/change-schema.js';
import { explainFlow } from '../server/impact/explain.js';
import { formatIpv4 } from '../server/model/ipv4.js';
import { SiteDocument, type SiteDocumentInput } from '../server/model/site-schema.js';
import { matches, OracleEstate } from '../server/oracle/firewall-evaluator.js';
import { loadSite, testDb } from './helpers/db.js';

let db: DbClient;
beforeAll(async () => {
  db = await testDb();
});
afterAll(async () => db.close());

const ZONES = ['za', 'zb', 'zc'] as const;
const zoneBase = (z: number) => 10 * 2 ** 24 + (z + 1) * 2 ** 16; // 10.1.0.0, 10.2.0.0, 10.3.0.0

const protocolArb = fc.oneof({ weight: 4, arbitrary: fc.constant('tcp') }, fc.constant('udp'), fc.constant('icmp'));
// Few hosts and few ports, so that rules overlap and first-match order is really exercised.
const PORTS = [22, 80, 443, 502] as const;
const portsArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('any' as const) },
  fc.constantFrom(...PORTS),
  fc.constantFrom('1-100', '80-502', '443-1024', '500-65535'),
);

/** Hosts 1..6 in each zone; endpoints name them, their zones, CIDRs around them, or any. */
const endpointArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant('any' as const) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 })).map(([z, h]) => ({ asset: `${ZONES[z]}-h${h}` })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }).map((z) => ({ zone: ZONES[z]! })) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 })).map(([z, h]) => formatIpv4(zoneBase(z) + h)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom(29, 30, 24, 16, 12)).map(([z, bits]) => `${formatIpv4(zoneBase(z) - (zoneBase(z) % 2 ** (32 - bits)))}/${bits}`) },
);

const ruleArb = fc.record({
  action: fc.constantFrom('allow' as const, 'deny' as const),
  protocol: fc.oneof({ weight: 3, arbitrary: fc.constant('any') }, { weight: 3, arbitrary: fc.constant('tcp') }, fc.constant('udp'), fc.constant('icmp')),
  src: endpointArb,
  dst: endpointArb,
  ports: portsArb,
});

const CONDUITS = [{ id: 'c-ab', zones: ['za', 'zb'] }, { id: 'c-bc', zones: ['zb', 'zc'] }] as const;
const ROUTES: Array<{ from: number; to: number; via: string[] }> = [
  { from: 0, to: 1, via: ['c-ab'] }, { from: 1, to: 0, via: ['c-ab'] }, { from: 1, to: 2, via: ['c-bc'] },
  { from: 2, to: 1, via: ['c-bc'] }, { from: 0, to: 2, via: ['c-ab', 'c-bc'] }, { from: 2, to: 0, via: ['c-bc', 'c-ab'] },
];

const siteArb = fc.record({
  rules: fc.tuple(fc.array(ruleArb, { minLength: 2, maxLength: 12 }), fc.array(ruleArb, { minLength: 2, maxLength: 12 })),
  defaults: fc.tuple(fc.constantFrom('allow' as const, 'deny' as const), fc.constantFrom('allow' as const, 'deny' as const)),
  flows: fc.array(fc.record({ route: fc.integer({ min: 0, max: 5 }), h1: fc.integer({ min: 1, max: 3 }), h2: fc.integer({ min: 1, max: 3 }), protocol: protocolArb, port: fc.constantFrom(...PORTS) }), { minLength: 1, maxLength: 14 }),
});

function siteDoc(s: { rules: [Array<Record<string, unknown>>, Array<Record<string, unknown>>]; defaults: ['allow' | 'deny', 'allow' | 'deny']; flows: Array<{ route: number; h1: number; h2: number; protocol: string; port: number }> }): SiteDocumentInput {
  return {
    zones: ZONES.map((id, z) => ({ id, name: id, purdueLevel: 2, domain: 'OT', slTarget: 2, slAchieved: 2, cidr: `${formatIpv4(zoneBase(z))}/24` })),
    assets: ZONES.flatMap((zone, z) => [1, 2, 3, 4, 5, 6].map((h) => ({ id: `${zone}-h${h}`, name: `${zone} host ${h}`, type: 'server' as const, zone, ip: formatIpv4(zoneBase(z) + h) }))),
    conduits: CONDUITS.map((c, i) => ({
      id: c.id, name: c.id, zones: [...c.zones] as [string, string], slTarget: 2, defaultAction: s.defaults[i],
      rules: s.rules[i]!.map((r, j) => ({ ...r, id: `${c.id}-r${j}`, seq: (j + 1) * 10, ports: r.protocol === 'icmp' ? 'any' : r.ports })) as never,
    })),
    flows: s.flows.map((f, i) => {
      const route = ROUTES[f.route]!;
      return {
        id: `f${i}`, from: `${ZONES[route.from]}-h${f.h1}`, to: `${ZONES[route.to]}-h${f.h2}`, protocol: f.protocol as 'tcp',
        ...(f.protocol === 'icmp' ? {} : { port: f.port }), purpose: 'random', via: route.via,
      };
    }),
  };
}

/** A proposed change on one conduit built from the generated rules: add, remove, modify, reorder, default. */
const changeArb = (ruleCounts: [number, number]) => fc.integer({ min: 0, max: 1 }).chain((ci) => {
  const count = ruleCounts[ci]!;
  const conduit = CONDUITS[ci]!.id;
  const existing = count > 0 ? fc.integer({ min: 0, max: count - 1 }).map((j) => `${conduit}-r${j}`) : fc.constant(null);
  return fc.record({
    add: fc.array(fc.tuple(ruleArb, fc.integer({ min: 0, max: 80 })), { maxLength: 2 }),
    remove: existing,
    modify: fc.tuple(existing, fc.option(fc.constantFrom('allow' as const, 'deny' as const)), fc.option(fc.integer({ min: 0, max: 90 })), fc.option(endpointArb)),
    defaultAction: fc.option(fc.constantFrom('allow' as const, 'deny' as const)),
  }).map(({ add, remove, modify, defaultAction }) => {
    const [modId, action, seq, dst] = modify;
    const mod = modId && modId !== remove && (action || seq !== null || dst) ? [{ id: modId, ...(action ? { action } : {}), ...(seq !== null ? { seq: seq * 10 + 5 } : {}), ...(dst ? { dst } : {}) }] : [];
    const change = {
      kind: 'firewall' as const, conduit,
      add: add.map(([r, seq], i) => ({ ...r, id: `new-${i}`, seq: seq * 10 + 1 + i, ports: r.protocol === 'icmp' ? 'any' : r.ports })),
      remove: remove ? [remove] : [],
      modify: mod,
      ...(defaultAction ? { defaultAction } : {}),
    };
    return FirewallChange.safeParse(change);
  });
});

describe('Cypher decisions agree with the reference evaluator', () => {
  it('on every crossing of every flow, before and after random rule-set changes', async () => {
    let compared = 0;
    let contested = 0; // crossings where two or more rules match: only there does order matter
    await fc.assert(
      fc.asyncProperty(
        siteArb.chain((s) => fc.tuple(fc.constant(s), changeArb([s.rules[0].length, s.rules[1].length]))),
        async ([s, parsed]) => {
          fc.pre(parsed.success);
          const change = parsed.data as FirewallChangeT;
          // Unambiguous order is a precondition of first match: the engine rejects duplicates with a 400.
          const ref = new OracleEstate(SiteDocument.parse(siteDoc(s)));
          const seqs = ref.rulesAfter(change.conduit, change).map((r) => r.seq);
          fc.pre(new Set(seqs).size === seqs.length);
          await loadSite(db, siteDoc(s));
          for (const flow of ref.flows) {
            const actual = await explainFlow(db, flow.id, change);
            const expected = {
              crossings: flow.via.map((c) => ({ conduit: c, before: ref.decide(flow, c), after: ref.decide(flow, c, change) })),
              allowedBefore: ref.allowed(flow),
              allowedAfter: ref.allowed(flow, change),
            };
            expect({
              crossings: actual.crossings.map((c) => ({ conduit: c.conduit, before: c.before, after: c.after })),
              allowedBefore: actual.allowedBefore,
              allowedAfter: actual.allowedAfter,
            }, `flow ${flow.id} with ${JSON.stringify(change)}`).toEqual(expected);
            compared += 1;
            contested += flow.via.filter((c) => ref.rulesAfter(c, change).filter((r) => matches(r, flow)).length > 1).length;
          }
        },
      ),
      { numRuns: 40, seed: 20261125 },
    );
    expect(compared).toBeGreaterThan(100);
    console.log(`compared ${compared} flows; ${contested} crossings had two or more matching rules`);
    expect(contested).toBeGreaterThan(50);
  });
});


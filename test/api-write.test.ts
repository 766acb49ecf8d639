// Create, update and delete through the API for every editable collection. Every rejected edit
// must leave the graph exactly as it was: an edit is validated like a whole-site import.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbClient } from '../server/db/client.js';
import { build } from './helpers/app.js';
import { loadSite, snapshot } from './helpers/db.js';
import { miniSite } from './helpers/mini-site.js';

let app: FastifyInstance;
let db: DbClient;
beforeAll(async () => {
  ({ app, db } = await build());
});
beforeEach(async () => loadSite(db, miniSite()));
afterAll(async () => {
  await app.close();
  await db.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = async (method: Method, url: string, payload?: object) => {
  const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body === '' ? undefined : res.json() };
};
/** A call that must fail and change nothing. */
const rejected = async (method: Method, url: string, payload?: object) => {
  const before = await snapshot(db);
  const res = await call(method, url, payload);
  expect(await snapshot(db), `${method} ${url} changed the graph`).toEqual(before);
  return res;
};
const err = (path: string, message: string) => ({ path, message });
const conflictBody = (message: string, errors: Array<{ path: string; message: string }>) =>
  ({ statusCode: 409, code: 'INTERLOCK_CONFLICT', message, errors });

const mini = miniSite();
const zone = (id: string) => structuredClone(mini.zones!.find((z) => z.id === id)!);
const asset = (id: string) => structuredClone(mini.assets!.find((a) => a.id === id)!);
const flow = (id: string) => structuredClone(mini.flows!.find((f) => f.id === id)!);
const conduit = (id: string) => structuredClone(mini.conduits!.find((c) => c.id === id)!);
const procedure = (id: string) => structuredClone(mini.procedures!.find((p) => p.id === id)!);

describe('zones', () => {
  const dmz = { id: 'z-dmz', name: 'IT/OT DMZ', purdueLevel: 3.5, domain: 'IT', slTarget: 2, slAchieved: 1, cidr: '10.35.0.0/24' };

  it('creates (201), reads back, updates (200) and deletes (204)', async () => {
    const created = await call('POST', '/api/zones', dmz);
    expect(created).toEqual({ status: 201, body: { ...dmz, safety: false, assets: [], conduits: [] } });
    expect(await call('GET', '/api/zones/z-dmz')).toEqual({ status: 200, body: created.body });

    const updated = await call('PUT', '/api/zones/z-dmz', { ...dmz, name: 'DMZ', slAchieved: 2, description: 'Historian replica' });
    expect(updated).toEqual({ status: 200, body: { ...dmz, name: 'DMZ', slAchieved: 2, description: 'Historian replica', safety: false, assets: [], conduits: [] } });

    expect(await call('DELETE', '/api/zones/z-dmz')).toEqual({ status: 204, body: undefined });
    expect((await call('GET', '/api/zones/z-dmz')).status).toBe(404);
  });

  it('updates a zone that holds assets and conduits, and answers with them', async () => {
    const res = await call('PUT', '/api/zones/z-ops', { ...zone('z-ops'), name: 'Operations', slAchieved: 2 });
    expect(res).toEqual({
      status: 200,
      body: {
        id: 'z-ops', name: 'Operations', purdueLevel: 3, domain: 'OT', slTarget: 2, slAchieved: 2, safety: false, cidr: '10.3.0.0/24',
        assets: [
          { id: 'hist', name: 'Site historian', type: 'historian', ip: '10.3.0.20' },
          { id: 'ntp', name: 'Site NTP server', type: 'time-server', ip: '10.3.0.5' },
        ],
        conduits: [{ id: 'c-ops-ctl', name: 'Operations to control', otherZone: 'z-ctl' }],
      },
    });
  });

  it('refuses to delete a zone that still holds assets, naming every asset', async () => {
    const names: Record<string, string> = {
      lt1: 'Level transmitter', pt1: 'Pressure transmitter A', pt2: 'Pressure transmitter B', pt3: 'Pressure transmitter C',
      xv1: 'Shutdown valve 1', xv2: 'Shutdown valve 2', xv3: 'Inlet valve',
    };
    expect(await rejected('DELETE', '/api/zones/z-field')).toEqual({
      status: 409,
      body: conflictBody('zone "z-field" is still used by 7 entities; remove or change those references first.',
        Object.entries(names).map(([id, name]) => err(`assets[id=${id}].zone`, `asset "${id}" (${name}) uses it here.`))),
    });
  });

  it('refuses a CIDR change that would put its assets outside it', async () => {
    expect(await rejected('PUT', '/api/zones/z-ops', { ...zone('z-ops'), cidr: '10.9.0.0/24' })).toEqual({
      status: 409,
      body: conflictBody('Updating zone "z-ops" would leave the site inconsistent.', [
        err('assets[id=hist].ip', '(stored entity) IP 10.3.0.20 is outside its zone "z-ops" (10.9.0.0/24).'),
        err('assets[id=ntp].ip', '(stored entity) IP 10.3.0.5 is outside its zone "z-ops" (10.9.0.0/24).'),
      ]),
    });
  });
});

describe('assets', () => {
  const hmi2 = { id: 'hmi-2', name: 'Second HMI', type: 'hmi', zone: 'z-ctl', ip: '10.2.0.12', manned: true };

  it('creates (201) with its flows, SIF roles and enforced conduits, and deletes it again (204)', async () => {
    expect(await call('POST', '/api/assets', hmi2)).toEqual({ status: 201, body: { ...hmi2, flows: [], sifs: [], enforces: [] } });
    expect(await call('DELETE', '/api/assets/hmi-2')).toEqual({ status: 204, body: undefined });
    expect((await call('GET', '/api/assets/hmi-2')).status).toBe(404);
  });

  it('updates an address, and the rules naming the asset follow it', async () => {
    const res = await call('PUT', '/api/assets/hmi', { ...asset('hmi'), ip: '10.2.0.50' });
    expect(res).toEqual({
      status: 200,
      body: { ...asset('hmi'), ip: '10.2.0.50', flows: [{ id: 'f-esd', direction: 'from' }], sifs: [], enforces: [] },
    });
    const rule = await db.driver.executeQuery("MATCH (r:FirewallRule {id: 'r-esd'}) RETURN r.srcLo AS lo, r.srcHi AS hi", {}, { database: db.database });
    const ip = 10 * 2 ** 24 + 2 * 2 ** 16 + 50;
    expect(rule.records[0]!.toObject()).toEqual({ lo: ip, hi: ip });
  });

  it('refuses an asset in an unknown zone (409, nothing written)', async () => {
    expect(await rejected('POST', '/api/assets', { ...hmi2, zone: 'z-ghost' })).toEqual({
      status: 409,
      body: conflictBody('The new asset "hmi-2" would leave the site inconsistent.', [err('assets[id=hmi-2].zone', 'zone "z-ghost" does not exist.')]),
    });
  });

  it('refuses to delete an asset that rules, flows, roles and procedures use, naming each', async () => {
    expect(await rejected('DELETE', '/api/assets/hmi')).toEqual({
      status: 409,
      body: conflictBody('asset "hmi" is still used by 4 entities; remove or change those references first.', [
        err('conduits[id=c-ctl-sis].rules[0].src.asset', 'conduit "c-ctl-sis" (Control to safety (primary)) uses it here.'),
        err('flows[id=f-esd].from', 'flow "f-esd" (HMI ESD command) uses it here.'),
        err('procedures[id=proc-esd].uses[0]', 'procedure "proc-esd" (Manual ESD from control-room HMI) uses it here.'),
        err('roles[id=role-operator].accesses[0]', 'role "role-operator" (Control room operator) uses it here.'),
      ]),
    });
  });
});

describe('conduits', () => {
  const newConduit = {
    id: 'c-ops-sis', name: 'Operations to safety', zones: ['z-ops', 'z-sis'], slTarget: 3, firewalls: ['fw-a'],
    rules: [
      { id: 'rn-deny', seq: 20, action: 'deny', protocol: 'any', src: 'any', dst: 'any' },
      { id: 'rn-ntp', seq: 10, action: 'allow', protocol: 'udp', src: { asset: 'ntp' }, dst: { zone: 'z-sis' }, ports: 123 },
    ],
  };
  const storedRules = [
    { id: 'rn-ntp', seq: 10, action: 'allow', protocol: 'udp', src: { asset: 'ntp' }, dst: { zone: 'z-sis' }, ports: 123 },
    { id: 'rn-deny', seq: 20, action: 'deny', protocol: 'any', src: 'any', dst: 'any', ports: 'any' },
  ];

  it('creates a conduit with rules (201, rules in seq order, defaults filled), then deletes it (204)', async () => {
    expect(await call('POST', '/api/conduits', newConduit)).toEqual({
      status: 201, body: { ...newConduit, defaultAction: 'deny', rules: storedRules },
    });
    expect(await call('DELETE', '/api/conduits/c-ops-sis')).toEqual({ status: 204, body: undefined });
  });

  it('replaces a rule set (200)', async () => {
    const c = conduit('c-ops-ctl');
    const rules = [
      { id: 'r-ops-opc', seq: 10, action: 'allow', protocol: 'tcp', src: { asset: 'hist' }, dst: { asset: 'dcs' }, ports: '4840' },
      { id: 'r-ops-deny', seq: 100, action: 'deny', protocol: 'any', src: 'any', dst: 'any', ports: 'any' },
    ];
    const res = await call('PUT', '/api/conduits/c-ops-ctl', { ...c, defaultAction: 'deny', rules });
    expect(res).toEqual({ status: 200, body: { ...c, defaultAction: 'deny', rules } });
  });

  it('refuses a rule naming an unknown asset, and deleting a conduit that flows cross', async () => {
    const c = conduit('c-ops-ctl');
    c.rules![0]!.src = { asset: 'ghost' };
    expect(await rejected('PUT', '/api/conduits/c-ops-ctl', c)).toEqual({
      status: 409,
      body: conflictBody('Updating conduit "c-ops-ctl" would leave the site inconsistent.', [
        err('conduits[id=c-ops-ctl].rules[0].src.asset', 'asset "ghost" does not exist.'),
      ]),
    });
    expect(await rejected('DELETE', '/api/conduits/c-ops-ctl')).toEqual({
      status: 409,
      body: conflictBody('conduit "c-ops-ctl" is still used by 2 entities; remove or change those references first.', [
        err('flows[id=f-hist].via[0]', 'flow "f-hist" (Historian collection) uses it here.'),
        err('flows[id=f-ntp].via[0]', 'flow "f-ntp" (Time sync to SIS) uses it here.'),
      ]),
    });
  });
});

describe('flows', () => {
  const eng = { id: 'f-eng', from: 'ews', to: 'ls1', protocol: 'tcp', port: 1502, purpose: 'SIS engineering', via: ['c-ctl-sis'] };

  it('creates (201), updates (200) and deletes (204) a flow', async () => {
    expect(await call('POST', '/api/flows', eng)).toEqual({
      status: 201, body: { ...eng, routesThrough: [], safetyRequired: false, sifs: [], procedures: [] },
    });
    expect(await call('PUT', '/api/flows/f-eng', { ...eng, name: 'EWS to SIS', routesThrough: ['sw-ctl'] })).toEqual({
      status: 200, body: { ...eng, name: 'EWS to SIS', routesThrough: ['sw-ctl'], safetyRequired: false, sifs: [], procedures: [] },
    });
    expect(await call('DELETE', '/api/flows/f-eng')).toEqual({ status: 204, body: undefined });
  });

  it('answers a safety-required flow with what depends on it', async () => {
    const res = await call('PUT', '/api/flows/f-status', { ...flow('f-status'), purpose: 'SIS trip status (primary)' });
    expect(res).toEqual({
      status: 200,
      body: { ...flow('f-status'), purpose: 'SIS trip status (primary)', routesThrough: [], safetyRequired: true, sifs: [{ id: 'sif-hp', sil: 3 }], procedures: [] },
    });
  });

  it('refuses a flow whose conduits do not chain, and deleting a flow a SIF depends on', async () => {
    expect(await rejected('POST', '/api/flows', { ...eng, via: ['c-ops-ctl'] })).toEqual({
      status: 409,
      body: conflictBody('The new flow "f-eng" would leave the site inconsistent.', [
        err('flows[id=f-eng].via', 'the conduits end in zone "z-ops" but the destination "ls1" is in zone "z-sis".'),
      ]),
    });
    expect(await rejected('DELETE', '/api/flows/f-status')).toEqual({
      status: 409,
      body: conflictBody('flow "f-status" is still used by one entity; remove or change those references first.', [
        err('sifs[id=sif-hp].dependsOn[1]', 'SIF "sif-hp" (High pressure trip) uses it here.'), // stored order: f-ntp, f-status
      ]),
    });
  });
});

describe('SIFs', () => {
  const lowPressure = {
    id: 'sif-lp', name: 'Low pressure trip', sil: 2, hazard: 'Compressor surge',
    groups: [
      { id: 'sensor', role: 'SENSOR', voting: '1oo1', elements: ['pt3'] },
      { id: 'logic', role: 'LOGIC', voting: '1oo1', elements: ['ls1'] },
      { id: 'valve', role: 'FINAL_ELEMENT', voting: '1oo1', elements: ['xv3'] },
    ],
    dependsOn: ['f-status-b'],
  };

  it('creates (201) with its safety path, updates (200) and deletes (204)', async () => {
    const safetyPath = {
      elements: [
        { asset: 'pt3', name: 'Pressure transmitter C', type: 'sensor', zone: 'z-field', role: 'SENSOR', group: 'sensor', voting: '1oo1' },
        { asset: 'ls1', name: 'SIS logic solver', type: 'sis-logic-solver', zone: 'z-sis', role: 'LOGIC', group: 'logic', voting: '1oo1' },
        { asset: 'xv3', name: 'Inlet valve', type: 'final-element', zone: 'z-field', role: 'FINAL_ELEMENT', group: 'valve', voting: '1oo1' },
      ],
      flows: [{ id: 'f-status-b', from: 'ls1', to: 'dcs', protocol: 'tcp', port: 502, via: ['c-ctl-sis-b'], routesThrough: [], viaProcedure: null }],
      conduits: [{ id: 'c-ctl-sis-b', zones: ['z-ctl', 'z-sis'], firewalls: ['fw-c'] }],
      procedures: [],
      zones: ['z-ctl', 'z-field', 'z-sis'],
    };
    expect(await call('POST', '/api/sifs', lowPressure)).toEqual({ status: 201, body: { ...lowPressure, safetyPath } });
    const updated = await call('PUT', '/api/sifs/sif-lp', { ...lowPressure, sil: 1, proofTestMonths: 24 });
    expect(updated).toEqual({ status: 200, body: { ...lowPressure, sil: 1, proofTestMonths: 24, safetyPath } });
    expect(await call('DELETE', '/api/sifs/sif-lp')).toEqual({ status: 204, body: undefined });
  });

  it('refuses an unknown element and deleting a SIF a procedure backs up', async () => {
    const bad = structuredClone(lowPressure);
    bad.groups[0]!.elements = ['pt-ghost'];
    expect(await rejected('POST', '/api/sifs', bad)).toEqual({
      status: 409,
      body: conflictBody('The new SIF "sif-lp" would leave the site inconsistent.', [err('sifs[id=sif-lp].groups[0].elements[0]', 'asset "pt-ghost" does not exist.')]),
    });
    expect(await rejected('DELETE', '/api/sifs/sif-hp')).toEqual({
      status: 409,
      body: conflictBody('SIF "sif-hp" is still used by one entity; remove or change those references first.', [
        err('procedures[id=proc-esd].backsUp[0]', 'procedure "proc-esd" (Manual ESD from control-room HMI) uses it here.'),
      ]),
    });
  });
});

describe('procedures', () => {
  const local = {
    id: 'proc-local', name: 'Local trip from field panel', nominalSeconds: 90, maxSeconds: 300, uses: ['xv3'], performedBy: ['role-operator'], backsUp: ['sif-ll'],
  };

  it('creates (201), updates (200) and deletes (204) a procedure', async () => {
    const stored = { ...local, emergency: false, dependsOn: [] };
    expect(await call('POST', '/api/procedures', local)).toEqual({ status: 201, body: stored });
    expect(await call('PUT', '/api/procedures/proc-local', { ...local, emergency: true })).toEqual({ status: 200, body: { ...stored, emergency: true } });
    expect(await call('DELETE', '/api/procedures/proc-local')).toEqual({ status: 204, body: undefined });
    expect(await call('DELETE', '/api/procedures/proc-esd')).toEqual({ status: 204, body: undefined });
  });

  it('refuses an unknown role and a time budget that can never be met', async () => {
    const p = procedure('proc-esd');
    expect(await rejected('PUT', '/api/procedures/proc-esd', { ...p, performedBy: ['role-ghost'], maxSeconds: 30 })).toEqual({
      status: 409,
      body: conflictBody('Updating procedure "proc-esd" would leave the site inconsistent.', [
        err('procedures[id=proc-esd].performedBy[0]', 'role "role-ghost" does not exist.'),
        err('procedures[id=proc-esd].maxSeconds', 'maxSeconds (30) is below nominalSeconds (40): the procedure could never complete in time.'),
      ]),
    });
  });
});

describe('every collection', () => {
  const paths = ['zones', 'assets', 'conduits', 'flows', 'sifs', 'procedures'] as const;
  const kinds = { zones: 'zone', assets: 'asset', conduits: 'conduit', flows: 'flow', sifs: 'SIF', procedures: 'procedure' };
  const existing = {
    zones: zone('z-ops'), assets: asset('hist'), conduits: conduit('c-ops-ctl'), flows: flow('f-hist'),
    sifs: structuredClone(mini.sifs![1]!), procedures: procedure('proc-esd'),
  };

  it('answers 404 for PUT and DELETE of an unknown id, changing nothing', async () => {
    for (const path of paths) {
      const body = { ...existing[path], id: 'nope' };
      const notFound = { statusCode: 404, code: 'INTERLOCK_NOT_FOUND', message: `${kinds[path]} "nope" does not exist.` };
      expect(await rejected('PUT', `/api/${path}/nope`, body), path).toEqual({ status: 404, body: notFound });
      expect(await rejected('DELETE', `/api/${path}/nope`), path).toEqual({ status: 404, body: notFound });
    }
  });

  it('answers 409 for an id already used, by any kind, naming the kind', async () => {
    for (const path of paths) {
      const owner = path === 'assets' ? ['z-ops', 'a zone'] : ['hist', 'an asset'];
      const message = `id "${owner[0]}" is already used by ${owner[1]}.`;
      expect(await rejected('POST', `/api/${path}`, { ...existing[path], id: owner[0] }), path).toEqual({
        status: 409, body: conflictBody(message, [err('body.id', message)]),
      });
    }
  });

  it('answers 422 when the body id differs from the URL id (a rule between two fields the schema cannot state)', async () => {
    for (const path of paths) {
      const id = existing[path].id;
      expect(await rejected('PUT', `/api/${path}/${id}`, { ...existing[path], id: 'other' }), path).toEqual({
        status: 422,
        body: {
          statusCode: 422, code: 'INTERLOCK_UNPROCESSABLE', message: `body.id "other" differs from the id in the URL "${id}".`,
          errors: [err('body.id', `must equal the id in the URL ("${id}")`)],
        },
      });
    }
  });

  it('answers 400 naming the field for a body that fails the schema', async () => {
    const bad: Record<(typeof paths)[number], [object, string, string]> = {
      zones: [{ ...existing.zones, slTarget: 9 }, 'body.slTarget', 'Too big: expected number to be <=4'],
      assets: [{ ...existing.assets, type: 'toaster' }, 'body.type', 'Invalid option'],
      conduits: [{ ...existing.conduits, rules: [{ ...existing.conduits.rules![0], protocol: 'sctp' }] }, 'body.rules.0.protocol', 'Invalid option'],
      flows: [{ ...existing.flows, port: 70000 }, 'body.port', 'must be 1–65535'],
      sifs: [{ ...existing.sifs, sil: 0 }, 'body.sil', 'Too small: expected number to be >=1'],
      procedures: [{ ...existing.procedures, nominalSeconds: -5 }, 'body.nominalSeconds', 'Too small: expected number to be >0'],
    };
    for (const path of paths) {
      const [body, field, message] = bad[path];
      for (const [method, url] of [['POST', `/api/${path}`], ['PUT', `/api/${path}/${existing[path].id}`]] as const) {
        const res = await rejected(method, url, body);
        expect(res.status, `${method} ${url}`).toBe(400);
        expect(res.body.code).toBe('INTERLOCK_BAD_REQUEST');
        expect(res.body.errors, `${method} ${url}`).toEqual([{ path: field, message: expect.stringContaining(message) }]);
      }
    }
  });
});

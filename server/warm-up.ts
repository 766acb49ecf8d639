// The first query of each shape after Neo4j starts is planned on a cold JVM: measured after
// `npm start`, the first what-if took 5–8 s and the first topology ~4 s, then 10–50 ms. A review
// meeting should not wait for that, so at start-up the server asks itself the questions the
// explorer and the what-if panel ask first, through its own routes, before saying it is up.
// It reads only: every request here is one the API documents as read-only, made as Interlock's
// internal identity, which may read and run what-ifs and cannot be used from outside the process.
import type { FastifyInstance } from 'fastify';
import type { DbClient } from './db/client.js';
import { QUIET_HEADER, QUIET_TOKEN } from './plugins/request-log.js';

interface Samples {
  conduit: string | null; rule: string | null; firewall: string | null;
  asset: string | null; zone: string | null; vendor: string | null;
}

export interface WarmUpRequest { what: string; status: number; ms: number }
export interface WarmUpReport { ms: number; requests: WarmUpRequest[] }

/** What-ifs of every kind over real ids, each included only when the graph has what it needs. */
function sampleChanges(s: Samples): Array<[string, unknown]> {
  const firewall = s.conduit && s.rule
    ? { kind: 'firewall', conduit: s.conduit, remove: [s.rule], add: [{ seq: 1, action: 'allow', protocol: 'tcp', src: 'any', dst: 'any', ports: 502 }] }
    : undefined;
  const patch = s.asset ? { kind: 'patch', targets: [s.asset, ...(s.firewall ? [s.firewall] : [])], requiresReboot: true, downtimeMinutes: 30 } : undefined;
  const selector = s.vendor ? { kind: 'patch', selector: { vendor: s.vendor }, requiresReboot: true } : undefined;
  const auth = s.zone ? { kind: 'auth', appliesTo: { zones: [s.zone] }, mfa: { addedSeconds: 30 }, lockoutThreshold: 5 } : undefined;
  const changes: Array<[string, unknown]> = [];
  for (const [what, change] of [['firewall', firewall], ['patch', patch], ['patch selector', selector], ['auth', auth]] as const) {
    if (change) changes.push([`what-if: ${what}`, { change }]);
  }
  if (firewall && patch) changes.push(['what-if: change set', { changes: [firewall, patch, ...(auth ? [auth] : [])] }]);
  return changes;
}

export async function warmUp(app: FastifyInstance, db: DbClient, onRequest: (r: WarmUpRequest) => void = () => {}): Promise<WarmUpReport> {
  const started = performance.now();
  const requests: WarmUpRequest[] = [];
  // Addressed as a loopback client would, so the Host allow-list (plugins/host-allow-list.ts) lets it in.
  const address = app.server.address();
  const host = address && typeof address === 'object' ? { host: `127.0.0.1:${address.port}` } : {};
  const ask = async (what: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const t = performance.now();
    const res = await app.inject({ method, url, headers: { [QUIET_HEADER]: QUIET_TOKEN, ...host, ...app.identity.systemHeaders() }, ...(payload ? { payload: payload as object } : {}) });
    const done = { what, status: res.statusCode, ms: Math.round(performance.now() - t) };
    requests.push(done);
    onRequest(done);
    return res;
  };
  const [samples] = (await db.read('warm-up/samples')) as Samples[];
  await ask('topology', 'GET', '/api/graph/topology?collapse=auto');
  const sifs = (await ask('SIF list', 'GET', '/api/sifs')).json() as Array<{ id: string }>;
  const sif = Array.isArray(sifs) ? sifs[0]?.id : undefined;
  if (sif) await ask('SIF safety path', 'GET', `/api/graph/sif/${encodeURIComponent(sif)}`);
  if (samples) for (const [what, body] of sampleChanges(samples)) await ask(what, 'POST', '/api/impact', body);
  return { ms: Math.round(performance.now() - started), requests };
}

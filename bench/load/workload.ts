// The mixed workload of npm run load: what each route's connections send. Reads of the explorer's
// views, what-ifs of two kinds, and edits that read a zone's ETag and write it back with If-Match
// (412 when another connection got there first is a correct answer). Each answer is timed here,
// per route, and each applied edit is counted, so the journal can be checked for lost updates.
import type { Request } from 'autocannon';

export interface Tally {
  samples: Map<string, number[]>;
  statuses: Map<string, Map<number, number>>;
  /** Edits answered 200, by zone: the journal must hold exactly these. */
  applied: Map<string, number>;
}

export const newTally = (): Tally => ({ samples: new Map(), statuses: new Map(), applied: new Map() });

type Context = { started?: number; etag?: string; n?: number; zone?: string };

function timed(tally: Tally, route: string, request: Partial<Request>, then?: (status: number, context: Context, headers: Record<string, string>) => void): Partial<Request> {
  return {
    ...request,
    setupRequest: (req: Request, context: object) => {
      const c = context as Context;
      c.started = performance.now();
      return (request.setupRequest as ((r: Request, c: object) => Request) | undefined)?.(req, context) ?? req;
    },
    onResponse: (status: number, _body: string, context: object, headers: Request['headers']) => {
      const c = context as Context;
      if (!tally.samples.has(route)) tally.samples.set(route, []);
      tally.samples.get(route)!.push(performance.now() - (c.started ?? performance.now()));
      const byStatus = tally.statuses.get(route) ?? new Map<number, number>();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      tally.statuses.set(route, byStatus);
      then?.(status, c, (headers ?? {}) as Record<string, string>);
    },
  };
}

const json = { 'content-type': 'application/json' };
const FIREWALL = JSON.stringify({ change: { kind: 'firewall', conduit: 'c-ctl-sis-a', remove: ['r-ctlsisa-040'] } });
const PATCH = JSON.stringify({ change: { kind: 'patch', targets: ['fw-sis-a'], requiresReboot: true, downtimeMinutes: 15 } });

export interface Stream { name: string; connections: number; requests: Array<Partial<Request>> }

/** The zones each edit connection takes turns on; two connections share each zone, so If-Match races happen. */
export const EDITED_ZONES = ['z-ops', 'z-dmz'];

export function workload(tally: Tally, zoneDocs: Map<string, Record<string, unknown>>): Stream[] {
  const edit = (zone: string): Array<Partial<Request>> => [
    timed(tally, 'GET /api/zones/{id}', { method: 'GET', path: `/api/zones/${zone}` }, (_s, c, h) => {
      c.etag = h.etag;
      c.zone = zone;
    }),
    timed(tally, 'PUT /api/zones/{id} (If-Match)', {
      method: 'PUT', path: `/api/zones/${zone}`, headers: json,
      setupRequest: (req: Request, context: object) => {
        const c = context as Context;
        c.n = (c.n ?? 0) + 1;
        const body = JSON.stringify({ ...zoneDocs.get(zone), description: `load edit ${process.pid}-${Math.random().toString(36).slice(2)}` });
        return { ...req, headers: { ...req.headers, 'if-match': c.etag ?? '"0"' }, body };
      },
    }, (status) => {
      if (status === 200) tally.applied.set(zone, (tally.applied.get(zone) ?? 0) + 1);
    }),
  ];
  return [
    { name: 'topology', connections: 2, requests: [timed(tally, 'GET /api/graph/topology', { method: 'GET', path: '/api/graph/topology?collapse=auto' })] },
    { name: 'safety path', connections: 1, requests: [timed(tally, 'GET /api/sifs/{id}', { method: 'GET', path: '/api/sifs/sif-101' })] },
    { name: 'search', connections: 1, requests: [timed(tally, 'GET /api/assets?q=', { method: 'GET', path: '/api/assets?q=sis' })] },
    { name: 'what-if firewall', connections: 2, requests: [timed(tally, 'POST /api/impact (firewall)', { method: 'POST', path: '/api/impact', headers: json, body: FIREWALL })] },
    { name: 'what-if patch', connections: 1, requests: [timed(tally, 'POST /api/impact (patch)', { method: 'POST', path: '/api/impact', headers: json, body: PATCH })] },
    ...EDITED_ZONES.map((zone) => ({ name: `edits ${zone}`, connections: 2, requests: edit(zone) })),
  ];
}

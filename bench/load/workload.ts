// The mixed workload of npm run load: what each route's connections send. Reads of the explorer's
// views, what-ifs of two kinds, and edits that read a zone's ETag and write it back with If-Match
// (412 when another connection got there first is a correct answer). Each answer is timed here,
// per route, and each applied edit is counted, so the journal can be checked for lost updates.
import type { Request } from 'autocannon';

export interface Tally {
  samples: Map<string, number[]>;
  statuses: Map<string, Map<number, number>>;
  /** The descriptions of the edits answered 200: each must be in the change journal. */
  applied: Set<string>;
  /** Every description sent: the journal may hold no other (one sent as the run stopped may have no answer). */
  sent: Set<string>;
  /** Makes this tally's descriptions differ from any an earlier pass (the warm-up) left stored. */
  run: string;
}

export const newTally = (): Tally => ({ samples: new Map(), statuses: new Map(), applied: new Set(), sent: new Set(), run: Math.random().toString(36).slice(2, 8) });

type Context = { started?: number; etag?: string; description?: string };

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
    }),
    timed(tally, 'PUT /api/zones/{id} (If-Match)', {
      method: 'PUT', path: `/api/zones/${zone}`, headers: json,
      setupRequest: (req: Request, context: object) => {
        const c = context as Context;
        c.description = `load edit of ${zone} ${tally.sent.size + 1} (${tally.run})`;
        tally.sent.add(c.description);
        const body = JSON.stringify({ ...zoneDocs.get(zone), description: c.description });
        return { ...req, headers: { ...req.headers, 'if-match': c.etag ?? '"0"' }, body };
      },
    }, (status, c) => {
      if (status === 200 && c.description) tally.applied.add(c.description);
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

// Every operation of the API document as a request that would succeed against the mini site, so
// that while Neo4j is down the only reason left to refuse it is the database. Taken from the
// OpenAPI document rather than listed by hand: a new route is swept too, and one whose body is
// not known here fails the sweep by name instead of escaping it.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { parse } from 'yaml';
import type { SiteDocumentInput } from '../../server/model/site-schema.js';
import type { AppRole } from '../../server/identity/roles.js';
import { as } from '../helpers/acting.js';
import { miniSite } from '../helpers/mini-site.js';

const site = miniSite();

/** An account the rig creates, so the user routes have someone to read. */
export const SWEEP_ACCOUNT = 'sweep-admin';
type Payload = NonNullable<InjectOptions['payload']>;

// The mini site's id for what a path names: /api/zones/{id} is a zone, /api/graph/sif/{id} a SIF.
const IDS: Record<string, string> = {
  zones: 'z-ctl', conduits: 'c-ctl-sis', assets: 'hmi', asset: 'hmi', flows: 'f-esd', sifs: 'sif-hp', sif: 'sif-hp', procedures: 'proc-esd',
  // Interlock's own data and the assurance baseline: well-formed ids are enough, the database is
  // asked (and found missing) before anything could look them up.
  tokens: '00000000-0000-4000-8000-000000000000', frameworks: 'fw-x', requirements: 'req-x', profiles: 'prof-x', controls: 'ctl-x', evidence: 'ev-x', reviews: 'cr-x',
};

/**
 * Operations that never ask the database, so they keep answering while it is down: the sign-in
 * methods and the identity provider's redirects (configuration only), the caller's own session
 * and sign-out, which the sweep makes with an in-process credential, the demo capture (a file),
 * and signing at the identity provider.
 */
const NO_DATABASE = new Set([
  'GET /api/auth/methods', 'GET /api/auth/oidc/start', 'GET /api/auth/oidc/callback', 'GET /api/auth/session', 'POST /api/auth/sign-out',
  'GET /api/traffic/demo-capture',
  // Signing at the identity provider: without one configured (as here) the step-up answers 404 and
  // its callback sends the browser back, both from configuration and memory alone.
  'POST /api/reviews/{id}/sign/safety/reauth', 'POST /api/reviews/{id}/sign/security/reauth', 'GET /api/reviews/sign/callback',
]);

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

const BODIES: Record<string, Payload> = {
  'POST /api/import': site,
  'POST /api/impact': { change: { kind: 'patch', targets: ['fw-a'], requiresReboot: true } },
  'POST /api/explain/flow': { flow: 'f-esd' },
  'POST /api/graph/locate': { ids: ['hmi'] },
  'POST /api/advisories': JSON.parse(fixture('advisories/schneider-triconex-tristation.json')) as Payload,
  'POST /api/inventory': {
    csv: 'Tag,Device Name,IP Address,Vendor,Model,Firmware,Device Type,Subnet\nhmi-9,Spare HMI,10.2.0.99,,,,Workstation,\n',
    mapping: { ...(parse(fixture('inventory/reference-plant-mapping.yaml')) as object), defaultType: 'workstation' },
    dryRun: true,
  },
  'POST /api/auth/sign-in': { username: 'admin', password: 'not the password' },
  'POST /api/auth/password': { currentPassword: 'not the password', newPassword: 'a new long password' },
  'POST /api/auth/tokens': { name: 'sweep' },
  'POST /api/users': { username: 'sweeper', roles: ['viewer'] },
  'POST /api/users/{username}/password': {},
  'POST /api/users/{username}/unlock': {},
  'POST /api/users/{username}/tokens': { name: 'sweep' },
  'POST /api/assurance/triage': { assets: ['hmi'] },
  'POST /api/reviews': {
    title: 'Sweep', reason: 'Asked while the database is down', window: { start: '2026-12-01T08:00:00Z', end: '2026-12-01T10:00:00Z' },
    request: { change: { kind: 'patch', targets: ['fw-a'], requiresReboot: true } },
  },
  'POST /api/reviews/{id}/sign/security': { meaning: 'approve', password: 'not the password', assessmentHash: 'a'.repeat(64) },
  'POST /api/reviews/{id}/sign/safety': { meaning: 'approve', password: 'not the password', assessmentHash: 'a'.repeat(64) },
  ...Object.fromEntries(['submit', 'reassess', 'withdraw', 'implement'].map((verb) => [`POST /api/reviews/{id}/${verb}`, {}])),
  'POST /api/conduits/{id}/import-firewall': { format: 'iptables', config: '*filter\n:FORWARD DROP [0:0]\n-A FORWARD -p tcp -s 10.2.0.10 -d 10.1.0.10 --dport 502 -j ACCEPT\nCOMMIT\n' },
};

/** Requests that are not a JSON body: the Zeek log is sent as it is. */
const RAW: Record<string, Partial<InjectOptions>> = {
  'POST /api/traffic': { payload: fixture('traffic/reference-plant-conn.log'), headers: { 'content-type': 'text/plain' } },
  'GET /api/reviews/pack.pdf': { query: { ids: 'cr-x' } },
  // Writes that need the version the client read, and a query string.
  'PUT /api/assurance/controls/{id}/assessments/{domain}': {
    payload: { status: 'implemented', maturity: 3, assessor: 'Sweep', assessedOn: '2026-01-05' }, headers: { 'if-match': '"1"' },
  },
  'POST /api/assurance/evidence/{id}/revisions': { payload: { collectedOn: '2026-01-05', sha256: 'a'.repeat(64), addedBy: 'Sweep' }, headers: { 'if-match': '"1"' } },
  'POST /api/assurance/evidence/{id}/revisions/upload': {
    query: { collectedOn: '2026-01-05', addedBy: 'Sweep' }, payload: 'evidence', headers: { 'if-match': '"1"', 'content-type': 'application/octet-stream' },
  },
  'POST /api/assurance/oscal/catalog': {
    query: { framework: 'fw-sweep' },
    payload: { catalog: { uuid: '00000000-0000-4000-8000-000000000001', metadata: { title: 'Sweep', version: '1', 'oscal-version': '1.1.2' }, controls: [{ id: 'ac-1', title: 'Access' }] } },
  },
};

/** Path parameters other than an entity id; the account is the one the rig creates (rig.ts). */
const PARAMS: Record<string, string> = { number: '1', username: SWEEP_ACCOUNT, domain: 'OT' };

const METHODS = new Set(['get', 'post', 'put', 'delete']);

export function everyRoute(app: FastifyInstance): InjectOptions[] {
  const paths = (app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations).filter((m) => METHODS.has(m) && !NO_DATABASE.has(`${m.toUpperCase()} ${path}`))
      .map((m) => asSigner(app, path, request(m.toUpperCase() as 'GET', path))));
}

/** A signature is asked of a discipline's approver: the sweep's admin would be refused by role, without the database. */
function asSigner(app: FastifyInstance, path: string, options: InjectOptions): InjectOptions {
  const discipline = /\/sign\/(safety|security)(\/|$)/.exec(path)?.[1];
  return discipline ? { ...options, headers: { ...options.headers, ...as(app, [`${discipline}-approver` as AppRole], 'sweep-signer') } } : options;
}

function request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string): InjectOptions {
  const url = path.replace(/\/([\w-]+)\/\{id\}/, (_, named: string) => `/${named}/${idFor(named, `${method} ${path}`)}`)
    .replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? `{${name}}`);
  const raw = RAW[`${method} ${path}`];
  if (raw) return { method, url, ...raw };
  return method === 'POST' || method === 'PUT' ? { method, url, payload: body(method, path) } : { method, url };
}

function idFor(named: string, operation: string): string {
  const id = IDS[named];
  if (!id) throw new Error(`No mini-site id known for ${operation}: add one to test/faults/routes.ts`);
  return id;
}

/** A known body, or the mini site's own entity for a collection's create and replace. */
function body(method: string, path: string): Payload {
  const operation = `${method} ${path}`;
  const known = BODIES[operation];
  if (known) return known;
  const collection = /^\/api\/(\w+)(\/\{id\})?$/.exec(path)?.[1] as keyof SiteDocumentInput | undefined;
  const items = collection ? site[collection] : undefined;
  const entity = Array.isArray(items) ? items.find((item: { id: string }) => item.id === IDS[collection!]) : undefined;
  if (!entity) throw new Error(`No request body known for ${operation}: add one to test/faults/routes.ts`);
  return entity as Payload;
}

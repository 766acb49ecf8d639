// The one place that decides who may do what. ROUTES names, for every API route, the action it
// needs; ACTIONS names the roles that may take each action; DATA_RULES add the checks that depend
// on data (separation of duties). The authentication plugin consults ROUTES for every request and
// refuses to start on a route that has no entry; services call `authorize` for the rest. A rule
// enforced on some paths only is no rule, so there is no other place.
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { ROLES, type AppRole } from './roles.js';

const EVERYONE = ROLES;
const ASSESSORS = ['engineer', 'safety-approver', 'security-approver', 'admin'] as const satisfies readonly AppRole[];

export const ACTIONS = {
  /** One's own session, password and API tokens. */
  self: EVERYONE,
  'site:read': EVERYONE,
  /** What-ifs and importer dry runs: they read the graph and write nothing. */
  'whatif:run': ASSESSORS,
  /** Create, replace or delete one entity; apply a firewall configuration to a conduit. */
  'site:edit': ['admin'],
  /** Whole-site and inventory imports. */
  'site:import': ['admin'],
  'users:manage': ['admin'],
  'tokens:revoke': EVERYONE,
  /** The assurance projections, the board report's numbers and the OSCAL export: read-only. */
  'assurance:read': EVERYONE,
  /** Assess a control, add an evidence revision, import a framework catalogue. */
  'assurance:edit': ['governance-lead', 'admin'],
  'audit:read': ['governance-lead', 'admin'],
  /** The chain head is a hash and a number: every meeting pack prints it. */
  'audit:head': EVERYONE,
  /** Change requests: everyone reads them and the meeting pack. */
  'change:read': EVERYONE,
  /** Raise a change request; edit, submit, reassess or withdraw it (its requester, or an admin). */
  'change:raise': ASSESSORS,
  /** Apply an approved, fresh request to the site: the sign-offs are the control, not the role. */
  'change:implement': ['engineer', 'admin'],
  'change:sign-safety': ['safety-approver'],
  'change:sign-security': ['security-approver'],
} as const satisfies Record<string, readonly AppRole[]>;

export type Action = keyof typeof ACTIONS;
export const PUBLIC = 'public' as const;

export interface RouteRule {
  /** What calling the route needs; `public` needs no credentials. */
  action: Action | typeof PUBLIC;
  /** A route whose body decides whether it writes: when `when(body)`, it also needs `action`. */
  writes?: { action: Action; when: (body: unknown) => boolean; what: string };
}

const rule = (action: RouteRule['action'], writes?: RouteRule['writes']): RouteRule => ({ action, ...(writes ? { writes } : {}) });
const flag = (key: string, whenTrue: boolean) => (body: unknown) => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return whenTrue ? value === true : value !== true;
};

/** Read one, create, replace, delete: the routes of every editable collection (routes/entity-routes.ts). */
function entityRoutes(path: string): Record<string, RouteRule> {
  return {
    [`GET /api/${path}`]: rule('site:read'),
    [`GET /api/${path}/:id`]: rule('site:read'),
    [`POST /api/${path}`]: rule('site:edit'),
    [`PUT /api/${path}/:id`]: rule('site:edit'),
    [`DELETE /api/${path}/:id`]: rule('site:edit'),
  };
}

/** Every API route (method and URL pattern as registered) → who may call it. */
export const ROUTES: Readonly<Record<string, RouteRule>> = Object.freeze({
  'GET /api/health': rule(PUBLIC),
  'GET /api/auth/methods': rule(PUBLIC),
  'POST /api/auth/sign-in': rule(PUBLIC),
  'GET /api/auth/oidc/start': rule(PUBLIC),
  'GET /api/auth/oidc/callback': rule(PUBLIC),
  'GET /api/auth/session': rule('self'),
  'POST /api/auth/sign-out': rule('self'),
  'POST /api/auth/password': rule('self'),
  'GET /api/auth/tokens': rule('self'),
  'POST /api/auth/tokens': rule('self'),
  'DELETE /api/tokens/:id': rule('tokens:revoke'),

  'GET /api/users': rule('users:manage'),
  'POST /api/users': rule('users:manage'),
  'PATCH /api/users/:username': rule('users:manage'),
  'POST /api/users/:username/password': rule('users:manage'),
  'POST /api/users/:username/unlock': rule('users:manage'),
  'GET /api/users/:username/tokens': rule('users:manage'),
  'POST /api/users/:username/tokens': rule('users:manage'),

  'GET /api/audit': rule('audit:read'),
  'GET /api/audit/verify': rule('audit:read'),
  'GET /api/audit/head': rule('audit:head'),

  'POST /api/import': rule('site:import'),
  'GET /api/export': rule('site:read'),
  'GET /api/revisions': rule('site:read'),
  'GET /api/revisions/:number/changes': rule('site:read'),
  ...entityRoutes('zones'),
  ...entityRoutes('conduits'),
  ...entityRoutes('assets'),
  ...entityRoutes('flows'),
  ...entityRoutes('sifs'),
  ...entityRoutes('procedures'),
  'GET /api/graph/topology': rule('site:read'),
  'GET /api/graph/sif/:id': rule('site:read'),
  'GET /api/graph/asset/:id': rule('site:read'),
  'POST /api/graph/locate': rule('site:read'),
  'GET /api/explain/sif/:id': rule('site:read'),

  'GET /api/reviews': rule('change:read'),
  'POST /api/reviews': rule('change:raise'),
  'GET /api/reviews/:id': rule('change:read'),
  'GET /api/reviews/pack.pdf': rule('change:read'),
  'PATCH /api/reviews/:id': rule('change:raise'),
  'POST /api/reviews/:id/submit': rule('change:raise'),
  'POST /api/reviews/:id/reassess': rule('change:raise'),
  'POST /api/reviews/:id/withdraw': rule('change:raise'),
  'POST /api/reviews/:id/sign/safety': rule('change:sign-safety'),
  'POST /api/reviews/:id/sign/security': rule('change:sign-security'),
  // Signing after re-authenticating at the identity provider: the start needs the discipline's
  // role; the callback carries no credentials of ours (the provider's redirect is cross-site), and
  // is vouched for by the state it names and a fresh ID token of the same person.
  'POST /api/reviews/:id/sign/safety/reauth': rule('change:sign-safety'),
  'POST /api/reviews/:id/sign/security/reauth': rule('change:sign-security'),
  'GET /api/reviews/sign/callback': rule(PUBLIC),
  'POST /api/reviews/:id/implement': rule('change:implement'),

  'POST /api/impact': rule('whatif:run'),
  'POST /api/explain/flow': rule('whatif:run'),
  'POST /api/advisories': rule('whatif:run'),
  'POST /api/traffic': rule('whatif:run'),
  'GET /api/traffic/demo-capture': rule('site:read'),
  'POST /api/inventory': rule('whatif:run', { action: 'site:import', when: flag('dryRun', false), what: 'an inventory import that is not a dry run' }),
  'POST /api/conduits/:id/import-firewall': rule('whatif:run', { action: 'site:edit', when: flag('apply', true), what: 'applying a firewall configuration' }),

  'GET /api/assurance/frameworks': rule('assurance:read'),
  'GET /api/assurance/frameworks/:id': rule('assurance:read'),
  'GET /api/assurance/frameworks/:id/summary': rule('assurance:read'),
  'GET /api/assurance/requirements/:id': rule('assurance:read'),
  'GET /api/assurance/profiles/:id': rule('assurance:read'),
  'GET /api/assurance/controls': rule('assurance:read'),
  'GET /api/assurance/controls/:id': rule('assurance:read'),
  'GET /api/assurance/evidence': rule('assurance:read'),
  'GET /api/assurance/evidence/:id': rule('assurance:read'),
  'GET /api/assurance/evidence/:id/revisions': rule('assurance:read'),
  'GET /api/assurance/inconsistencies': rule('assurance:read'),
  'GET /api/assurance/risks': rule('assurance:read'),
  'GET /api/assurance/shared-systems': rule('assurance:read'),
  'GET /api/assurance/zones': rule('assurance:read'),
  'GET /api/assurance/report': rule('assurance:read'),
  'GET /api/assurance/report.pdf': rule('assurance:read'),
  'GET /api/assurance/control-scope': rule('assurance:read'),
  'GET /api/assurance/site': rule('assurance:read'),
  'GET /api/assurance/oscal/assessment-results': rule('assurance:read'),
  'POST /api/assurance/triage': rule('assurance:read'),
  'PUT /api/assurance/controls/:id/assessments/:domain': rule('assurance:edit'),
  'POST /api/assurance/evidence/:id/revisions': rule('assurance:edit'),
  'POST /api/assurance/evidence/:id/revisions/upload': rule('assurance:edit'),
  'POST /api/assurance/oscal/catalog': rule('assurance:edit'),
});

/** The rule of a registered route; HEAD is answered by the GET route. */
export function routeRule(method: string, url: string): RouteRule | undefined {
  return ROUTES[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}

export const hasRole = (actor: Actor, roles: readonly AppRole[]): boolean => actor.roles.some((r) => roles.includes(r));

// ---- rules that depend on data ------------------------------------------------------------

/** A signature already given on a change request. */
export interface Signature { userId: string; discipline: 'safety' | 'security' }

export interface ActionContext {
  /** tokens:revoke — the token's owner. */
  ownerId?: string;
  /** change:sign-* — who raised the request, and the signatures it holds. */
  requesterId?: string;
  signatures?: readonly Signature[];
}

type DataRule = (actor: Actor, context: ActionContext) => string | undefined;

function separationOfDuties(discipline: Signature['discipline']): DataRule {
  return (actor, { requesterId, signatures = [] }) => {
    if (requesterId === undefined) return 'the change request\'s requester is not known';
    if (actor.id === requesterId) return 'the requester of a change never signs it';
    const other = signatures.find((s) => s.userId === actor.id && s.discipline !== discipline);
    if (other) return `one person never signs for both disciplines: you signed for ${other.discipline}`;
    return undefined;
  };
}

const DATA_RULES: Partial<Record<Action, DataRule>> = {
  'tokens:revoke': (actor, { ownerId }) =>
    ownerId === actor.id || hasRole(actor, ACTIONS['users:manage']) ? undefined : 'only its owner or an admin may revoke a token',
  // Only its requester shapes a request (an admin may too, e.g. to withdraw one left behind).
  'change:raise': (actor, { requesterId }) =>
    requesterId === undefined || requesterId === actor.id || hasRole(actor, ACTIONS['users:manage']) ? undefined : 'only the requester of a change request (or an admin) may change it',
  'change:sign-safety': separationOfDuties('safety'),
  'change:sign-security': separationOfDuties('security'),
};

/** Why the actor's roles do not allow the action, or undefined: all a route's entry decides. */
export function roleRefusal(actor: Actor, action: Action): string | undefined {
  const roles: readonly AppRole[] = ACTIONS[action];
  return hasRole(actor, roles) ? undefined : `${action} needs one of the roles ${roles.join(', ')}; ${actor.username} holds ${actor.roles.join(', ') || 'none'}`;
}

/** Why the actor may not take the action on this data, or undefined when it may. For a UI's disabled buttons too. */
export function refusal(actor: Actor, action: Action, context: ActionContext): string | undefined {
  return roleRefusal(actor, action) ?? DATA_RULES[action]?.(actor, context);
}

export const forbidden = (why: string) => new AppError('INTERLOCK_FORBIDDEN', `Not allowed: ${why}.`);

/** Throws 403 INTERLOCK_FORBIDDEN unless the actor may take the action on this data: the service layer's check. */
export function authorize(actor: Actor, action: Action, context: ActionContext): void {
  const why = refusal(actor, action, context);
  if (why) throw forbidden(why);
}

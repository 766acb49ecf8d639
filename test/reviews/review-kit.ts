// Helpers of the change-request tests: accounts with passwords (signing re-enters one), raising a
// request from a what-if, signing as a named person.
import type { FastifyInstance } from 'fastify';
import type { AppRole } from '../../server/identity/roles.js';
import { as } from '../helpers/app.js';
import { ensureUser } from '../helpers/users.js';

export const PASSWORD = 'correct horse battery staple';
export const WINDOW = { start: '2026-12-01T06:00:00Z', end: '2026-12-01T10:00:00Z' };

/** The people of a review meeting, as accounts (for their passwords) and as callers. */
export const PEOPLE = {
  erin: ['engineer'], sue: ['safety-approver'], sam: ['security-approver'], sol: ['security-approver'],
  bo: ['safety-approver', 'security-approver'], vera: ['viewer'], ed: ['engineer'],
} as const satisfies Record<string, readonly AppRole[]>;
export type Person = keyof typeof PEOPLE;

/** Each person's account with these roles and the kit's password, whatever an earlier test file left. */
export async function createAccounts(app: FastifyInstance): Promise<void> {
  for (const [username, roles] of Object.entries(PEOPLE)) await ensureUser(app.db, { username, roles: [...roles], password: PASSWORD });
}

export const by = (app: FastifyInstance, person: Person) => as(app, PEOPLE[person], person);

/** Removing r-ntp closes the SIS time sync that sif-hp depends on: a CRITICAL finding naming a SIF. */
export const REMOVE_NTP = { change: { kind: 'firewall', conduit: 'c-ctl-sis', remove: ['r-ntp'] } };

export async function raise(app: FastifyInstance, person: Person = 'erin', request: unknown = REMOVE_NTP) {
  const res = await app.inject({ method: 'POST', url: '/api/reviews', headers: by(app, person), payload: { title: 'Close SIS NTP', reason: 'NTP is served from the SIS zone now', window: WINDOW, request } });
  if (res.statusCode !== 201) throw new Error(`raise: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; status: string };
}

export async function post(app: FastifyInstance, person: Person, id: string, verb: string, payload?: unknown) {
  return app.inject({ method: 'POST', url: `/api/reviews/${id}/${verb}`, headers: by(app, person), ...(payload ? { payload } : {}) });
}

export async function get(app: FastifyInstance, id: string, person: Person = 'vera') {
  return (await app.inject({ method: 'GET', url: `/api/reviews/${id}`, headers: by(app, person) })).json();
}

export async function sign(app: FastifyInstance, person: Person, id: string, discipline: 'safety' | 'security', extra: Record<string, unknown> = {}) {
  const hash = (await get(app, id)).assessment.hash;
  return post(app, person, id, `sign/${discipline}`, { meaning: 'approve', comment: `${person} agrees`, password: PASSWORD, assessmentHash: hash, ...extra });
}

/** Raised by erin, submitted: ready to sign. */
export async function submitted(app: FastifyInstance, person: Person = 'erin', request: unknown = REMOVE_NTP): Promise<string> {
  const { id } = await raise(app, person, request);
  const res = await post(app, person, id, 'submit');
  if (res.statusCode !== 200) throw new Error(`submit: ${res.body}`);
  return id;
}

/** A harmless edit of c-ctl-sis by the admin: a rule's description. */
export async function touchConduit(app: FastifyInstance, description: string): Promise<void> {
  const current = await app.inject({ method: 'GET', url: '/api/conduits/c-ctl-sis' });
  const doc = current.json();
  doc.rules = doc.rules.map((r: { id: string }) => (r.id === 'r-deny' ? { ...r, description } : r));
  const res = await app.inject({ method: 'PUT', url: '/api/conduits/c-ctl-sis', payload: doc, headers: { 'if-match': current.headers.etag as string } });
  if (res.statusCode !== 200) throw new Error(`edit: ${res.body}`);
}

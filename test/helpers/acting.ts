// Who an injected request acts as. Free of vitest, so the scripts that drive an app outside the
// test runner (npm run faults, npm run netfilter) act the same way as the tests.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Actor } from '../../server/identity/actor.js';
import type { AppRole } from '../../server/identity/roles.js';

export const TEST_ADMIN = 'test-admin';

const uninjected = new WeakMap<FastifyInstance, (options: InjectOptions) => Promise<LightMyRequestResponse>>();

const testActor = (username: string, roles: readonly AppRole[]): Actor =>
  ({ kind: 'user', id: `id-${username}`, username, displayName: username, roles, via: 'internal' });

/** Headers that make an injected request act as a user holding these roles. */
export function as(app: FastifyInstance, roles: readonly AppRole[], username = roles.join('+') || 'nobody'): Record<string, string> {
  return { authorization: `Bearer ${app.identity.internal.grant(testActor(username, roles))}` };
}

/** An injected request with no credentials at all. */
export function anonymous(app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  return uninjected.get(app)!(options);
}

/** Makes the app's inject act as an admin unless the request names its own credentials. */
export function actAsAdminByDefault(app: FastifyInstance): void {
  const inject = app.inject.bind(app) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  const admin = as(app, ['admin'], TEST_ADMIN);
  uninjected.set(app, inject);
  app.inject = ((options: InjectOptions | string) => {
    const o = typeof options === 'string' ? { url: options } : options;
    const named = Object.keys(o.headers ?? {}).map((h) => h.toLowerCase());
    if (named.includes('authorization') || named.includes('cookie')) return inject(o);
    return inject({ ...o, headers: { ...o.headers, ...admin } });
  }) as FastifyInstance['inject'];
}

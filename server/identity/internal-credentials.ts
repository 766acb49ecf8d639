// Credentials that exist only inside this process: the server's own warm-up, and tests that drive
// the app with inject, act through them. They are accepted only on injected requests (no network
// socket), so even a leaked one is useless from outside, and they are never stored or printed.
import { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import { randomSecret, sha256Hex } from './secrets.js';

const PREFIX = 'internal_';

/** True for a request made with app.inject, which has a stand-in socket, never a network one. */
export const isInjected = (request: FastifyRequest): boolean => !(request.raw.socket instanceof Socket);

export class InternalCredentials {
  private readonly granted = new Map<string, Actor>();

  /** A bearer secret that acts as `actor` on injected requests of this app. */
  grant(actor: Actor): string {
    const secret = `${PREFIX}${randomSecret()}`;
    this.granted.set(sha256Hex(secret), { ...actor, via: 'internal' });
    return secret;
  }

  resolve(secret: string, request: FastifyRequest): Actor | undefined {
    if (!secret.startsWith(PREFIX) || !isInjected(request)) return undefined;
    return this.granted.get(sha256Hex(secret));
  }
}

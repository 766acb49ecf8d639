// Only requests addressed to this server by a name it answers to are served. A web page on any
// site can make a browser on the plant network resolve the page's own name to 127.0.0.1 (DNS
// rebinding) and then read a loopback Interlock as "same origin"; the browser still sends the
// page's name in Host, so refusing unknown Host values closes that door. Allowed: the loopback
// names and addresses (with the port Interlock listens on, when known) and the public names
// configured in INTERLOCK_PUBLIC_HOSTS.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

export interface HostRules {
  /** The port the server listens on; undefined (an app driven by inject) accepts any port on loopback names. */
  port?: number;
  /** Extra names, each `name` or `name:port` exactly as clients send them, e.g. interlock.plant.example. */
  publicHosts?: string[];
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** `Host` → [name, port]; the port is undefined when absent. Names compare case-insensitively. */
function split(host: string): [string, string | undefined] {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  return m ? [m[1]!, m[2]] : ['', undefined];
}

export function isAllowedHost(host: string | undefined, rules: HostRules): boolean {
  if (!host) return false;
  const [name, port] = split(host);
  if (LOOPBACK.includes(name) || /^127(\.\d{1,3}){3}$/.test(name)) {
    return rules.port === undefined || port === String(rules.port) || (port === undefined && rules.port === 80);
  }
  return (rules.publicHosts ?? []).some((allowed) => {
    const [n, p] = split(allowed);
    return n === name && p === port;
  });
}

export function registerHostAllowList(app: FastifyInstance, rules: HostRules): void {
  app.addHook('onRequest', async (request) => {
    const host = request.headers.host;
    if (isAllowedHost(host, rules)) return;
    throw new AppError('INTERLOCK_MISDIRECTED',
      host
        ? `This server does not answer to the name "${host.slice(0, 100)}". Use a loopback address, or ask its administrator to add the name to INTERLOCK_PUBLIC_HOSTS.`
        : 'The request has no Host header.');
  });
}

// Security headers on every answer (the explorer at /, Swagger UI at /docs, the API under /api):
// a Content-Security-Policy under which both pages work with nothing inline (tested in Chromium,
// test/browser/csp.test.ts), no framing, no MIME sniffing, no Referer to other sites.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  // Swagger UI's stylesheet embeds its fonts and icons as data: URIs.
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // The explorer's node glyphs are SVG data: URIs, its printed what-if report embeds PNG snapshots.
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

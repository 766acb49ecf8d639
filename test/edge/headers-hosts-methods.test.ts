// The edge's answers that need no load: security headers on the explorer, the docs and the API;
// the Host allow-list; 405 with Allow for a method a path does not declare.
import { describe, expect, it } from 'vitest';
import { isAllowedHost } from '../../server/plugins/host-allow-list.js';
import { useEdgeApp } from './edge-app.js';

const ctx = useEdgeApp({ hosts: { port: 3000, publicHosts: ['interlock.plant.example', 'ops.example:8443'] }, rateLimitScale: 0, pressure: false });
const get = (url: string, host = '127.0.0.1:3000') => ctx.app.inject({ method: 'GET', url, headers: { host } });

describe('security headers', () => {
  it('every answer — the docs, the API, an error — carries the CSP, no framing, nosniff and no Referer', async () => {
    for (const url of ['/docs/', '/api/zones', '/api/zones/nope', '/openapi.json']) {
      const res = await get(url);
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['content-security-policy'], url).not.toContain('unsafe-eval');
      // Swagger UI injects <style> elements: inline styles, never scripts, on /docs alone.
      if (url.startsWith('/docs')) expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      else expect(res.headers['content-security-policy'], url).not.toContain('unsafe-inline');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });
});

describe('Host allow-list', () => {
  it('answers the loopback names on the configured port and the configured public names', async () => {
    for (const host of ['127.0.0.1:3000', 'localhost:3000', 'LOCALHOST:3000', '[::1]:3000', '127.1.2.3:3000', 'interlock.plant.example', 'ops.example:8443']) {
      expect((await get('/api/zones', host)).statusCode, host).toBe(200);
    }
  });

  it('refuses any other name, a loopback name on another port, and a public name on another port: 421 with a clear message', async () => {
    for (const host of ['evil.example', 'evil.example:3000', '127.0.0.1:3001', 'localhost', 'interlock.plant.example:3000', 'ops.example', '10.0.0.5:3000']) {
      const res = await get('/api/zones', host);
      expect(res.statusCode, host).toBe(421);
      expect(res.json(), host).toEqual({
        statusCode: 421, code: 'INTERLOCK_MISDIRECTED',
        message: `This server does not answer to the name "${host}". Use a loopback address, or ask its administrator to add the name to INTERLOCK_PUBLIC_HOSTS.`,
      });
    }
  });

  it('refuses a rebinding page before any route runs: even health is not answered', async () => {
    expect((await get('/api/health', 'attacker.example:3000')).statusCode).toBe(421);
  });

  it('without a known port (an app driven in-process) loopback names on any port pass', () => {
    expect(isAllowedHost('localhost:80', {})).toBe(true);
    expect(isAllowedHost('localhost', {})).toBe(true);
    expect(isAllowedHost('example.com', {})).toBe(false);
    expect(isAllowedHost(undefined, {})).toBe(false);
  });
});

describe('405 for an undeclared method', () => {
  it('names the methods the path allows in Allow', async () => {
    const cases: Array<[string, string, string]> = [
      ['DELETE', '/api/zones', 'GET, HEAD, POST'],
      ['PATCH', '/api/zones/z-ctl', 'DELETE, GET, HEAD, PUT'],
      ['GET', '/api/impact', 'POST'],
      ['PUT', '/api/health', 'GET, HEAD'],
      ['OPTIONS', '/api/revisions/3/changes', 'GET, HEAD'],
      ['TRACE', '/api/conduits/c-ctl-sis/import-firewall', 'POST'],
    ];
    for (const [method, url, allow] of cases) {
      const res = await ctx.app.inject({ method: method as 'GET', url, headers: { host: '127.0.0.1:3000' } });
      expect(res.statusCode, `${method} ${url}`).toBe(405);
      expect(res.headers.allow, `${method} ${url}`).toBe(allow);
      expect(res.json().code).toBe('INTERLOCK_METHOD_NOT_ALLOWED');
    }
  });

  it('an unknown path is still 404', async () => {
    const res = await ctx.app.inject({ method: 'DELETE', url: '/api/nothing-here', headers: { host: '127.0.0.1:3000' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('INTERLOCK_NOT_FOUND');
  });
});

// Pure functions: no database. Addresses, ports, the Cypher header parser, rule endpoint
// resolution, configuration and the CLI helpers.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonErrorOffset, parseArgs, parseDocument, detectFormat, CliError } from '../server/cli/cli-support.js';
import { loadConfig } from '../server/config.js';
import { parseQueryFile } from '../server/db/query-catalog.js';
import { addressRange, formatIpv4, IPV4_MAX, isCidr, isIpv4, parseCidr, parseIpv4, rangeContains } from '../server/model/ipv4.js';
import { formatPorts, parsePorts } from '../server/model/ports.js';
import { addressBook, endpointProps } from '../server/site/to-graph.js';

const ip = (a: number, b: number, c: number, d: number) => ((a * 256 + b) * 256 + c) * 256 + d;

describe('ipv4', () => {
  it('parses addresses to unsigned integers and back', () => {
    expect(parseIpv4('10.1.0.10')).toBe(ip(10, 1, 0, 10));
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('255.255.255.255')).toBe(IPV4_MAX);
    expect(formatIpv4(ip(192, 168, 7, 1))).toBe('192.168.7.1');
    expect(formatIpv4(IPV4_MAX)).toBe('255.255.255.255');
  });

  it('refuses malformed addresses', () => {
    for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', ' 1.2.3.4', '1.2.3.4/32', '', 'a.b.c.d']) {
      expect(parseIpv4(bad), bad).toBeNull();
      expect(isIpv4(bad), bad).toBe(false);
    }
  });

  it('parses CIDRs to ranges and refuses host bits, bad prefixes and bad bases', () => {
    expect(parseCidr('10.1.0.0/24')).toEqual({ lo: ip(10, 1, 0, 0), hi: ip(10, 1, 0, 255) });
    expect(parseCidr('10.20.0.0/23')).toEqual({ lo: ip(10, 20, 0, 0), hi: ip(10, 20, 1, 255) });
    expect(parseCidr('0.0.0.0/0')).toEqual({ lo: 0, hi: IPV4_MAX });
    expect(parseCidr('10.1.0.5/32')).toEqual({ lo: ip(10, 1, 0, 5), hi: ip(10, 1, 0, 5) });
    for (const bad of ['10.1.0.1/24', '10.1.0.0/33', '10.1.0.0', '10.1.0/24', '10.1.0.0/', '10.1.0.0/x', '300.1.0.0/8']) {
      expect(parseCidr(bad), bad).toBeNull();
      expect(isCidr(bad), bad).toBe(false);
    }
  });

  it('turns any address form into a range, and compares ranges', () => {
    expect(addressRange('any')).toEqual({ lo: 0, hi: IPV4_MAX });
    expect(addressRange('10.3.0.5')).toEqual({ lo: ip(10, 3, 0, 5), hi: ip(10, 3, 0, 5) });
    expect(addressRange('10.3.0.0/30')).toEqual({ lo: ip(10, 3, 0, 0), hi: ip(10, 3, 0, 3) });
    expect(addressRange('nonsense')).toBeNull();
    const net = parseCidr('10.3.0.0/24')!;
    expect(rangeContains(net, { lo: ip(10, 3, 0, 5), hi: ip(10, 3, 0, 5) })).toBe(true);
    expect(rangeContains(net, net)).toBe(true);
    expect(rangeContains(net, parseCidr('10.3.0.0/23')!)).toBe(false);
    expect(rangeContains(net, { lo: ip(10, 4, 0, 0), hi: ip(10, 4, 0, 0) })).toBe(false);
  });
});

describe('ports', () => {
  it('parses a port, a range and any', () => {
    expect(parsePorts(502)).toEqual({ lo: 502, hi: 502 });
    expect(parsePorts('4840')).toEqual({ lo: 4840, hi: 4840 });
    expect(parsePorts('1024-65535')).toEqual({ lo: 1024, hi: 65535 });
    expect(parsePorts('any')).toEqual({ lo: 0, hi: 65535 });
  });

  it('refuses out-of-range, reversed, fractional and malformed specs', () => {
    for (const bad of [0, 65536, 1.5, -1, '0', '70000', '20-10', '1-', '-5', 'http', '80,443', ' 80']) {
      expect(parsePorts(bad), String(bad)).toBeNull();
    }
  });

  it('formats ranges back', () => {
    expect(formatPorts({ lo: 502, hi: 502 })).toBe('502');
    expect(formatPorts({ lo: 1024, hi: 2048 })).toBe('1024-2048');
    expect(formatPorts({ lo: 0, hi: 65535 })).toBe('any');
    expect(formatPorts({ lo: 1, hi: 65535 })).toBe('any');
  });
});

describe('Cypher header parser', () => {
  const good = [
    '// description: One zone by id.',
    '// mode: read',
    '// params:',
    '//   $id: string — zone id',
    '//   $limit: integer — at most this many',
    '// returns:',
    '//   props: map — the zone',
    'MATCH (z:Zone {id: $id}) // $ignored in a comment',
    'RETURN properties(z) AS props LIMIT $limit',
  ].join('\n');

  it('reads name, description, mode, sorted params and the query text', () => {
    expect(parseQueryFile('read/zone', good)).toEqual({
      name: 'read/zone',
      description: 'One zone by id.',
      mode: 'read',
      params: ['id', 'limit'],
      text: 'MATCH (z:Zone {id: $id}) // $ignored in a comment\nRETURN properties(z) AS props LIMIT $limit',
    });
    expect(Object.isFrozen(parseQueryFile('read/zone', good))).toBe(true);
  });

  it('refuses a header without description, mode, returns or query', () => {
    const without = (prefix: string) => good.split('\n').filter((l) => !l.startsWith(prefix)).join('\n');
    expect(() => parseQueryFile('x/q', without('// description'))).toThrow('cypher/x/q.cypher: header needs "// description: what the query answers"');
    expect(() => parseQueryFile('x/q', good.replace('mode: read', 'mode: fast'))).toThrow('header needs "// mode: read|write|schema"');
    expect(() => parseQueryFile('x/q', good.replace('// returns:', '// gives:'))).toThrow('header needs a "// returns:" section');
    expect(() => parseQueryFile('x/q', '// description: nothing\n// mode: read\n// returns: nothing\n')).toThrow('has no query after its header');
  });

  it('refuses undeclared and unused parameters', () => {
    expect(() => parseQueryFile('x/q', good.replace('//   $limit: integer — at most this many\n', ''))).toThrow('uses $limit but its header does not declare it under "params:"');
    expect(() => parseQueryFile('x/q', good.replace('LIMIT $limit', ''))).toThrow('declares $limit but never uses it');
  });
});

describe('rule endpoint resolution', () => {
  const book = addressBook(
    [{ id: 'ls1', ip: '10.1.0.10' }, { id: 'pt1', ip: undefined }],
    [{ id: 'z-sis', cidr: '10.1.0.0/24' }, { id: 'z-field', cidr: undefined }],
  );

  it('keeps the symbolic form beside the integer range', () => {
    expect(endpointProps('src', 'any', book)).toEqual({ src: 'any', srcLo: 0, srcHi: IPV4_MAX });
    expect(endpointProps('dst', '10.3.0.5', book)).toEqual({ dst: '10.3.0.5', dstLo: ip(10, 3, 0, 5), dstHi: ip(10, 3, 0, 5) });
    expect(endpointProps('dst', '10.3.0.0/24', book)).toEqual({ dst: '10.3.0.0/24', dstLo: ip(10, 3, 0, 0), dstHi: ip(10, 3, 0, 255) });
    expect(endpointProps('src', { asset: 'ls1' }, book)).toEqual({ srcAsset: 'ls1', srcLo: ip(10, 1, 0, 10), srcHi: ip(10, 1, 0, 10) });
    expect(endpointProps('dst', { zone: 'z-sis' }, book)).toEqual({ dstZone: 'z-sis', dstLo: ip(10, 1, 0, 0), dstHi: ip(10, 1, 0, 255) });
  });

  it('throws on an endpoint with no address (validation rejects such documents first)', () => {
    expect(() => endpointProps('src', { asset: 'pt1' }, book)).toThrow('rule src {"asset":"pt1"} does not resolve to an address range');
    expect(() => endpointProps('dst', { zone: 'z-field' }, book)).toThrow('does not resolve');
    expect(() => endpointProps('dst', { asset: 'ghost' }, book)).toThrow('does not resolve');
  });
});

describe('configuration', () => {
  it('fills defaults from an empty environment', () => {
    expect(loadConfig({})).toEqual({
      NEO4J_USER: 'neo4j', NEO4J_DATABASE: 'neo4j', HOST: '127.0.0.1', PORT: 3000, INTERLOCK_DATA_DIR: '.data/neo4j',
      INTERLOCK_NEO4J_HEAP_MB: 2048, INTERLOCK_NEO4J_PAGECACHE_MB: 512, INTERLOCK_LOAD_FIXTURE: 'auto', LOG_LEVEL: 'info',
      INTERLOCK_ADMIN_PASSWORD_FILE: '.data/admin-password', INTERLOCK_SESSION_IDLE_MINUTES: 30, INTERLOCK_SESSION_MAX_HOURS: 12,
      INTERLOCK_TOKEN_DAYS: 90, INTERLOCK_LOCKOUT_THRESHOLD: 5, INTERLOCK_LOCKOUT_MINUTES: 15, INTERLOCK_SIGN_IN_PER_MINUTE: 20,
      INTERLOCK_COOKIE_SECURE: 'auto', INTERLOCK_OIDC_ROLES_CLAIM: 'groups', INTERLOCK_OIDC_USERNAME_CLAIM: 'preferred_username',
      INTERLOCK_OIDC_ROLE_MAP: [], INTERLOCK_OIDC_NAME: 'single sign-on',
      INTERLOCK_PUBLIC_HOSTS: [], INTERLOCK_RATE_LIMIT_SCALE: 1, INTERLOCK_SHED_EVENT_LOOP_MS: 1000, INTERLOCK_SHED_HEAP_PERCENT: 85,
    });
    expect(loadConfig({ INTERLOCK_PUBLIC_HOSTS: 'interlock.plant.example, ops.example:8443' }).INTERLOCK_PUBLIC_HOSTS).toEqual(['interlock.plant.example', 'ops.example:8443']);
    expect(loadConfig({ PORT: '8080', NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' })).toMatchObject({ PORT: 8080, NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^Invalid configuration in the environment:\n {2}PORT: /);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: Too big/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow('NEO4J_URI: must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI');
    expect(() => loadConfig({ LOG_LEVEL: 'loud', PORT: '-1' })).toThrow(/PORT: .*\n {2}LOG_LEVEL: /s);
    expect(() => loadConfig({ INTERLOCK_PUBLIC_HOSTS: 'https://interlock.example/' })).toThrow('INTERLOCK_PUBLIC_HOSTS.0: must be host names, each name or name:port, separated by commas');
    expect(() => loadConfig({ INTERLOCK_RATE_LIMIT_SCALE: '-1' })).toThrow(/INTERLOCK_RATE_LIMIT_SCALE: Too small/);
  });

  it('reads the identity provider all or nothing, and its role map only with Interlock\'s roles', () => {
    const oidc = { INTERLOCK_OIDC_ISSUER: 'https://idp.example', INTERLOCK_OIDC_CLIENT_ID: 'interlock', INTERLOCK_OIDC_CLIENT_SECRET: 's', INTERLOCK_OIDC_REDIRECT_URL: 'https://i.example/api/auth/oidc/callback' };
    expect(loadConfig({ ...oidc, INTERLOCK_OIDC_ROLE_MAP: 'ot-eng=engineer, hse=safety-approver' }).INTERLOCK_OIDC_ROLE_MAP).toEqual([['ot-eng', 'engineer'], ['hse', 'safety-approver']]);
    expect(() => loadConfig({ INTERLOCK_OIDC_ISSUER: 'https://idp.example' })).toThrow(
      'Invalid configuration in the environment:\n  INTERLOCK_OIDC_CLIENT_ID: is required when INTERLOCK_OIDC_ISSUER is set\n' +
      '  INTERLOCK_OIDC_CLIENT_SECRET: is required when INTERLOCK_OIDC_ISSUER is set\n  INTERLOCK_OIDC_REDIRECT_URL: is required when INTERLOCK_OIDC_ISSUER is set');
    expect(() => loadConfig({ ...oidc, INTERLOCK_OIDC_ROLE_MAP: 'ops=operator' })).toThrow(/INTERLOCK_OIDC_ROLE_MAP: "ops=operator" must be claim-value=role, the role one of viewer, engineer/);
    expect(() => loadConfig({ INTERLOCK_ADMIN_PASSWORD: 'short' })).toThrow('INTERLOCK_ADMIN_PASSWORD: must be at least 12 characters');
  });
});

describe('CLI helpers', () => {
  const Args = z.object({ file: z.string().min(1, 'is required'), mode: z.enum(['replace', 'merge'], { error: 'must be "replace" or "merge"' }) });

  it('parseArgs returns the typed arguments or names each bad one', () => {
    expect(parseArgs(Args, { file: 'a.yaml', mode: 'merge' })).toEqual({ file: 'a.yaml', mode: 'merge' });
    expect(() => parseArgs(Args, { file: 'a.yaml', mode: 'upsert' })).toThrow(new CliError('--mode: must be "replace" or "merge"'));
    expect(() => parseArgs(Args, { file: '', mode: 'x' }, { positional: ['file'] }))
      .toThrow('invalid arguments:\n  <file>: is required\n  --mode: must be "replace" or "merge"');
  });

  it('detects the format by extension, else by content', () => {
    expect(detectFormat('site.JSON', 'zones: []')).toBe('json');
    expect(detectFormat('site.yml', '{}')).toBe('yaml');
    expect(detectFormat('site.txt', '  {"zones": []}')).toBe('json');
    expect(detectFormat('-', 'zones: []')).toBe('yaml');
  });

  it('parses JSON and YAML, and names file, line and column of a syntax error', () => {
    expect(parseDocument('a.json', '{"zones": []}')).toEqual({ zones: [] });
    expect(parseDocument('a.yaml', 'zones: []\n')).toEqual({ zones: [] });
    expect(parseDocument('a.json', '\uFEFF{"zones": []}')).toEqual({ zones: [] });
    expect(() => parseDocument('a.json', '{\n  "zones": [1,\n}')).toThrow("a.json: malformed JSON at line 3, column 1: Unexpected token '}'");
    expect(() => parseDocument('a.json', '{"a": 1,}')).toThrow('a.json: malformed JSON at line 1, column 9');
    expect(() => parseDocument('a.json', '')).toThrow('a.json: malformed JSON at line 1, column 1: Unexpected end of JSON input');
    expect(() => parseDocument('a.yaml', 'a: 1\na: 2\n')).toThrow('a.yaml: malformed YAML at line 2, column 1: Map keys must be unique');
    expect(() => parseDocument('a.yaml', 'zones:\n  - id: a\n   name: b\n')).toThrow('a.yaml: malformed YAML at line 3, column 1: Sequence item without - indicator');
  });

  it('finds the offset of the first JSON syntax error', () => {
    expect(jsonErrorOffset('{"a": [1, 2]}')).toBe(13); // valid: the end
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonErrorOffset('{"a": "x\ny"}')).toBe(8);
    expect(jsonErrorOffset('[1] 2')).toBe(4);
    expect(jsonErrorOffset('{"a": "\\"}')).toBe(10);
  });
});

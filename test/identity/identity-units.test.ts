// The pure parts of identity and audit: no database, exact answers.
import { describe, expect, it } from 'vitest';
import { checkHead, checkLink, GENESIS, sealEntry } from '../../server/audit/chain.js';
import { mappedRoles, oidcUsername } from '../../server/identity/oidc.js';
import { generatePassword } from '../../server/identity/passwords.js';
import { csrfTokenFor, loggableUrl, sameSecret } from '../../server/identity/secrets.js';
import type { OidcSettings } from '../../server/identity/settings.js';

const oidc: OidcSettings = {
  issuer: 'https://idp.example', clientId: 'c', clientSecret: 's', redirectUrl: 'https://i.example/cb', name: 'IdP',
  rolesClaim: 'groups', usernameClaim: 'preferred_username', roleMap: [['ot-eng', 'engineer'], ['hse', 'safety-approver'], ['ot-eng-leads', 'engineer']],
};

describe('secrets', () => {
  it('derives a session\'s CSRF token from its id alone, and compares secrets whatever their lengths', () => {
    expect(csrfTokenFor('a')).toBe(csrfTokenFor('a'));
    expect(csrfTokenFor('a')).not.toBe(csrfTokenFor('b'));
    expect([sameSecret('x', 'x'), sameSecret('x', 'xy'), sameSecret('', 'x')]).toEqual([true, false, false]);
  });

  it('leaves secrets out of logged URLs', () => {
    expect(loggableUrl('/api/auth/oidc/callback?code=abc&state=def&iss=https%3A%2F%2Fidp')).toBe('/api/auth/oidc/callback?code=%E2%80%A6&state=%E2%80%A6&iss=https%3A%2F%2Fidp');
    expect(loggableUrl('/api/zones?limit=5')).toBe('/api/zones?limit=5');
  });

  it('generates 20-character passwords without look-alike letters', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword());
    expect(passwords.every((p) => /^[A-HJ-NP-Za-km-z2-9]{20}$/.test(p))).toBe(true);
    expect(new Set(passwords).size).toBe(50);
  });
});

describe('identity-provider claims', () => {
  it('maps claim values to roles, once each, from a list or a spaced string', () => {
    expect(mappedRoles(oidc, { groups: ['staff', 'ot-eng', 'ot-eng-leads'] })).toEqual(['engineer']);
    expect(mappedRoles(oidc, { groups: 'hse ot-eng' })).toEqual(['engineer', 'safety-approver']);
    expect(mappedRoles(oidc, { groups: ['marketing'] })).toEqual([]);
    expect(mappedRoles(oidc, {})).toEqual([]);
  });

  it('makes a username Interlock accepts', () => {
    expect(oidcUsername(oidc, { preferred_username: 'Olga.Ops', sub: '1' })).toBe('olga.ops');
    expect(oidcUsername(oidc, { email: 'J Doe@plant.example', sub: '2' })).toBe('j-doe@plant.example');
    expect(oidcUsername(oidc, { preferred_username: '!', sub: 'AB-12' })).toBe('sub-ab12');
  });
});

describe('the audit chain, pure', () => {
  const first = sealEntry(1, GENESIS, { actor: 'ada', action: 'site:create', target: 'assets/x', details: { b: 1, a: [2, 'é'] } }, new Date('2026-01-01T00:00:00Z'));
  const second = sealEntry(2, first.hash, { actor: 'bob', action: 'auth:sign-in', target: 'user/bob' }, new Date('2026-01-01T00:01:00Z'));

  it('stores details as RFC 8785 canonical JSON and chains each entry to the one before', () => {
    expect(first.details).toBe('{"a":[2,"é"],"b":1}');
    expect([checkLink({ seq: 0, hash: GENESIS }, first), checkLink(first, second), checkHead(second, second)]).toEqual([undefined, undefined, undefined]);
  });

  it('names what broke: a gap, a changed field, a rewritten link, a head ahead of the log', () => {
    expect(checkLink({ seq: 0, hash: GENESIS }, second)?.message).toBe('entry 1 is missing (entry 2 follows entry 0)');
    expect(checkLink(first, { ...second, target: 'user/eve' })?.kind).toBe('altered');
    const relinked = sealEntry(2, 'f'.repeat(64), { actor: 'bob', action: 'auth:sign-in', target: 'user/bob' }, new Date('2026-01-01T00:01:00Z'));
    expect(checkLink(first, relinked)?.kind).toBe('unlinked');
    expect(checkHead(first, { seq: 3, hash: 'x' })?.message).toBe('entries 2–3 are missing at the end of the log (the head names entry 3)');
  });
});

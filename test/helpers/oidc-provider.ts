// A real OpenID Connect provider (oidc-provider) in the test process on a loopback port, for the
// sign-in and step-up signing tests: its login and consent are answered as the person chosen with
// `signIn`, and it counts the logins it asked for.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type Person = { preferred_username: string; name: string; groups: string[] };

export interface TestProvider {
  issuer: string;
  /** Who answers the next login. */
  signIn(person: string): void;
  /** Logins the provider has asked for so far. */
  readonly logins: number;
  close(): Promise<void>;
}

export const TEST_CLIENT = { clientId: 'interlock', clientSecret: 'interlock-test-secret' } as const;

export async function startTestProvider(people: Record<string, Person>, redirectUris: string[]): Promise<TestProvider> {
  let signingIn = Object.keys(people)[0]!;
  let logins = 0;
  let provider!: Provider;
  const interact = async (req: Parameters<Provider['interactionDetails']>[0], res: Parameters<Provider['interactionDetails']>[1]): Promise<void> => {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      logins++;
      await provider.interactionFinished(req, res, { login: { accountId: signingIn } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    grant.addOIDCScope('openid profile');
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  };
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) void interact(req, res).catch((e: Error) => res.writeHead(500).end(e.message));
    else void provider.callback()(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [{ client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...people[sub] }) }),
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  return {
    issuer,
    signIn: (person) => { signingIn = person; },
    get logins() { return logins; },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

// Configuration from the environment, validated once at start: a typo in PORT or a malformed
// NEO4J_URI stops the process with a message naming the variable, not a stack trace later. The
// messages never quote a value: NEO4J_URI and NEO4J_PASSWORD may hold a secret.
import { z } from 'zod';
import { splitUriCredentials } from './db/uri-credentials.js';
import { AppRoleSchema } from './identity/roles.js';

const bounded = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** `idp-value=role,other=role` → [[claim value, role]]; a role name that is not Interlock's is refused. */
const RoleMap = z.string().transform((text, ctx) => {
  const pairs: Array<[string, z.infer<typeof AppRoleSchema>]> = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [value, role] = part.split('=').map((p) => p.trim());
    const parsed = AppRoleSchema.safeParse(role);
    if (!value || !parsed.success) {
      ctx.addIssue({ code: 'custom', message: `"${part}" must be claim-value=role, the role one of ${AppRoleSchema.options.join(', ')}` });
      return z.NEVER;
    }
    pairs.push([value, parsed.data]);
  }
  return pairs;
});

const Env = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  INTERLOCK_PUBLIC_HOSTS: z.string().default('')
    .transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/, 'must be host names, each name or name:port, separated by commas'))),
  INTERLOCK_RATE_LIMIT_SCALE: z.coerce.number().min(0).max(1000).default(1),
  INTERLOCK_SHED_EVENT_LOOP_MS: z.coerce.number().int().min(0).default(1000),
  INTERLOCK_SHED_HEAP_PERCENT: z.coerce.number().min(10).max(100).default(85),
  INTERLOCK_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  INTERLOCK_NEO4J_HEAP_MB: z.coerce.number().int().min(256).default(2048),
  INTERLOCK_NEO4J_PAGECACHE_MB: z.coerce.number().int().min(64).default(512),
  INTERLOCK_LOAD_FIXTURE: z.enum(['auto', 'never']).default('auto'),
  INTERLOCK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  INTERLOCK_ADMIN_PASSWORD_FILE: z.string().min(1).default('.data/admin-password'),
  INTERLOCK_SESSION_IDLE_MINUTES: bounded(30, 24 * 60),
  INTERLOCK_SESSION_MAX_HOURS: bounded(12, 24 * 7),
  INTERLOCK_TOKEN_DAYS: bounded(90, 366),
  INTERLOCK_LOCKOUT_THRESHOLD: bounded(5, 100),
  INTERLOCK_LOCKOUT_MINUTES: bounded(15, 24 * 60),
  INTERLOCK_SIGN_IN_PER_MINUTE: bounded(20, 10_000),
  INTERLOCK_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  INTERLOCK_OIDC_ISSUER: z.url('must be the issuer URL of the identity provider').optional(),
  INTERLOCK_OIDC_CLIENT_ID: z.string().min(1).optional(),
  INTERLOCK_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  INTERLOCK_OIDC_REDIRECT_URL: z.url('must be this server\'s /api/auth/oidc/callback URL as the provider knows it').optional(),
  INTERLOCK_OIDC_ROLES_CLAIM: z.string().min(1).default('groups'),
  INTERLOCK_OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  INTERLOCK_OIDC_ROLE_MAP: RoleMap.default([]),
  INTERLOCK_OIDC_NAME: z.string().min(1).max(60).default('single sign-on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).transform(credentialsOutOfUri);

/**
 * neo4j://user:secret@host works, but the secret leaves the URI, which is printed in messages:
 * it becomes NEO4J_USER / NEO4J_PASSWORD, unless those were set on their own.
 */
function credentialsOutOfUri<T extends { NEO4J_URI?: string; NEO4J_USER?: string; NEO4J_PASSWORD?: string }>(env: T) {
  const fromUri = env.NEO4J_URI ? splitUriCredentials(env.NEO4J_URI) : undefined;
  return {
    ...env,
    NEO4J_URI: fromUri?.uri,
    NEO4J_USER: env.NEO4J_USER ?? fromUri?.user ?? 'neo4j',
    NEO4J_PASSWORD: env.NEO4J_PASSWORD ?? fromUri?.password,
  };
}

export type Config = z.infer<typeof Env>;

const OIDC_VARIABLES = ['INTERLOCK_OIDC_ISSUER', 'INTERLOCK_OIDC_CLIENT_ID', 'INTERLOCK_OIDC_CLIENT_SECRET', 'INTERLOCK_OIDC_REDIRECT_URL'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  // OpenID Connect is all or nothing: a half-configured provider is a typo, not a choice.
  const set = OIDC_VARIABLES.filter((v) => parsed.data[v] !== undefined);
  if (set.length > 0 && set.length < OIDC_VARIABLES.length) {
    const missing = OIDC_VARIABLES.filter((v) => parsed.data[v] === undefined);
    throw new Error(`Invalid configuration in the environment:\n${missing.map((v) => `  ${v}: is required when ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set`).join('\n')}`);
  }
  return parsed.data;
}

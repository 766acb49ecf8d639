// Configuration from the environment, validated once at start: a typo in PORT or a malformed
// NEO4J_URI stops the process with a message naming the variable, not a stack trace later. The
// messages never quote a value: NEO4J_URI and NEO4J_PASSWORD may hold a secret.
import { z } from 'zod';
import { splitUriCredentials } from './db/uri-credentials.js';

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

// Builds the Interlock HTTP app and never listens (main.ts does), so tests drive it with inject.
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { DbClient } from './db/client.js';
import { DEFAULT_IDENTITY, type IdentitySettings } from './identity/settings.js';
import { registerAuthentication } from './plugins/authentication.js';
import { registerEdge, type EdgeOptions } from './plugins/edge.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerRequestLog, requestLogController } from './plugins/request-log.js';
import { chromiumPath } from './pdf/chromium.js';
import { PdfRenderer } from './pdf/pdf-renderer.js';
import { IntegrityMonitor } from './site/integrity.js';
import { registerSwagger } from './plugins/swagger.js';
import { registerRoutes } from './routes/index.js';
import { registerReportPage } from './report/report-page.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: DbClient;
    integrity: IntegrityMonitor;
    /** Prints the app's own pages (the board report, the meeting pack) to PDF. */
    pdf: PdfRenderer;
  }
}

export interface AppOptions {
  db: DbClient;
  logger?: FastifyServerOptions['logger'];
  /** The built web explorer; served at / when present. */
  clientDir?: string;
  /** Sessions, tokens, lockout and OIDC (from the environment in main.ts; defaults otherwise). */
  identity?: Partial<IdentitySettings>;
  /** Host allow-list, rate limit and load shedding (plugins/edge.ts); all on by default. */
  edge?: EdgeOptions;
  /** How long start-up (the integrity check among it) may take; fastify's default is 10 s. */
  pluginTimeout?: number;
}

export const REQUEST_BODY_LIMIT = 1024 * 1024;
// Node refuses a request head over 16 KB with 431 before Interlock sees it. An evidence upload
// carries its metadata in the query string: a source URI one character past its 2,000,
// percent-encoded at up to 12 bytes a character, must still reach the schema, to be refused with
// a 400 that names the field.
export const REQUEST_HEAD_LIMIT = 64 * 1024;

export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: requestLogController(),
    // Every route but a site import takes at most 1 MB (routes/site.ts raises its own limit).
    bodyLimit: REQUEST_BODY_LIMIT,
    http: { maxHeaderSize: REQUEST_HEAD_LIMIT },
    // Ids are up to 128 characters; the router's default of 100 answered 414 for valid ones.
    routerOptions: { maxParamLength: 256 },
    // The integrity check at ready plans its queries on a cold JVM: on a busy machine that took
    // more than Fastify's default 10 s.
    pluginTimeout: options.pluginTimeout ?? 60_000,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);
  app.decorate('integrity', new IntegrityMonitor(options.db));
  // One Chromium for the process, one page at a time: each takes a core and ~100 MB.
  app.decorate('pdf', new PdfRenderer({ executablePath: chromiumPath(), concurrency: 1, queue: 4, timeoutMs: 60_000 }));
  app.addHook('onClose', async () => app.pdf.close());
  // Judged once the app is ready, before it answers a what-if; again after every import.
  app.addHook('onReady', async () => {
    await app.integrity.check();
  });

  // Site documents may be sent as YAML as well as JSON.
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseYaml(body as string));
    } catch (error) {
      done(Object.assign(new Error(`Malformed YAML: ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });

  await registerEdge(app, options.edge);
  registerRequestLog(app);
  registerErrorHandler(app);
  // Before swagger and the routes: its onRoute hook refuses routes without a permission rule.
  await registerAuthentication(app, { ...DEFAULT_IDENTITY, ...options.identity });
  await registerSwagger(app);
  await app.register(registerRoutes, { prefix: '/api' });

  const clientDir = options.clientDir ?? DEFAULT_CLIENT_DIR;
  if (existsSync(clientDir)) {
    await app.register(fastifyStatic, { root: clientDir, prefix: '/', wildcard: false });
    registerReportPage(app);
  }
  return app;
}

// The audit log over HTTP: entries filtered and paged, verification of the chain, and its head.
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditHead, listAudit } from '../audit/audit-log.js';
import { verifyChain } from '../audit/verify.js';
import { ErrorBody } from '../model/api-schemas.js';
import { queryNumber } from '../model/primitives.js';

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits');
const Head = z.object({ seq: z.number().int().describe('the last entry\'s number'), hash: z.string().describe('its SHA-256'), at: z.string().nullable() });

const Entry = z.object({
  seq: z.number().int(), at: z.string(), actor: z.string(), actorId: z.string().nullable(), action: z.string(), target: z.string(),
  outcome: z.enum(['ok', 'refused']),
  details: z.unknown().describe('what changed or why it was refused (parsed from the canonical JSON text the hash covers)'),
  prevHash: z.string(), hash: z.string(),
});

const AuditQuery = z.object({
  actor: z.string().max(128).optional(),
  action: z.string().max(64).optional().describe('an action or its prefix: "auth:" lists every sign-in event'),
  from: z.iso.datetime().optional().describe('at or after this time (ISO-8601)'),
  to: z.iso.datetime().optional().describe('before this time (ISO-8601)'),
  before: queryNumber(z.coerce.number().int().min(1).optional().describe('entries numbered below this: the `next` of the previous page')),
  limit: queryNumber(z.coerce.number().int().min(1).max(500).default(100)),
});

const VerifyQuery = z.object({
  seq: queryNumber(z.coerce.number().int().min(1).optional().describe('a chain head kept outside the database: its number…')),
  hash: Hash.optional().describe('…and its hash; both or neither'),
}).refine((q) => (q.seq === undefined) === (q.hash === undefined), { message: 'give both seq and hash of the kept head, or neither', path: ['hash'] });

const Break = z.object({ seq: z.number().int(), kind: z.enum(['missing', 'altered', 'unlinked', 'head-mismatch']), message: z.string() });
const VerifyReport = z.object({
  ok: z.boolean(),
  checked: z.number().int().describe('entries 1 … checked chain'),
  head: Head,
  firstBreak: Break.nullable().describe('the first entry that does not chain'),
  kept: z.object({ seq: z.number().int(), hash: z.string(), ok: z.boolean(), message: z.string() }).optional(),
});

function parsedDetails(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // an altered entry may no longer be JSON: show what is stored
  }
}

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  app.get('/audit', {
    schema: { tags, summary: 'Audit entries, newest first; filter by actor, action and time', querystring: AuditQuery, response: { 200: z.object({ entries: z.array(Entry), next: z.number().int().nullable() }), 400: ErrorBody } },
  }, async (request) => {
    const page = await listAudit(app.db, request.query);
    return { entries: page.entries.map((e) => ({ ...e, details: parsedDetails(e.details) })), next: page.next };
  });

  app.get('/audit/verify', {
    schema: {
      tags, summary: 'Verify the hash chain: the first entry that does not chain, if any',
      description: 'Walks every entry in order: a missing number, an entry whose fields do not hash to its hash, or a broken link is reported. ' +
        'With seq and hash of a head kept outside the database, also checks that the log still holds it.',
      querystring: VerifyQuery, response: { 200: VerifyReport, 400: ErrorBody, 422: ErrorBody.describe('seq and hash of a kept head go together') },
    },
  }, async (request) => verifyChain(app.db, request.query.seq !== undefined ? { seq: request.query.seq, hash: request.query.hash! } : undefined));

  app.get('/audit/head', {
    schema: { tags, summary: 'The chain head: keep it outside the database to detect a rewrite of the log', response: { 200: Head } },
  }, async () => auditHead(app.db));
}

// The change request's API shapes: what raising and editing one takes, what signing takes, and what
// a request looks like. The change itself is the what-if's own request (POST /api/impact), so a
// request raised from the What-if panel is exactly what was assessed there.
import { z } from 'zod';
import { ImpactRequest, ImpactResponse } from '../impact/change-schema.js';
import { commaIds, queryNumber } from '../model/primitives.js';
import { Id } from '../model/site-schema.js';

export const STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'IMPLEMENTED', 'WITHDRAWN'] as const;
export const ReviewStatus = z.enum(STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;
export const DISCIPLINES = ['security', 'safety'] as const;
export const Discipline = z.enum(DISCIPLINES);
export type Discipline = z.infer<typeof Discipline>;

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits');

export const ChangeWindow = z.object({
  start: z.iso.datetime().describe('when the change may start (ISO-8601)'),
  end: z.iso.datetime().describe('when it must be done'),
}).strict().refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: 'the window must end after it starts', path: ['end'] });

const fields = {
  title: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(1).max(4000).describe('why the change is needed, for the meeting'),
  window: ChangeWindow,
  request: ImpactRequest.describe('the change or change set, exactly as POST /api/impact takes it'),
  patchVersion: z.string().min(1).max(100).optional().describe('the version a patch brings: implementing records it on every patched asset'),
};

export const NewReview = z.object(fields).strict();
export type NewReview = z.infer<typeof NewReview>;

export const ReviewEdit = z.object({
  title: fields.title.optional(), reason: fields.reason.optional(), window: fields.window.optional(), request: fields.request.optional(),
  patchVersion: fields.patchVersion.nullable().describe('null removes it'),
}).partial().strict().refine((e) => Object.keys(e).length > 0, { message: 'change at least one of title, reason, window, request, patchVersion' });
export type ReviewEdit = z.infer<typeof ReviewEdit>;

export const SignBody = z.object({
  meaning: z.enum(['approve', 'reject']),
  comment: z.string().max(2000).default(''),
  password: z.string().min(1).max(1024).describe('your own password again: a signature is given knowingly'),
  assessmentHash: Hash.describe('the hash of the assessment you read (the request\'s assessment.hash): a signature never covers one you did not see'),
}).strict();
export type SignBody = z.infer<typeof SignBody>;

/** A signature to give after re-authenticating at the identity provider: a sign body without the password. */
export const ReauthBody = SignBody.omit({ password: true }).strict();

export const StepUpStarted = z.object({
  url: z.string().describe('the identity provider\'s sign-in page (prompt=login, max_age=0): send the browser there'),
  expiresAt: z.string().describe('until when the provider\'s answer is taken'),
});

export const ListQuery = z.object({
  status: ReviewStatus.optional(),
  limit: queryNumber(z.coerce.number().int().min(1).max(500).default(200)),
});

export const PackQuery = z.object({
  ids: commaIds('change request', 30, { required: true }).describe('comma-separated request ids, in agenda order'),
});

const Person = z.object({ username: z.string(), displayName: z.string() });

export const SignatureView = Person.extend({
  discipline: Discipline,
  meaning: z.enum(['approve', 'reject']),
  comment: z.string(),
  at: z.string(),
  assessmentHash: z.string(),
});

export const StaleChange = z.object({
  revision: z.number().int(), at: z.string().nullable(), actor: z.string().nullable(), action: z.string().nullable(),
  collection: z.string(), entity: z.string(), op: z.string(),
});

const Permission = z.object({ allowed: z.boolean(), why: z.string().nullable().describe('why not, in words a button\'s tooltip can show') });

export const ReviewView = z.object({
  id: Id,
  title: z.string(),
  reason: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  request: z.unknown().describe('the change or change set (POST /api/impact\'s body)'),
  patchVersion: z.string().nullable(),
  status: ReviewStatus,
  version: z.number().int().describe('moves on with every edit and transition; the ETag'),
  requester: Person,
  createdAt: z.string(),
  updatedAt: z.string(),
  assessment: z.object({
    revision: z.number().int().describe('the site revision it read'),
    at: z.string(),
    hash: Hash.describe('SHA-256 of the canonical JSON of the request, the revision and the answer: what signatures cover'),
    required: z.array(Discipline).describe('the sign-offs it needs: security always, safety when a finding above INFO names a SIF or a procedure'),
    answer: ImpactResponse,
  }).nullable(),
  signatures: z.array(SignatureView),
  stale: z.boolean().describe('a submitted or approved request whose assessment read something that changed since'),
  staleBecause: z.array(StaleChange).describe('the journal\'s changes that made it stale, oldest first'),
  implemented: z.object({ revision: z.number().int(), at: z.string(), by: z.string() }).nullable(),
  you: z.object({
    edit: Permission, submit: Permission, reassess: Permission, withdraw: Permission, implement: Permission,
    signSafety: Permission, signSecurity: Permission,
  }).describe('what the caller may do now, and why not'),
});
export type ReviewViewT = z.infer<typeof ReviewView>;

export const ReviewListItem = ReviewView.pick({ id: true, title: true, status: true, version: true, requester: true, updatedAt: true, stale: true, window: true })
  .extend({
    maxSeverity: z.string().nullable(),
    required: z.array(Discipline),
    signatures: z.array(SignatureView.pick({ discipline: true, meaning: true, username: true })),
  });

// The change-request calls of the API client, parsed with the server's own schemas.
import { z } from 'zod';
import type { Change } from '../../../server/impact/change-schema.js';
import { ReviewListItem, ReviewView, StepUpStarted, type Discipline } from '../../../server/reviews/schemas.js';
import { request } from '../api-client.js';
import { csrfHeaders } from '../signin/session.js';

export type ReviewT = z.infer<typeof ReviewView>;
export type ReviewItemT = z.infer<typeof ReviewListItem>;
const Head = z.object({ seq: z.number(), hash: z.string(), at: z.string().nullable() });
const enc = encodeURIComponent;
const post = (path: string, body?: unknown) => request(ReviewView, path, { method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });

export const reviewsApi = {
  list: () => request(z.array(ReviewListItem), '/api/reviews'),
  get: (id: string) => request(ReviewView, `/api/reviews/${enc(id)}`),
  raise: (body: { title: string; reason: string; window: { start: string; end: string }; change: Change }) =>
    post('/api/reviews', { title: body.title, reason: body.reason, window: body.window, request: { change: body.change } }),
  step: (id: string, verb: 'submit' | 'reassess' | 'withdraw' | 'implement') => post(`/api/reviews/${enc(id)}/${verb}`),
  sign: (id: string, discipline: Discipline, body: { meaning: 'approve' | 'reject'; comment: string; password: string; assessmentHash: string }) =>
    post(`/api/reviews/${enc(id)}/sign/${discipline}`, body),
  /** A signature by re-authenticating at the identity provider: the provider's URL to send the browser to. */
  reauth: (id: string, discipline: Discipline, body: { meaning: 'approve' | 'reject'; comment: string; assessmentHash: string }) =>
    request(StepUpStarted, `/api/reviews/${enc(id)}/sign/${discipline}/reauth`, { method: 'POST', body: JSON.stringify(body) }),
  auditHead: () => request(Head, '/api/audit/head'),
  /** An edit from the version read: 412 when someone changed the request since. */
  edit: (id: string, version: number, body: { title?: string; reason?: string }) =>
    request(ReviewView, `/api/reviews/${enc(id)}`, {
      method: 'PATCH', body: JSON.stringify(body),
      headers: { accept: 'application/json', 'content-type': 'application/json', 'if-match': `"${version}"`, ...csrfHeaders() },
    }),
};

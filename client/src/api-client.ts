// The thin typed API client. Every response is parsed with the server's own zod schema, so a
// drift between server and client fails loudly here rather than as a blank panel.
import { z } from 'zod';
import { ImpactRequest, ImpactResponse } from '../../server/impact/change-schema.js';
import { GraphView, LocateResult, SifGraph, type CollapseMode } from '../../server/views/view-schema.js';
import { Asset, AssetDetail, Conduit, ErrorBody, FlowView, SifSummary, ZoneDetail } from '../../server/model/api-schemas.js';
import { TrafficAnswer } from '../../server/importers/zeek/traffic-answer.js';
import { csrfHeaders } from './signin/session.js';

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: z.infer<typeof ErrorBody> | undefined, message: string) {
    super(message);
  }
}

/** The response's text; an error answer becomes an ApiError. `headers` add to (or replace) the defaults. */
async function send(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<string> {
  const { headers, ...rest } = init ?? {};
  // A session's changing request echoes its CSRF token (server/plugins/authentication.ts).
  const changing = rest.method !== undefined && rest.method !== 'GET';
  const res = await fetch(path, { ...rest, headers: { accept: 'application/json', ...(rest.body ? { 'content-type': 'application/json' } : {}), ...(changing ? csrfHeaders() : {}), ...headers } });
  // The session ended (timeout, sign-out elsewhere): back to the sign-in page.
  if (res.status === 401) location.reload();
  const text = await res.text();
  if (!res.ok) {
    const body = ErrorBody.safeParse(text ? JSON.parse(text) : undefined);
    throw new ApiError(res.status, body.success ? body.data : undefined, body.success ? body.data.message : `${res.status} ${res.statusText}`);
  }
  return text;
}

export async function request<S extends z.ZodType>(schema: S, path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<z.infer<S>> {
  const text = await send(path, init);
  return schema.parse(text ? JSON.parse(text) : undefined);
}

/** A GET parsed with a server schema: for the area clients (assurance) that keep their own route lists. */
export const getJson = <S extends z.ZodType>(schema: S, path: string) => request(schema, path);

const enc = encodeURIComponent;

export const api = {
  topology: (collapse: CollapseMode, expand: string[]) =>
    request(GraphView, `/api/graph/topology?collapse=${collapse}${expand.length ? `&expand=${enc(expand.join(','))}` : ''}`),
  sifGraph: (id: string) => request(SifGraph, `/api/graph/sif/${enc(id)}`),
  neighbourhood: (id: string, depth: number) => request(GraphView, `/api/graph/asset/${enc(id)}?depth=${depth}`),
  locate: (ids: string[]) => request(LocateResult, '/api/graph/locate', { method: 'POST', body: JSON.stringify({ ids }) }),
  sifs: () => request(z.array(SifSummary), '/api/sifs'),
  searchAssets: (q: string, limit = 12) => request(z.array(Asset), `/api/assets?q=${enc(q)}&limit=${limit}`),
  asset: (id: string) => request(AssetDetail, `/api/assets/${enc(id)}`),
  zone: (id: string) => request(ZoneDetail, `/api/zones/${enc(id)}`),
  conduit: (id: string) => request(Conduit, `/api/conduits/${enc(id)}`),
  flow: (id: string) => request(FlowView, `/api/flows/${enc(id)}`),
  impact: (body: z.input<typeof ImpactRequest>) =>
    request(ImpactResponse, '/api/impact', { method: 'POST', body: JSON.stringify(ImpactRequest.parse(body)) }),
  /** A conn.log as it is (a file from disk is streamed by the browser); the server streams it too. */
  traffic: (log: Blob | string) => request(TrafficAnswer, '/api/traffic', { method: 'POST', body: log, headers: { 'content-type': 'text/plain' } }),
  demoCapture: () => send('/api/traffic/demo-capture', { headers: { accept: 'text/plain' } }),
};

export type SifSummaryT = z.infer<typeof SifSummary>;
export type AssetT = z.infer<typeof Asset>;
export type ConduitT = z.infer<typeof Conduit>;
export type ImpactResponseT = z.infer<typeof ImpactResponse>;
export type TrafficAnswerT = z.infer<typeof TrafficAnswer>;

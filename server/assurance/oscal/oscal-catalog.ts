// The part of an OSCAL catalog (NIST's JSON format, version 1.x) that Interlock reads: its
// metadata, and its groups and controls, nested at any depth (control enhancements are controls
// inside controls). Everything else a catalog may carry (parts, params, links, back-matter) is
// allowed and ignored: only ids and titles are kept, as for the shipped catalogues.
// Groups and controls nest, and stay unnamed in the OpenAPI document (their nested parts refer to a
// component it does not hold, so a fuzzer skips them): named, Schemathesis generating from the
// recursive body crashed CPython 3.11's parser inside Hypothesis ("SystemError: AST constructor
// recursion depth mismatch") in one CI run of three. The server checks the nesting all the same.
import { z } from 'zod';

const Prop = z.looseObject({ name: z.string().max(200), value: z.string().max(2000) });
const props = z.array(Prop).max(200).optional();

export interface OscalControlT { id: string; title: string; props?: Array<{ name: string; value: string }>; controls?: OscalControlT[] }
export interface OscalGroupT { id?: string; title: string; props?: Array<{ name: string; value: string }>; groups?: OscalGroupT[]; controls?: OscalControlT[] }

export const OscalControl: z.ZodType<OscalControlT> = z.lazy(() => z.looseObject({
  id: z.string().min(1).max(100), title: z.string().min(1).max(1000), props, controls: z.array(OscalControl).max(5000).optional(),
}));
export const OscalGroup: z.ZodType<OscalGroupT> = z.lazy(() => z.looseObject({
  id: z.string().min(1).max(100).optional(), title: z.string().min(1).max(1000), props,
  groups: z.array(OscalGroup).max(1000).optional(), controls: z.array(OscalControl).max(5000).optional(),
}));

export const OscalCatalogDocument = z.object({
  catalog: z.looseObject({
    uuid: z.string().min(1).max(100),
    metadata: z.looseObject({ title: z.string().min(1).max(1000), version: z.string().min(1).max(100), 'oscal-version': z.string().min(1).max(50) }),
    groups: z.array(OscalGroup).max(1000).optional(),
    controls: z.array(OscalControl).max(5000).optional(),
  }),
}).describe('an OSCAL catalog document: { "catalog": { uuid, metadata, groups, controls } }');
export type OscalCatalogDocumentT = z.infer<typeof OscalCatalogDocument>;

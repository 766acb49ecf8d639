// The parts of a CSAF 2.0 document Interlock reads, as zod schemas with bounded sizes. They run
// after the CSAF validator has accepted the document (so the shape is already the standard's);
// what they add is the types and the limits: an advisory larger than these is refused, not read
// half-way. Unknown properties are kept (loose objects): CSAF has many Interlock ignores.
import { z } from 'zod';

const Text = z.string().max(20_000);
const ShortText = z.string().max(1_000);
const ProductId = z.string().min(1).max(1_000);
const ProductIds = z.array(ProductId).max(20_000);

export const FullProductName = z.looseObject({ name: ShortText, product_id: ProductId });

export interface Branch {
  category: string;
  name: string;
  product?: z.infer<typeof FullProductName>;
  branches?: Branch[];
}
export const Branch: z.ZodType<Branch> = z.lazy(() => z.looseObject({
  category: z.string().max(100),
  name: ShortText,
  product: FullProductName.optional(),
  branches: z.array(Branch).max(20_000).optional(),
}));

export const RESTART_CATEGORIES = [
  'none', 'vulnerable_component', 'service', 'parent', 'dependencies', 'connected', 'machine', 'zone', 'system',
] as const;
export const REMEDIATION_CATEGORIES = ['mitigation', 'no_fix_planned', 'none_available', 'vendor_fix', 'workaround'] as const;

export const Remediation = z.looseObject({
  category: z.enum(REMEDIATION_CATEGORIES),
  details: Text,
  url: ShortText.optional(),
  product_ids: ProductIds.optional(),
  group_ids: z.array(ProductId).max(1_000).optional(),
  restart_required: z.looseObject({ category: z.enum(RESTART_CATEGORIES), details: Text.optional() }).optional(),
});

export const CvssV3 = z.looseObject({
  version: z.string().max(10),
  vectorString: z.string().max(200),
  baseScore: z.number(),
  baseSeverity: z.string().max(20),
});

export const ProductStatus = z.looseObject({
  first_affected: ProductIds.optional(),
  known_affected: ProductIds.optional(),
  last_affected: ProductIds.optional(),
  under_investigation: ProductIds.optional(),
  fixed: ProductIds.optional(),
  first_fixed: ProductIds.optional(),
  known_not_affected: ProductIds.optional(),
  recommended: ProductIds.optional(),
});

export const Vulnerability = z.looseObject({
  cve: z.string().max(50).optional(),
  title: ShortText.optional(),
  ids: z.array(z.looseObject({ system_name: ShortText, text: ShortText })).max(100).optional(),
  product_status: ProductStatus.optional(),
  scores: z.array(z.looseObject({ products: ProductIds, cvss_v3: CvssV3.optional() })).max(1_000).optional(),
  remediations: z.array(Remediation).max(1_000).optional(),
});

export const CsafDocument = z.looseObject({
  document: z.looseObject({
    category: z.string().max(200),
    title: ShortText,
    publisher: z.looseObject({ name: ShortText, namespace: ShortText }),
    tracking: z.looseObject({
      id: ShortText,
      version: z.string().max(100),
      initial_release_date: z.string().max(50),
      current_release_date: z.string().max(50),
    }),
  }),
  product_tree: z.looseObject({
    branches: z.array(Branch).max(20_000).optional(),
    full_product_names: z.array(FullProductName).max(20_000).optional(),
    relationships: z.array(z.looseObject({
      category: z.string().max(100),
      product_reference: ProductId,
      relates_to_product_reference: ProductId,
      full_product_name: FullProductName,
    })).max(20_000).optional(),
    product_groups: z.array(z.looseObject({ group_id: ProductId, product_ids: ProductIds })).max(1_000).optional(),
  }).optional(),
  vulnerabilities: z.array(Vulnerability).max(5_000).optional(),
});
export type CsafDocument = z.infer<typeof CsafDocument>;
export type VulnerabilityT = z.infer<typeof Vulnerability>;
export type RemediationT = z.infer<typeof Remediation>;

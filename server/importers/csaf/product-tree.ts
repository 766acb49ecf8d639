// Reads a CSAF product tree into the products Interlock can match to assets: each product id with
// the vendor, product family, product name and version (exact or range) its branches give. Pure.
//
// Branch categories: `vendor`, `product_family`, `product_name`, `product_version` and
// `product_version_range` are read; `architecture`, `host_name`, `language`, `legacy`,
// `patch_level`, `service_pack` and `specification` neither narrow nor widen a match (the
// product keeps the vendor, name and version of its ancestors). A product id defined on a
// `product_name` branch (no version below it) stands for every version of that product.
// A relationship's product (e.g. firmware "installed_on" a device) is matched as its component,
// `product_reference`. Top-level `full_product_names` and CPE/PURL helpers carry no branches and
// are listed as not understood.
import type { Branch, CsafDocument } from './csaf-document.js';
import { parseVersionRange, type VersionRange } from './version-range.js';

export type ProductVersion =
  | { kind: 'exact'; text: string }
  | { kind: 'range'; range: VersionRange }
  | { kind: 'unreadable'; text: string; reason: string }
  | { kind: 'unspecified' };

export interface Product {
  id: string;
  name: string;
  vendor: string | null;
  family: string | null;
  product: string | null;
  version: ProductVersion;
  /** Where the product is defined in the document (for reports). */
  path: string;
}

export interface NotUnderstood {
  path: string;
  reason: string;
}

interface Trail {
  vendor: string | null;
  family: string | null;
  product: string | null;
  version: ProductVersion;
}

function step(trail: Trail, branch: Branch): Trail {
  switch (branch.category) {
    case 'vendor': return { ...trail, vendor: branch.name };
    case 'product_family': return { ...trail, family: trail.family ? `${trail.family} ${branch.name}` : branch.name };
    case 'product_name': return { ...trail, product: branch.name };
    case 'product_version': return { ...trail, version: { kind: 'exact', text: branch.name } };
    case 'product_version_range': {
      const parsed = parseVersionRange(branch.name);
      return { ...trail, version: parsed.ok ? { kind: 'range', range: parsed.range } : { kind: 'unreadable', text: branch.name, reason: parsed.reason } };
    }
    default: return trail;
  }
}

export interface ProductTree {
  products: Map<string, Product>;
  groups: Map<string, string[]>;
  notUnderstood: NotUnderstood[];
}

export function readProductTree(doc: CsafDocument): ProductTree {
  const products = new Map<string, Product>();
  const notUnderstood: NotUnderstood[] = [];
  const tree = doc.product_tree;

  const walk = (branches: Branch[], trail: Trail, path: string) => {
    branches.forEach((branch, i) => {
      const here = step(trail, branch);
      const at = `${path}[${i}]`;
      if (branch.product) {
        products.set(branch.product.product_id, { id: branch.product.product_id, name: branch.product.name, ...here, path: `${at}.product` });
        if (here.version.kind === 'unreadable') notUnderstood.push({ path: `${at}.name`, reason: `version range "${here.version.text}": ${here.version.reason}; assets of this product are reported as possibly affected` });
        if (!here.vendor || !here.product) notUnderstood.push({ path: `${at}.product`, reason: `product "${branch.product.product_id}" has no ${here.vendor ? 'product_name' : 'vendor'} branch above it, so it matches no asset` });
      }
      if (branch.branches) walk(branch.branches, here, `${at}.branches`);
    });
  };
  walk(tree?.branches ?? [], { vendor: null, family: null, product: null, version: { kind: 'unspecified' } }, 'product_tree.branches');

  (tree?.full_product_names ?? []).forEach((p, i) => {
    notUnderstood.push({ path: `product_tree.full_product_names[${i}]`, reason: `product "${p.product_id}" is named without vendor and product branches (Interlock does not read CPE or PURL helpers), so it matches no asset` });
  });

  // A relationship's product is its component, wherever it is installed: resolved after the
  // branches so the component is known; relationships of relationships are not followed.
  (tree?.relationships ?? []).forEach((r, i) => {
    const component = products.get(r.product_reference);
    const path = `product_tree.relationships[${i}]`;
    if (!component) {
      notUnderstood.push({ path, reason: `product "${r.full_product_name.product_id}" refers to "${r.product_reference}", which no branch defines, so it matches no asset` });
      return;
    }
    products.set(r.full_product_name.product_id, { ...component, id: r.full_product_name.product_id, name: r.full_product_name.name, path: `${path}.full_product_name` });
  });

  const groups = new Map((tree?.product_groups ?? []).map((g) => [g.group_id, g.product_ids]));
  return { products, groups, notUnderstood };
}

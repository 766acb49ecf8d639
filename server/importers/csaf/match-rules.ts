// The rules that decide whether an advisory's product is an asset (docs/importers.md, "Matching
// rules"). Pure. In short:
// 1. Vendor: the asset's `vendor` equals the product's `vendor` branch, after normalisation.
// 2. Model: the asset's `model` equals the `product_name` branch, or the `product_family`
//    branch(es) followed by the product name ("Rosemount" + "3051S SIS" = "Rosemount 3051S SIS"),
//    or the product name is the software named in front of the asset's version ("PAN-OS" for
//    version "PAN-OS 11.1.4-h7": advisories name the firmware, inventories the hardware).
//    Vendor alone never matches: a product with no product_name matches no asset.
// 3. Version: the asset's version without its software label ("PAN-OS 11.1.4-h7" → "11.1.4-h7")
//    equals the product's version (compared part by part, so "04.6.00" = "4.6.0"), or lies in
//    its range (version-range.ts, ends exactly as written); a product without a version matches
//    every version. An asset without a version is "possibly affected", and so is any asset of a
//    product whose range Interlock cannot read.
// Normalisation: Unicode NFKC, ®, ™ and © removed, case folded, whitespace trimmed and collapsed.
import { compareVersions } from '../../impact/versions.js';
import type { Product } from './product-tree.js';
import { inRange } from './version-range.js';

export function normalizeName(text: string): string {
  return text.normalize('NFKC').replace(/[®™©]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

// A software label is one or more words starting with a letter, before a version starting with a
// digit: "PAN-OS 11.1.4-h7", "HiSecOS 04.6.00", "FortiOS 7.4.5". "R3.02" and "21H2 20348" have none.
const LABELLED = /^([A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z][A-Za-z0-9-]*)*)\s+(\d.*)$/;

export function splitVersion(version: string): { label: string | null; number: string } {
  const trimmed = version.trim().replace(/\s+/g, ' ');
  const m = LABELLED.exec(trimmed);
  return m ? { label: m[1]!, number: m[2]! } : { label: null, number: trimmed };
}

export interface AssetIdentity {
  vendor: string;
  model: string;
  version: string | null;
}

export function sameVendor(product: Product, asset: AssetIdentity): boolean {
  return product.vendor !== null && normalizeName(product.vendor) === normalizeName(asset.vendor);
}

/** How the product name met the asset's model, or null when it does not. */
export function modelMatch(product: Product, asset: AssetIdentity): string | null {
  if (product.product === null) return null;
  const model = normalizeName(asset.model);
  const name = normalizeName(product.product);
  if (model === name) return `model "${asset.model}" is the product name`;
  if (product.family && model === normalizeName(`${product.family} ${product.product}`)) return `model "${asset.model}" is product family "${product.family}" + product name "${product.product}"`;
  const label = asset.version ? splitVersion(asset.version).label : null;
  if (label && normalizeName(label) === name) return `the asset's software "${label}" (version "${asset.version}") is the product name`;
  return null;
}

export type VersionVerdict = { in: true; why: string } | { in: false } | { unknown: true; why: string };

export function versionVerdict(product: Product, assetVersion: string | null): VersionVerdict {
  const v = product.version;
  if (v.kind === 'unspecified') return { in: true, why: 'the product names no version, so every version is concerned' };
  if (assetVersion === null) return { unknown: true, why: 'the asset has no version recorded' };
  const number = splitVersion(assetVersion).number;
  if (v.kind === 'unreadable') return { unknown: true, why: `the advisory's range "${v.text}" cannot be read` };
  if (v.kind === 'exact') {
    return compareVersions(number, splitVersion(v.text).number) === 0 ? { in: true, why: `version ${number} is ${v.text}` } : { in: false };
  }
  return inRange(number, v.range) ? { in: true, why: `version ${number} is in "${v.range.text}"` } : { in: false };
}

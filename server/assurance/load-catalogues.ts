// Reads the shipped catalogues/ folder: catalogues at its top, profiles/ and mappings/ beneath.
// The only I/O of the catalogue path; validation and the transform to entities are pure.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { CatalogueError, NamedFile } from '../model/catalogue-schema.js';
import { validateCatalogues, type CatalogueValidation } from '../model/validate-catalogues.js';

export const CATALOGUES_DIR = fileURLToPath(new URL('../../catalogues', import.meta.url));

export interface CatalogueFiles {
  catalogues: NamedFile[];
  profiles: NamedFile[];
  mappings: NamedFile[];
  /** Files that are not YAML at all: reported like every other problem, not thrown. */
  errors: CatalogueError[];
}

export function readCatalogueFiles(dir = CATALOGUES_DIR): CatalogueFiles {
  const errors: CatalogueError[] = [];
  const read = (folder: string): NamedFile[] =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .flatMap((name) => {
        const file = relative(dir, join(folder, name));
        try {
          return [{ file, data: parse(readFileSync(join(folder, name), 'utf8')) as unknown }];
        } catch (error) {
          errors.push({ file, path: '(document)', message: `not valid YAML: ${(error as Error).message}` });
          return [];
        }
      });
  return { catalogues: read(dir), profiles: read(join(dir, 'profiles')), mappings: read(join(dir, 'mappings')), errors };
}

export function loadCatalogues(dir = CATALOGUES_DIR): CatalogueValidation {
  const files = readCatalogueFiles(dir);
  const result = validateCatalogues(files);
  if (files.errors.length === 0) return result;
  return { ok: false, errors: [...files.errors, ...(result.ok ? [] : result.errors)] };
}

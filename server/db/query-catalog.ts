// Every Cypher query lives in cypher/ as its own file with a header; this module loads them once
// into a frozen map and refuses to start on a missing or malformed header, so a query can never
// drift from its documentation (parameters declared = parameters used).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type QueryMode = 'read' | 'write' | 'schema';

export interface CypherQuery {
  name: string;
  description: string;
  mode: QueryMode;
  params: string[];
  text: string;
}

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

const HEADER_LINE = /^\/\/ ?(.*)$/;
const PARAM_DECL = /^\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*:/;
const PARAM_USE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function parseQueryFile(name: string, source: string): CypherQuery {
  const lines = source.split('\n');
  const header: string[] = [];
  for (const line of lines) {
    const m = HEADER_LINE.exec(line);
    if (!m) break;
    header.push(m[1]!);
  }
  const body = lines.slice(header.length).join('\n').trim();
  const field = (key: string) => header.find((h) => h.startsWith(`${key}:`))?.slice(key.length + 1).trim();
  const fail = (problem: string): never => {
    throw new Error(`cypher/${name}.cypher: ${problem}`);
  };

  const description = field('description') || fail('header needs "// description: what the query answers"');
  const mode = field('mode');
  if (mode !== 'read' && mode !== 'write' && mode !== 'schema') fail('header needs "// mode: read|write|schema"');
  if (!header.some((h) => h.startsWith('returns:'))) fail('header needs a "// returns:" section (write "returns: nothing" when it returns nothing)');
  if (!body) fail('has no query after its header');

  const paramsAt = header.findIndex((h) => h.startsWith('params:'));
  const declared = new Set<string>();
  if (paramsAt >= 0) {
    for (const h of header.slice(paramsAt + 1)) {
      const m = PARAM_DECL.exec(h);
      if (m) declared.add(m[1]!);
      else if (!/^\s/.test(h)) break;
    }
  }
  const used = new Set([...stripComments(body).matchAll(PARAM_USE)].map((m) => m[1]!));
  for (const p of used) if (!declared.has(p)) fail(`uses $${p} but its header does not declare it under "params:"`);
  for (const p of declared) if (!used.has(p)) fail(`declares $${p} but never uses it`);

  return Object.freeze({ name, description, mode: mode as QueryMode, params: [...declared].sort(), text: body });
}

function stripComments(text: string): string {
  return text.replace(/\/\/.*$/gm, '');
}

function listCypherFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return listCypherFiles(path);
    return entry.endsWith('.cypher') ? [path] : [];
  });
}

export function loadCatalog(dir: string = CYPHER_DIR): ReadonlyMap<string, CypherQuery> {
  const catalog = new Map<string, CypherQuery>();
  for (const path of listCypherFiles(dir).sort()) {
    const name = relative(dir, path).split(sep).join('/').replace(/\.cypher$/, '');
    catalog.set(name, parseQueryFile(name, readFileSync(path, 'utf8')));
  }
  return Object.freeze(catalog) as ReadonlyMap<string, CypherQuery>;
}

let cached: ReadonlyMap<string, CypherQuery> | undefined;

/** The catalog, loaded once per process. */
export function catalog(): ReadonlyMap<string, CypherQuery> {
  cached ??= loadCatalog();
  return cached;
}

export function query(name: string): CypherQuery {
  const q = catalog().get(name);
  if (!q) throw new Error(`no Cypher query named "${name}" in cypher/`);
  return q;
}

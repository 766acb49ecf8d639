// The exported site document as a stream of small pieces, an entity at a time, in the canonical
// form: a 100,000-asset export is never one giant string (the YAML of a 20,000-asset estate,
// built whole, held the event loop for 3.9 s), and the server keeps answering others while the
// pieces go out at the pace the client reads them.
import { Readable } from 'node:stream';
import { stringify } from 'yaml';
import { COLLECTION_NAMES } from '../model/collections.js';
import type { SiteDocument } from '../model/site-schema.js';

export type ExportFormat = 'json' | 'yaml';

function* jsonPieces(doc: SiteDocument): Generator<string> {
  yield '{';
  let first = true;
  const key = (name: string) => `${first ? '' : ','}${JSON.stringify(name)}:`;
  if (doc.site) {
    yield `${key('site')}${JSON.stringify(doc.site)}`;
    first = false;
  }
  for (const name of COLLECTION_NAMES) {
    yield `${key(name)}[`;
    first = false;
    const items = doc[name] as unknown[];
    for (let i = 0; i < items.length; i += 1) yield `${i ? ',' : ''}${JSON.stringify(items[i])}`;
    yield ']';
  }
  yield '}';
}

function* yamlPieces(doc: SiteDocument): Generator<string> {
  if (doc.site) yield stringify({ site: doc.site });
  for (const name of COLLECTION_NAMES) {
    const items = doc[name] as unknown[];
    if (items.length === 0) {
      yield `${name}: []\n`;
      continue;
    }
    yield `${name}:\n`;
    // Each entity under its collection's key, the key's line cut off: the same text, indentation
    // and line folding the whole document's stringify gives it.
    const head = name.length + 2;
    for (const item of items) yield stringify({ [name]: [item] }).slice(head);
  }
}

export function exportStream(doc: SiteDocument, format: ExportFormat): Readable {
  return Readable.from(format === 'yaml' ? yamlPieces(doc) : jsonPieces(doc), { objectMode: false });
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
};

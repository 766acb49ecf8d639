// A site document as JSON text in pieces, one record per line. Pure. Two reasons: a million
// assets as a single string would approach V8's maximum string length, and one line per record
// keeps a generated file readable and diffable.
export function* jsonChunks(doc: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(doc).filter((k) => doc[k] !== undefined);
  yield '{\n';
  for (const [i, key] of keys.entries()) {
    const value = doc[key];
    const tail = i < keys.length - 1 ? ',\n' : '\n';
    if (!Array.isArray(value) || value.length === 0) {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${tail}`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [\n`;
    for (const [j, item] of value.entries()) yield `    ${JSON.stringify(item)}${j < value.length - 1 ? ',\n' : '\n'}`;
    yield `  ]${tail}`;
  }
  yield '}\n';
}

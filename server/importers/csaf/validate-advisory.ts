// Validates a CSAF 2.0 document with the BSI's @secvisogram/csaf-validator-lib: the strict CSAF
// 2.0 JSON schema first, then the standard's mandatory tests (section 6.1: product ids defined,
// CVSS scores computed from their vectors, revision history consistent, …). The mandatory tests
// assume a schema-valid document, so they run only once the schema passes. Every problem comes
// back with the validator's own words, its JSON pointer and the test that found it.
import validateStrict, { type CsafTestResult } from '@secvisogram/csaf-validator-lib/validateStrict.js';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import type { FieldError } from '../../errors.js';

/** "csaf_2_0_strict" → "CSAF 2.0 schema"; "mandatoryTest_6_1_9" → "mandatory test 6.1.9". */
export function testLabel(name: string): string {
  if (name === 'csaf_2_0_strict') return 'CSAF 2.0 schema';
  const m = /^mandatoryTest_([\d_]+)$/.exec(name);
  return m ? `mandatory test ${m[1]!.replace(/_/g, '.')}` : name;
}

function problems(tests: CsafTestResult[]): FieldError[] {
  return tests.flatMap((t) => t.errors.map((e) => ({ path: e.instancePath || '/', message: `${e.message} (${testLabel(t.name)})` })));
}

/**
 * The validator's reasons the document is not valid CSAF 2.0; empty when it is. A test that
 * throws (the library's tests assume well-formed input) is a reason too, not a server error.
 */
export async function validateAdvisory(doc: unknown): Promise<FieldError[]> {
  try {
    const schema = await validateStrict([csaf_2_0_strict], doc);
    if (!schema.isValid) return problems(schema.tests);
    const result = await validateStrict(Object.values(mandatory), doc);
    return result.isValid ? [] : problems(result.tests);
  } catch (error) {
    return [{ path: '/', message: `the CSAF validator could not check the document: ${(error as Error).message}` }];
  }
}

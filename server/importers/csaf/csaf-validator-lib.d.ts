// Types for the parts of @secvisogram/csaf-validator-lib Interlock uses (the package ships
// JavaScript with JSDoc, no declarations).
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  export interface CsafMessage { instancePath: string; message: string }
  export interface CsafTestResult { name: string; isValid: boolean; errors: CsafMessage[]; warnings: CsafMessage[]; infos: CsafMessage[] }
  export type CsafTest = (doc: unknown) => unknown;
  export default function validateStrict(tests: CsafTest[], doc: unknown): Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { CsafTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  export const csaf_2_0_strict: CsafTest;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { CsafTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  const tests: Record<string, CsafTest>;
  export = tests;
}

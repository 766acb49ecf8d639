// Where the PDF renderer finds Chromium and how it starts it: Debian's package, headless, with the
// background services off (no network of its own, no updates, no sync) — the same flags the
// browser tests use. INTERLOCK_CHROMIUM names another binary.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../errors.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env) => env.INTERLOCK_CHROMIUM || DEFAULT_CHROMIUM;

export const chromiumMissing = (path: string) => new AppError('INTERLOCK_PDF_UNAVAILABLE',
  `The PDF is rendered by headless Chromium, which is not installed at ${path}. Install it (Debian: apt-get install chromium) ` +
  'or set INTERLOCK_CHROMIUM to its path; the same report is on screen at /report.');

export async function launchChromium(path: string): Promise<Browser> {
  if (!existsSync(path)) throw chromiumMissing(path);
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
}

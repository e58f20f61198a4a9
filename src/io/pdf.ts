import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SwadayaError } from '../errors.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/catalogue.js';

/**
 * Printing a report to PDF through a Chromium or Chrome already installed (docs/report.md):
 * playwright-core drives it, and never downloads a browser.
 */

/** Where Chromium and Chrome usually live, Linux first. */
export const USUAL_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The flags a headless Chromium needs in a container or a CI runner, and the ones that keep it
 * from calling home (updates, sync, field trials): the report must not cause any request.
 */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `--chrome PATH`, then `CHROME_PATH`, then the usual install paths; a clear error (exit 2) when none runs. */
export function findBrowser(option: string | undefined, env: Readonly<Record<string, string | undefined>>, tool: Language, candidates = USUAL_BROWSER_PATHS): string {
  for (const [given, source] of [
    [option, '--chrome'],
    [env.CHROME_PATH, 'CHROME_PATH'],
  ] as const) {
    if (given === undefined || given === '') continue;
    if (executable(given)) return given;
    throw new SwadayaError(
      'no-browser',
      t(tool, 'pdf.notExecutable', { source, given }),
      2,
      t(tool, 'pdf.notExecutableHint'),
    );
  }
  const found = candidates.find(executable);
  if (found) return found;
  throw new SwadayaError(
    'no-browser',
    t(tool, 'pdf.noBrowser', { paths: candidates.slice(0, 5).join(', ') }),
    2,
    t(tool, 'pdf.noBrowserHint'),
  );
}

/**
 * Prints the HTML file `htmlFile` to `pdfFile` (A4, the page's own print CSS). Every request
 * other than the file itself is refused, so printing cannot reach the network either.
 */
export async function printToPdf(browserPath: string, htmlFile: string, pdfFile: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'swadaya-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: browserPath, headless: true, args: [...BROWSER_ARGS], offline: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { communityIdPosition } from '../batch/inputs.js';
import type { GateFailure } from '../core/gates.js';
import type { CiReport, LocatedFailure } from '../format/ci/ci-report.js';
import type { Language } from '../i18n/language.js';
import { packageRoot } from '../io/package-root.js';

/** The formats made for CI systems (docs/ci.md); every command that checks something offers them. */
export const CI_FORMATS = ['github', 'sarif', 'junit', 'gitlab'] as const;
export type CiFormat = (typeof CI_FORMATS)[number];

export function isCiFormat(format: string | undefined): format is CiFormat {
  return (CI_FORMATS as readonly string[]).includes(format ?? '');
}

/** docs/findings.md as shipped with this copy of swadaya: SARIF's rules point into it. */
export function findingsDocUri(): string {
  return pathToFileURL(join(packageRoot(), 'docs', 'findings.md')).href;
}

export async function renderCiReport(format: CiFormat, report: CiReport, lang: Language): Promise<string> {
  const options = { lang, findingsDocUri: findingsDocUri() };
  switch (format) {
    case 'sarif':
      return (await import('../format/ci/sarif.js')).renderSarif(report, options);
    case 'junit':
      return (await import('../format/ci/junit.js')).renderJunit(report, options);
    case 'gitlab':
      return (await import('../format/ci/gitlab.js')).renderGitlab(report, options);
    case 'github':
      return (await import('../format/ci/github.js')).renderGithub(report, options);
  }
}

/** Gate failures with the line of each assessment's community.id, where CI annotates them (read again only for these). */
export async function locateFailures(failures: readonly GateFailure[], cwd: string): Promise<LocatedFailure[]> {
  const located: LocatedFailure[] = [];
  for (const failure of failures) located.push({ ...failure, ...(await communityIdPosition(resolve(cwd, failure.file), failure.document)) });
  return located;
}

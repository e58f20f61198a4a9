import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { communityIdPosition } from '../batch/inputs.js';
import type { GateFailure } from '../core/gates.js';
import type { CiReport, LocatedFailure } from '../format/ci/ci-report.js';
import { ciRenderers, type CiFormat } from '../format/ci/index.js';
import type { Rendered } from '../format/renderer.js';
import { NO_COLORS } from './settings.js';
import type { Language } from '../i18n/language.js';
import { packageRoot } from '../io/package-root.js';
import type { StdinFile } from '../io/stdin.js';

export { isCiFormat, type CiFormat } from '../format/ci/index.js';

/** docs/findings.md as shipped with this copy of swadaya: SARIF's rules point into it. */
export function findingsDocUri(): string {
  return pathToFileURL(join(packageRoot(), 'docs', 'findings.md')).href;
}

/** A run's CI report in one of the CI formats, through their registry. */
export async function renderCiReport(format: CiFormat, report: CiReport, lang: Language): Promise<Rendered> {
  const render = await ciRenderers[format].load();
  return render({ report, findingsDocUri: findingsDocUri() }, { language: lang, requested: undefined, colors: NO_COLORS });
}

/** Gate failures with the line of each assessment's community.id, where CI annotates them (read again only for these). */
export async function locateFailures(failures: readonly GateFailure[], cwd: string, stdin?: StdinFile): Promise<LocatedFailure[]> {
  const located: LocatedFailure[] = [];
  for (const failure of failures) located.push({ ...failure, ...(await communityIdPosition(cwd, failure.file, failure.document, stdin)) });
  return located;
}

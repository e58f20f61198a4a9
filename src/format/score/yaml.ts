import { stringify } from '../../yaml-lib.js';
import { SCORE_SCHEMA_ID, scoreResultJson } from '../../contract/score-json.js';
import { textLanguage } from '../../i18n/language.js';
import { VERSION } from '../../version.js';
import type { RenderContext } from '../renderer.js';
import { totalsJson } from './json.js';
import type { ScoreEntry, ScoreRun } from './run.js';

/** The json document as YAML; each result is one item of `results`. */
export async function* renderScoreYaml(run: ScoreRun<ScoreEntry>, context: RenderContext): AsyncGenerator<string> {
  yield `${stringify({ schema: SCORE_SCHEMA_ID, tool: { name: 'swadaya', version: VERSION } })}results:\n`;
  let any = false;
  for await (const entry of run.entries) {
    any = true;
    const source = { ...entry, languages: entry.rubric.languages };
    yield stringify([scoreResultJson(source, textLanguage(context.requested, entry.rubric))]);
  }
  yield (any ? '' : '  []\n') + stringify(totalsJson(run.totals(), context));
}

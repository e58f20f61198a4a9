import type { RendererRegistry } from '../renderer.js';
import type { CiRenderOptions, CiReport } from './ci-report.js';

/** The formats made for CI systems (docs/ci.md); every command that checks something offers them. */
export const CI_FORMATS = ['github', 'sarif', 'junit', 'gitlab'] as const;
export type CiFormat = (typeof CI_FORMATS)[number];

export function isCiFormat(format: string | undefined): format is CiFormat {
  return (CI_FORMATS as readonly string[]).includes(format ?? '');
}

/** What a CI renderer is given: the run's report, and where docs/findings.md is (SARIF's rules point into it). */
export interface CiDocument {
  readonly report: CiReport;
  readonly findingsDocUri: string;
}

type CiRender = (report: CiReport, options: CiRenderOptions) => string;
const adapt = (render: CiRender) => (input: CiDocument, context: { readonly language: CiRenderOptions['lang'] }) =>
  render(input.report, { lang: context.language, findingsDocUri: input.findingsDocUri });

/** The CI renderers, shared by validate, score and diff; machine formats, never coloured. */
export const ciRenderers: RendererRegistry<CiFormat, CiDocument> = {
  github: { colored: false, load: async () => adapt((await import('./github.js')).renderGithub) },
  sarif: { colored: false, load: async () => adapt((await import('./sarif.js')).renderSarif) },
  junit: { colored: false, load: async () => adapt((await import('./junit.js')).renderJunit) },
  gitlab: { colored: false, load: async () => adapt((await import('./gitlab.js')).renderGitlab) },
};

import type { RendererRegistry } from '../renderer.js';
import type { ValidationReport } from './report.js';

/** The formats rendered here; the CI formats (github, sarif, junit, gitlab) are in format/ci/. */
export type ValidationFormat = 'text' | 'json';

/** The renderers of `swadaya validate`, by --format. */
export const validationRenderers: RendererRegistry<ValidationFormat, ValidationReport> = {
  text: { colored: true, load: async () => (await import('./text.js')).renderValidationText },
  json: { colored: false, load: async () => (await import('./json.js')).renderValidationJson },
};

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** swadaya's own directory (package.json, rubrics/, dist/), found from this module whether it runs bundled or from src/. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i += 1) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rubrics'))) return (root = dir);
    dir = dirname(dir);
  }
  return (root = dir);
}

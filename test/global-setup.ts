import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { isBuildStale, root } from './helpers/build.js';

/** Tests never run stale code: build dist/ before the run when it is missing or older than the sources. */
export default function setup(): void {
  if (!isBuildStale()) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}

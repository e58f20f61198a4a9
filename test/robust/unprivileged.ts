import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'swadaya.js');

/**
 * Permissions mean nothing to root, and CI runs as root: there the command runs as the
 * unprivileged user 65534 (nobody) through setpriv (util-linux). As any other user it runs as is.
 */
export const isRoot = process.getuid?.() === 0;
export const canRunUnprivileged = !isRoot || existsSync('/usr/bin/setpriv');
export const unprivilegedReason = 'needs root with /usr/bin/setpriv, or a non-root user';

export function runUnprivileged(args: readonly string[], options: { cwd: string; env?: Record<string, string> }) {
  const command = isRoot ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  const result = spawnSync(command[0]!, [...command.slice(1), ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cache = join(root, 'node_modules', '.cache', 'swadaya-test');
const bundle = join(cache, 'atomic-write.mjs');

/** Two versions of a file, each large enough that writing one takes a while, each ending in a marker. */
const version = (name: string): string => `${`${name} `.repeat(400_000)}\nend of ${name}\n`;

beforeAll(async () => {
  mkdirSync(cache, { recursive: true });
  // The real writeFileAtomically, bundled so a plain node child can run it.
  await build({ entryPoints: [join(root, 'src/io/atomic-write.ts')], bundle: true, format: 'esm', platform: 'node', packages: 'external', outfile: bundle, logLevel: 'silent' });
});

describe('atomic saves under kill -9', () => {
  it('leave the file either the old or the new version, never truncated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-kill-'));
    const target = join(dir, 'assessment.yaml');
    writeFileSync(target, version('old'));
    const script = join(dir, 'writer.mjs');
    writeFileSync(
      script,
      `import { writeFileAtomically } from ${JSON.stringify(bundle)};
const versions = ${JSON.stringify(['new', 'old'])}.map((name) => \`\${name} \`.repeat(400_000) + \`\\nend of \${name}\\n\`);
process.send('ready');
for (let i = 0; ; i += 1) await writeFileAtomically(${JSON.stringify(target)}, versions[i % 2]);
`,
    );
    const allowed = new Set([version('old'), version('new')]);
    for (let round = 0; round < 12; round += 1) {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      await new Promise<void>((resolve) => child.once('message', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 5 + ((round * 37) % 60)));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect(allowed.has(readFileSync(target, 'utf8'))).toBe(true);
    }
    // Temporary files left by a killed writer sit beside the target; the target itself is whole.
    expect(readdirSync(dir)).toContain('assessment.yaml');
  }, 30_000);
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';
import type { FileOutcome } from '../../src/batch/process-file.js';
import type { ProjectionKind } from '../../src/batch/projection.js';
import { runBatch, type RunBatchOptions } from '../../src/batch/run-batch.js';

const root = join(import.meta.dirname, '..', '..');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function collect<Kind extends ProjectionKind>(files: readonly string[], options: RunBatchOptions<Kind>): Promise<{ outcomes: FileOutcome<Kind>[]; progress: number[] }> {
  const outcomes: FileOutcome<Kind>[] = [];
  const progress: number[] = [];
  for await (const outcome of runBatch(files, { ...options, onProgress: (done) => progress.push(done) })) outcomes.push(outcome);
  return { outcomes, progress };
}

describe('runBatch across worker threads (dist/worker.js, built by test/global-setup.ts)', () => {
  beforeAll(assertFreshBuild);
  let dir: string;
  let files: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'swadaya-batch-'));
    execFileSync(process.execPath, [join(root, 'scripts/generate.mjs'), '--count', '40', '--out', dir, '--seed', '7'], { stdio: 'pipe' });
    writeFileSync(join(dir, 'broken.yaml'), 'rubric: p2kp\ncommunity: [unclosed\n');
    // Not the order of the directory: the batch must keep whatever order it is given.
    const generated = yamlFilesUnder(dir);
    files = [...generated.filter((_, index) => index % 2 === 1), join(dir, 'missing.yaml'), ...generated.filter((_, index) => index % 2 === 0)];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const search = { cwd: root, searchPath: undefined };

  it('scores exactly as in-process, in input order', async () => {
    const projection = { kind: 'result', explain: true } as const;
    const inProcess = await collect(files, { projection, search, workers: 0 });
    const inWorkers = await collect(files, { projection, search, workers: 2 });
    expect(inProcess.outcomes).toHaveLength(files.length);
    expect(inWorkers.outcomes.map((outcome) => outcome.file)).toEqual(files);
    expect(inWorkers.outcomes).toEqual(inProcess.outcomes);
    expect(inWorkers.progress.at(-1)).toBe(files.length);
    const broken = inWorkers.outcomes.find((outcome) => outcome.file.endsWith('broken.yaml'));
    expect(broken?.findings.map((finding) => finding.code)).toContain('yaml-syntax');
  });

  it('renders results as JSON text in the workers exactly as in-process', async () => {
    const projection = { kind: 'json', language: 'id', open: true } as const;
    const inProcess = await collect(files, { projection, search, workers: 0 });
    const inWorkers = await collect(files, { projection, search, workers: 2 });
    expect(inWorkers.outcomes).toEqual(inProcess.outcomes);
    const document = inWorkers.outcomes.find((outcome) => outcome.documents.length > 0)?.documents[0];
    expect(Object.keys(document?.projected ?? {})).toEqual(['json', 'digest', 'open']);
    // UTF-8 bytes, made on the worker: the main thread only writes them.
    expect(document?.projected.json).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(Buffer.from(document?.projected.json ?? '').toString('utf8'))).toMatchObject({ file: document?.file, community: { id: document?.community.id } });
    // The open criteria cross to the main thread only when asked for (--require ready, the cache).
    const withOpen = inWorkers.outcomes.flatMap((outcome) => outcome.documents.map((scored) => scored.projected.open.length));
    expect(withOpen.some((count) => count > 0)).toBe(true);
    const without = await collect(files, { projection: { ...projection, open: false }, search, workers: 2 });
    expect(without.outcomes.flatMap((outcome) => outcome.documents.map((scored) => scored.projected.open))).toEqual(withOpen.map(() => []));
  });

  it('reduces results to diff subjects in the workers exactly as in-process, one layout per rubric', async () => {
    const projection = { kind: 'diff-subject', answers: true } as const;
    const inProcess = await collect(files, { projection, search, workers: 0 });
    const inWorkers = await collect(files, { projection, search, workers: 2 });
    expect(inWorkers.outcomes).toEqual(inProcess.outcomes);
    const subjects = inProcess.outcomes.flatMap((outcome) => outcome.documents.map((document) => document.projected));
    expect(subjects.length).toBeGreaterThan(30);
    expect(subjects[0]?.layout.principles).toHaveLength(5);
    expect(subjects[0]?.scores).toHaveLength(5 + subjects[0]!.layout.pillars.length);
    expect(new Set(subjects.map((subject) => subject?.layout)).size).toBe(1);
  });

  it('validates exactly as in-process', async () => {
    const inProcess = await collect(files, { projection: { kind: 'check' }, search, workers: 0 });
    const inWorkers = await collect(files, { projection: { kind: 'check' }, search, workers: 2 });
    expect(inWorkers.outcomes).toEqual(inProcess.outcomes);
  });
});

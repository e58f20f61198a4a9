import type { CommandContext } from './context.js';

/** A batch this small finishes before a bar would be worth drawing. */
const PROGRESS_THRESHOLD = 200;

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/** A progress bar on stderr when stderr is a terminal and the batch is large; nothing on a pipe. */
export async function startProgress(ctx: CommandContext, total: number): Promise<Progress> {
  if (!ctx.stderr.isTTY || total < PROGRESS_THRESHOLD || ctx.env.CI) return silent;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: ctx.stderr as unknown as NodeJS.WritableStream,
      format: ' {bar} {percentage}% | {value}/{total} files | {eta_formatted} left',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      clearOnComplete: true,
      noTTYOutput: false,
      fps: 10,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}

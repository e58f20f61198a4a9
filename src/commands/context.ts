import type { Streams } from '../io/streams.js';

export type { OutputStream } from '../io/streams.js';
export { write } from '../io/streams.js';

/** Everything a command touches of the outside world, so tests can run commands in-process. */
export interface CommandContext extends Streams {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

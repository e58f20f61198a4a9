import { SwadayaError } from '../errors.js';

export async function diffCommand(..._args: unknown[]): Promise<number> {
  throw new SwadayaError('not-implemented', 'diff is being built.');
}

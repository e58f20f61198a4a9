import { SwadayaError } from '../errors.js';

export async function scoreCommand(..._args: unknown[]): Promise<number> {
  throw new SwadayaError('not-implemented', 'score is being built.');
}

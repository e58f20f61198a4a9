import { SwadayaError } from '../errors.js';

export async function assessCommand(..._args: unknown[]): Promise<number> {
  throw new SwadayaError('not-implemented', 'assess is being built.');
}

import { describe, expect, it } from 'vitest';
import { HOLD_LIMIT, OutputWriter } from '../../src/commands/output.js';
import type { OutputStream } from '../../src/io/streams.js';

function memoryStream(): OutputStream & { written: string[] } {
  const written: string[] = [];
  return { written, write: (chunk: string) => (written.push(chunk), true), once: () => undefined };
}

describe('OutputWriter.holdWhile', () => {
  it('writes nothing while held; release writes it all, discard drops it', async () => {
    const stream = memoryStream();
    const out = new OutputWriter(stream);
    out.holdWhile(() => true);
    await out.render(['a', 'b'.repeat(100_000), 'c']);
    expect(stream.written).toEqual([]);
    await out.release();
    expect(stream.written.join('')).toBe(`a${'b'.repeat(100_000)}c`);

    const dropped = memoryStream();
    const other = new OutputWriter(dropped);
    other.holdWhile(() => true);
    await other.render('x');
    other.discard();
    await other.release();
    expect(dropped.written.join('')).toBe('');
  });

  it('stops holding once the wait is over, and past HOLD_LIMIT whatever the wait', async () => {
    let waiting = true;
    const stream = memoryStream();
    const out = new OutputWriter(stream);
    out.holdWhile(() => waiting);
    await out.add('first ');
    await out.flush();
    expect(stream.written.join('')).toBe('');
    waiting = false;
    await out.flush();
    expect(stream.written.join('')).toBe('first ');

    const big = memoryStream();
    const bounded = new OutputWriter(big);
    bounded.holdWhile(() => true);
    await bounded.add('z'.repeat(HOLD_LIMIT));
    expect(big.written.join('').length).toBe(HOLD_LIMIT);
  });
});

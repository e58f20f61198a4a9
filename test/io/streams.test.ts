import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { write, type OutputStream } from '../../src/io/streams.js';

/** A stream that is always full: every write waits for a drain, which comes on the next tick. */
class FullStream extends EventEmitter implements OutputStream {
  written = '';
  write(chunk: string): boolean {
    this.written += chunk;
    setImmediate(() => this.emit('drain'));
    return false;
  }
}

describe('write', () => {
  it('waits for each drain and leaves no listener behind', async () => {
    const stream = new FullStream();
    for (let i = 0; i < 25; i += 1) await write(stream, `${i},`);
    expect(stream.written.split(',')).toHaveLength(26);
    expect([stream.listenerCount('drain'), stream.listenerCount('close'), stream.listenerCount('error')]).toEqual([0, 0, 0]);
  });

  it('ends the wait when the stream closes instead of draining', async () => {
    const stream = new FullStream();
    stream.write = (chunk: string) => {
      stream.written += chunk;
      setImmediate(() => stream.emit('close'));
      return false;
    };
    await write(stream, 'x');
    expect(stream.written).toBe('x');
    expect(stream.listenerCount('drain')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { startProgress } from '../../cli/progress.js';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('startProgress', () => {
  it('rewrites one line per finished endpoint on a terminal and erases it at the end', () => {
    const { writes, stream } = recorder(true);

    const progress = startProgress(stream, 3);
    progress.tick();
    progress.tick();
    progress.done();

    expect(writes).toEqual([
      '\r\u001b[2Kprobing: 0/3 endpoints done',
      '\r\u001b[2Kprobing: 1/3 endpoints done',
      '\r\u001b[2Kprobing: 2/3 endpoints done',
      '\r\u001b[2K',
    ]);
  });

  it('writes nothing when stderr is not a terminal or there is only one endpoint', () => {
    const piped = recorder(false);
    const single = recorder(true);

    for (const progress of [startProgress(piped.stream, 5), startProgress(single.stream, 1)]) {
      progress.tick();
      progress.done();
    }

    expect([...piped.writes, ...single.writes]).toEqual([]);
  });
});

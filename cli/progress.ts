/**
 * The progress line on stderr while many endpoints are probed: only on a terminal, only for
 * more than one endpoint, rewritten in place and erased when done so the report stays clean.
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** One more endpoint finished. */
  tick(): void;
  /** Erases the line. */
  done(): void;
}

const ERASE_LINE = '\r\u001b[2K';

export function startProgress(stream: ProgressStream, total: number, label = 'probing'): Progress {
  if (!stream.isTTY || total < 2) return { tick: () => undefined, done: () => undefined };
  let finished = 0;
  const draw = () => stream.write(`${ERASE_LINE}${label}: ${finished}/${total} endpoints done`);
  draw();
  return {
    tick: () => {
      finished = Math.min(total, finished + 1);
      draw();
    },
    done: () => {
      stream.write(ERASE_LINE);
    },
  };
}

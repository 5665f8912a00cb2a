/** An in-memory CliIo: what the CLI wrote, with a fixed clock and environment. */
import type { CliIo } from '../../cli/command.js';

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

export function memoryIo(cwd: string, options: { tty?: boolean; env?: Record<string, string> } = {}): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { isTTY: options.tty ?? false, write: (text: string) => out.push(text) },
    stderr: { isTTY: options.tty ?? false, write: (text: string) => err.push(text) },
    env: options.env ?? {},
    cwd,
    now: () => new Date(),
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

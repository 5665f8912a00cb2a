/**
 * Repository paths. File names are bytes to git and strings to the engine. A name that is not valid UTF-8 keeps
 * each stray byte as a lone surrogate (U+DC80..U+DCFF, as Python's `surrogateescape`), so the
 * string goes back to exactly the bytes git gave: any name git allows can be read again.
 */

import { posix } from 'node:path';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const ESCAPE_BASE = 0xdc00;

export function decodePath(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    let text = '';
    for (let at = 0; at < bytes.length;) {
      const length = utf8SequenceLength(bytes, at);
      if (length) {
        text += STRICT_UTF8.decode(bytes.subarray(at, at + length));
        at += length;
      } else text += String.fromCharCode(ESCAPE_BASE + bytes[at++]!);
    }
    return text;
  }
}

export function encodePath(path: string): Buffer {
  if (!/[\udc80-\udcff]/.test(path)) return Buffer.from(path, 'utf8');
  const parts: Buffer[] = [];
  for (const char of path) {
    const code = char.charCodeAt(0);
    parts.push(char.length === 1 && code >= 0xdc80 && code <= 0xdcff ? Buffer.of(code - ESCAPE_BASE) : Buffer.from(char, 'utf8'));
  }
  return Buffer.concat(parts);
}

/** The length of the valid UTF-8 sequence at `at`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length <= 1 || at + length > bytes.length) return length === 1 ? 1 : 0;
  try {
    STRICT_UTF8.decode(bytes.subarray(at, at + length));
    return length;
  } catch {
    return 0;
  }
}

/** A repository path in its normal form (forward slashes), or `undefined` when it climbs out of the repository. */
export function repositoryPath(path: string): string | undefined {
  const relative = posix.normalize(path);
  return relative === '..' || relative.startsWith('../') || relative.startsWith('/') ? undefined : relative.replace(/\/$/, '');
}

/** The repository path a symbolic link at `link` points to, or `undefined` when its target is outside the repository. */
export function linkTargetPath(link: string, target: string): string | undefined {
  return target.startsWith('/') ? undefined : repositoryPath(posix.join(posix.dirname(link), target));
}

/**
 * Bytes of a repository file into text, the same way for every FileSource (git, working tree,
 * GitHub API): UTF-8 with or without a byte order mark, UTF-16 LE/BE with one, and UTF-16
 * without one when its NUL bytes leave no doubt. Anything else (binary, another encoding) is an
 * UnreadableFileError with the reason: never half-decoded content.
 */
import { UnreadableFileError } from '../model/source.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

/** At least this many code units before a NUL pattern counts as UTF-16 without a byte order mark. */
const MIN_BOMLESS_UNITS = 4;

export function decodeText(path: string, bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(path, bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new UnreadableFileError(path, 'UTF-32 text is not read; save it as UTF-8');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(path, bytes.subarray(2), 'le');
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(path, bytes.subarray(2), 'be');
  const bomless = bomlessUtf16(bytes);
  if (bomless) return utf16(path, bytes, bomless);
  return utf8(path, bytes);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function utf8(path: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new UnreadableFileError(path, 'binary content (NUL bytes), not text; not read');
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new UnreadableFileError(path, 'not valid UTF-8 (nor UTF-16 with a byte order mark); not read');
  }
}

function utf16(path: string, bytes: Uint8Array, order: 'le' | 'be'): string {
  if (bytes.length % 2) throw new UnreadableFileError(path, 'UTF-16 with an odd number of bytes; not read');
  const little = order === 'le' ? bytes : swapPairs(bytes);
  let text: string;
  try {
    text = UTF16LE.decode(little);
  } catch {
    throw new UnreadableFileError(path, 'not valid UTF-16 (an unpaired surrogate); not read');
  }
  // Control characters other than whitespace: binary data that happened to decode.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text))
    throw new UnreadableFileError(path, 'control characters in what decodes as UTF-16: binary, not text; not read');
  return text;
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return swapped;
}

/**
 * UTF-16 without a byte order mark, only when certain: an even length, NUL bytes only ever on
 * one side of each code unit (the high byte of ASCII), and on that side in most units. Binary
 * data has NULs on both sides; UTF-8 text has none.
 */
function bomlessUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  if (bytes.length % 2 || bytes.length < 2 * MIN_BOMLESS_UNITS) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const units = bytes.length / 2;
  if (evenNuls === 0 && oddNuls * 2 > units) return 'le';
  if (oddNuls === 0 && evenNuls * 2 > units) return 'be';
  return undefined;
}

import { describe, expect, it } from 'vitest';
import { UnreadableFileError } from '../../checks/model/source.js';
import { decodeText } from '../../checks/source/decode-text.js';

const TEXT = 'resource "aws_lb_listener" "https" {\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" # café €\n}\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const little = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  return order === 'le' ? little : Buffer.from(little).swap16();
}

function refusal(bytes: Uint8Array): string {
  try {
    decodeText('t.tf', bytes);
  } catch (error) {
    if (error instanceof UnreadableFileError) return error.reason;
    throw error;
  }
  throw new Error('decoded, expected a refusal');
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with a byte order mark (stripped)', Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16 LE with a byte order mark', utf16(TEXT, 'le', true)],
    ['UTF-16 BE with a byte order mark', utf16(TEXT, 'be', true)],
    ['UTF-16 LE without a byte order mark', utf16(TEXT, 'le', false)],
    ['UTF-16 BE without a byte order mark', utf16(TEXT, 'be', false)],
  ])('Given %s, when decoded, then the text comes back exactly', (_name, bytes) => {
    expect(decodeText('t.tf', bytes)).toBe(TEXT);
  });

  it('Given an empty file, when decoded, then it is empty text', () => {
    expect(decodeText('t.tf', Buffer.alloc(0))).toBe('');
  });

  it.each([
    [
      'binary data (a PNG header and NULs on both sides)',
      Buffer.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52),
      /binary content \(NUL bytes\)/,
    ],
    ['Latin-1 text', Buffer.from('caf\xe9 = true\n', 'latin1'), /not valid UTF-8/],
    ['UTF-8 with one NUL byte', Buffer.from('a = 1\n\0', 'utf8'), /binary content/],
    ['UTF-16 with a byte order mark and an odd length', Buffer.concat([utf16('abc', 'le', true), Buffer.of(0x41)]), /odd number of bytes/],
    [
      'UTF-16 with a byte order mark and an unpaired surrogate',
      Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.of(0x00, 0xd8, 0x41, 0x00)]),
      /unpaired surrogate/,
    ],
    [
      'bytes behind a UTF-16 byte order mark that decode to control characters',
      Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.of(0x01, 0x00, 0x02, 0x00)]),
      /control characters/,
    ],
    ['UTF-32 with a byte order mark', Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /UTF-32/],
  ])('Given %s, when decoded, then it is refused with the reason and never as text', (_name, bytes, reason) => {
    expect(refusal(bytes)).toMatch(reason);
  });

  it('Given ASCII text two characters long with no NUL, when decoded, then it is UTF-8 (too short to be taken for UTF-16)', () => {
    expect(decodeText('t.tf', Buffer.from('ab'))).toBe('ab');
  });
});

import { describe, expect, it } from 'vitest';
import { isCatchAll, parseRange, rangeContains, rangesOverlap } from '../../checks/environments/cidr.js';

function range(text: string) {
  const parsed = parseRange(text);
  if (!parsed) throw new Error(`not a range: ${text}`);
  return parsed;
}

describe('parseRange', () => {
  it('reads IPv4 and IPv6 CIDRs and bare addresses', () => {
    expect(range('10.10.0.0/16')).toMatchObject({ family: 4, prefix: 16, first: 0x0a0a0000n, last: 0x0a0affffn });
    expect(range('10.10.4.7')).toMatchObject({ prefix: 32, first: 0x0a0a0407n, last: 0x0a0a0407n });
    expect(range('fd00::/8')).toMatchObject({ family: 6, prefix: 8, first: 0xfdn << 120n });
    expect(range('::ffff:10.0.0.1')).toMatchObject({ family: 6, first: 0xffff0a000001n });
  });

  it('normalizes host bits away: 10.10.4.7/16 is the 10.10.0.0/16 network', () => {
    expect(range('10.10.4.7/16').first).toBe(range('10.10.0.0/16').first);
  });

  it.each(['10.0.0.0/33', '10.0.0/8', 'vpc-0prod1234', '12:30:00', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x'])('rejects %s', (text) => {
    expect(parseRange(text)).toBeUndefined();
  });
});

describe('range relations', () => {
  it('overlap needs the same family and shared addresses', () => {
    expect(rangesOverlap(range('10.10.0.0/16'), range('10.10.200.0/24'))).toBe(true);
    expect(rangesOverlap(range('10.10.0.0/16'), range('10.11.0.0/16'))).toBe(false);
    expect(rangesOverlap(range('0.0.0.0/0'), range('::/0'))).toBe(false);
  });

  it('containment is one-way', () => {
    expect(rangeContains(range('10.10.0.0/16'), range('10.10.3.0/24'))).toBe(true);
    expect(rangeContains(range('10.10.3.0/24'), range('10.10.0.0/16'))).toBe(false);
  });

  it('treats /0 to /7 (and IPv6 up to /15) as catch-all ranges', () => {
    expect(isCatchAll(range('0.0.0.0/0'))).toBe(true);
    expect(isCatchAll(range('10.0.0.0/8'))).toBe(false);
    expect(isCatchAll(range('::/0'))).toBe(true);
    expect(isCatchAll(range('fd00::/16'))).toBe(false);
  });
});

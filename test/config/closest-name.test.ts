import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../checks/config/closest-name.js';

describe('editDistance', () => {
  it('counts single-character edits', () => {
    expect(editDistance('formt', 'format')).toBe(1);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('closestName', () => {
  it('names the close one, and none when nothing is close', () => {
    expect(closestName('porbe', ['probe', 'scan', 'demo'])).toBe('probe');
    expect(closestName('zzzzzzzz', ['probe', 'scan', 'demo'])).toBeUndefined();
  });
});

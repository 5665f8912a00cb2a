import { describe, expect, it } from 'vitest';
import { parseHsts } from '../../checks/endpoint/hsts-header.js';

describe('parseHsts (RFC 6797 section 6.1)', () => {
  it.each([
    ['max-age=31536000', { valid: true, maxAge: 31536000, includeSubDomains: false, preload: false }],
    ['max-age=31536000; includeSubDomains; preload', { valid: true, maxAge: 31536000, includeSubDomains: true, preload: true }],
    ['Max-Age="600" ; INCLUDESUBDOMAINS', { valid: true, maxAge: 600, includeSubDomains: true, preload: false }],
    ['  ; max-age=0 ;; ', { valid: true, maxAge: 0, includeSubDomains: false, preload: false }],
    ['max-age=10; report-uri="https://r.example.org/a;b"', { valid: true, maxAge: 10, includeSubDomains: false, preload: false }],
    ['max-age=10; ext="say \\"hi\\""', { valid: true, maxAge: 10, includeSubDomains: false, preload: false }],
  ])('Given "%s", then it reads %j', (header, expected) => {
    expect(parseHsts(header)).toEqual(expected);
  });

  it.each([
    ['', 'no max-age directive'],
    ['includeSubDomains', 'no max-age directive'],
    ['max-age=1; max-age=2', 'directive "max-age" appears twice'],
    ['max-age=1; includeSubDomains; includesubdomains', 'directive "includesubdomains" appears twice'],
    ['max-age=one year', 'malformed value in "max-age=one year"'],
    ['max-age=-1', 'max-age "-1" is not a number of seconds'],
    ['max-age="1', 'unterminated quoted string'],
    ['max age=1', 'malformed directive "max age=1"'],
  ])('Given "%s", then it is invalid because %s', (header, reason) => {
    expect(parseHsts(header)).toEqual({ valid: false, reason });
  });
});

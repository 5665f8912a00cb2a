import { describe, expect, it } from 'vitest';
import { decodePath, encodePath, linkTargetPath, repositoryPath } from '../../checks/source/repo-paths.js';

describe('repository paths', () => {
  it.each([
    ['a UTF-8 name', Buffer.from('infra/café €.tf', 'utf8')],
    ['a Latin-1 byte', Buffer.concat([Buffer.from('infra/'), Buffer.of(0xe9), Buffer.from('.tf')])],
    ['bytes that are no UTF-8 at all', Buffer.of(0xff, 0xfe, 0x2e, 0x74, 0x66)],
    ['a truncated three-byte sequence before valid text', Buffer.concat([Buffer.of(0xe2, 0x82), Buffer.from('é.tf', 'utf8')])],
    ['a newline and quotes', Buffer.from('new\nline "quoted".tf')],
  ])('Given %s, when decoded and encoded again, then the same bytes come back', (_name, bytes) => {
    expect(encodePath(decodePath(bytes)).equals(bytes)).toBe(true);
  });

  it('Given a valid UTF-8 name, when decoded, then it is the plain string', () => {
    expect(decodePath(Buffer.from('infra/café.tf', 'utf8'))).toBe('infra/café.tf');
  });

  it.each([
    ['infra/./main.tf', 'infra/main.tf'],
    ['infra/modules/../main.tf', 'infra/main.tf'],
    ['infra/', 'infra'],
    ['../outside.tf', undefined],
    ['infra/../../outside.tf', undefined],
    ['/etc/passwd', undefined],
  ])('Given the path %j, when normalized, then it is %j', (path, expected) => {
    expect(repositoryPath(path)).toBe(expected);
  });

  it.each([
    ['infra/tls.conf', '../shared/tls.conf', 'shared/tls.conf'],
    ['infra/tls.conf', 'tls-v2.conf', 'infra/tls-v2.conf'],
    ['infra/tls.conf', '/etc/nginx/tls.conf', undefined],
    ['infra/tls.conf', '../../tls.conf', undefined],
  ])('Given a link at %j to %j, when resolved, then it names %j in the repository', (link, target, expected) => {
    expect(linkTargetPath(link, target)).toBe(expected);
  });
});

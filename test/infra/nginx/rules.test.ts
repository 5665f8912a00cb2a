import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { tlsServer } from '../../../checks/infra/nginx/example-configs.js';
import { NGINX_RULES } from '../../../checks/infra/nginx/rules.js';
import { findingChange } from '../../support/infra-findings.js';

const NOW = new Date('2026-01-15T00:00:00Z');
const PATH = 'nginx/conf.d/portal.conf';

/** Runs the nginx rules (or only `ruleId`) on one file at base (optional) and head. */
function scan(head: string, base?: string, ruleId?: string) {
  return analyzeInfra({
    base: base === undefined ? [] : [{ path: PATH, text: base }],
    head: [{ path: PATH, text: head }],
    rules: NGINX_RULES.filter((rule) => ruleId === undefined || rule.id === ruleId),
    now: NOW,
  });
}

function summary(result: Awaited<ReturnType<typeof scan>>) {
  return result.findings.map((finding) => ({ ruleId: finding.ruleId, ...findingChange(finding) }));
}

describe('nginx rules through the infra engine', () => {
  it('Given ssl_protocols weakened from TLS 1.2+ to include TLSv1.1, then NGINX-LEGACY-PROTOCOLS reports it weakened with before and after', async () => {
    const result = await scan(tlsServer(['ssl_protocols TLSv1.1 TLSv1.2;']), tlsServer(['ssl_protocols TLSv1.2 TLSv1.3;']), 'NGINX-LEGACY-PROTOCOLS');

    expect(summary(result)).toEqual([
      { ruleId: 'NGINX-LEGACY-PROTOCOLS', change: 'weakened', line: 4, before: ['TLSv1.2', 'TLSv1.3'], after: ['TLSv1.1', 'TLSv1.2'] },
    ]);
  });

  it('Given a TLS server without ssl_protocols, then the version-dependent default is unknown, not a pass or a fail', async () => {
    const result = await scan(tlsServer([]), undefined, 'NGINX-LEGACY-PROTOCOLS');

    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([
      {
        ruleId: 'NGINX-LEGACY-PROTOCOLS',
        location: { kind: 'file', path: PATH, startLine: 1, endLine: 4 },
        message:
          "server:443:portal.example.org: ssl_protocols depends on nginx's default ssl_protocols (TLSv1 and TLSv1.1 included before nginx 1.23.4), which could not be resolved",
      },
    ]);
  });

  it('Given ssl_protocols that an include of a file not in the repository may set, then the rules answer unknown and name the include', async () => {
    const result = await scan(tlsServer(['include snippets/tls.conf;', 'add_header Strict-Transport-Security "max-age=63072000" always;']));

    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => outcome.ruleId).sort()).toEqual(['NGINX-ACCESS-LOG-OFF', 'NGINX-LEGACY-PROTOCOLS', 'NGINX-WEAK-CIPHERS']);
    expect(result.unknown[0]?.message).toContain('include snippets/tls.conf (nginx/conf.d/portal.conf:4): no file in the repository matches it');
  });

  it('Given a server that never served TLS, then the TLS and HSTS rules do not apply to it', async () => {
    const result = await scan('server {\n    listen 8080;\n    ssl_protocols TLSv1;\n}\n');

    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('Given the HSTS max-age shortened from two years to one day, then NGINX-HSTS-WEAK reports it weakened', async () => {
    const result = await scan(
      tlsServer(['ssl_protocols TLSv1.2;', 'add_header Strict-Transport-Security "max-age=86400" always;']),
      tlsServer(['ssl_protocols TLSv1.2;', 'add_header Strict-Transport-Security "max-age=63072000" always;']),
    );

    expect(summary(result)).toEqual([{ ruleId: 'NGINX-HSTS-WEAK', change: 'weakened', line: 5, before: 63072000, after: 86400 }]);
  });

  it('Given a server-level add_header that hides the http block HSTS header, then the finding is on that add_header and names the hidden header', async () => {
    const text = `http {
    ssl_protocols TLSv1.2 TLSv1.3;
    add_header Strict-Transport-Security "max-age=63072000" always;
    server {
        listen 443 ssl;
        add_header Cache-Control no-store;
    }
}
`;
    const result = await scan(text);

    expect(summary(result)).toEqual([{ ruleId: 'NGINX-HSTS-WEAK', change: 'introduced', line: 6, before: undefined, after: undefined }]);
    expect(result.findings[0]?.message).toBe(
      'server:443:_: Strict-Transport-Security max-age is 0; expected at least 31536000 seconds of HSTS max-age; the add_header at nginx/conf.d/portal.conf:6 hides the Strict-Transport-Security header set at nginx/conf.d/portal.conf:3 (nginx inherits add_header only by a level with none of its own)',
    );
  });

  it('Given a location that adds its own header, then NGINX-HSTS-WEAK points at that location: nginx sends it no HSTS', async () => {
    const text = tlsServer([
      'ssl_protocols TLSv1.2;',
      'add_header Strict-Transport-Security "max-age=63072000" always;',
      'location /api {',
      '    add_header Cache-Control no-store;',
      '}',
    ]);
    const result = await scan(text, undefined, 'NGINX-HSTS-WEAK');

    expect(summary(result)).toEqual([{ ruleId: 'NGINX-HSTS-WEAK', change: 'introduced', line: 6, before: undefined, after: undefined }]);
    expect(result.findings[0]?.message).toContain("max-age in `location /api` (its own add_header hides the server's) is 0");
  });

  it('Given a combined 80/443 server that redirects with an if on $scheme, then port 80 passes', async () => {
    const text = `server {
    listen 80;
    listen 443 ssl;
    ssl_protocols TLSv1.2 TLSv1.3;
    add_header Strict-Transport-Security "max-age=63072000" always;
    if ($scheme = http) {
        return 301 https://$host$request_uri;
    }
}
`;

    expect(summary(await scan(text))).toEqual([]);
  });

  it('Given a server without listen (port 80 by default) and no redirect, then NGINX-HTTP-NO-HTTPS-REDIRECT points at the server block', async () => {
    const result = await scan('server {\n    server_name portal.example.org;\n    root /srv/portal;\n}\n');

    expect(summary(result)).toEqual([{ ruleId: 'NGINX-HTTP-NO-HTTPS-REDIRECT', change: 'introduced', line: 1, before: undefined, after: undefined }]);
  });

  it('Given a redirect restored, then the change is listed as a strengthening', async () => {
    const result = await scan('server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n', 'server {\n    listen 80;\n    root /srv;\n}\n');

    expect(result.findings).toEqual([]);
    expect(result.strengthened.map((entry) => entry.ruleId)).toEqual(['NGINX-HTTP-NO-HTTPS-REDIRECT']);
  });

  it('Given access_log off in the http block, then each server inheriting it is reported on the http line', async () => {
    const text = `http {
    access_log off;
    server {
        listen 8080;
    }
}
`;

    expect(summary(await scan(text))).toEqual([{ ruleId: 'NGINX-ACCESS-LOG-OFF', change: 'introduced', line: 2, before: undefined, after: undefined }]);
  });

  it('Given an unchanged violation, then it is reported as existing', async () => {
    const text = tlsServer(['ssl_protocols TLSv1.2;', 'add_header Strict-Transport-Security "max-age=63072000" always;', 'ssl_ciphers RC4-SHA;']);

    expect(summary(await scan(text, text))).toEqual([{ ruleId: 'NGINX-WEAK-CIPHERS', change: 'existing', line: 6, before: undefined, after: undefined }]);
  });
});

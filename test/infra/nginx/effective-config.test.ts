import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { detectFormat, type InfraFileText } from '../../../checks/infra/formats.js';
import { isUnresolved } from '../../../checks/infra/model.js';
import { nginxParser } from '../../../checks/infra/nginx/format.js';
import type { NginxServerValues } from '../../../checks/infra/nginx/parse-nginx.js';
import { NGINX_RULES } from '../../../checks/infra/nginx/rules.js';
import { findingPlaces } from '../../support/infra-findings.js';

const NOW = new Date('2026-01-15T00:00:00Z');

/** A Debian-style layout under deploy/nginx: nginx.conf with the http settings, servers in conf.d, a shared TLS snippet. */
const NGINX_CONF = `user www-data;
worker_processes auto;
include /etc/nginx/modules-enabled/*.conf;

events {
    worker_connections 768;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    ssl_prefer_server_ciphers on;
    access_log /var/log/nginx/access.log;
    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    include /etc/nginx/conf.d/*.conf;
}
`;

const PORTAL_CONF = `server {
    listen 80;
    server_name portal.example.org;
    return 301 https://$host$request_uri;
}

server {
    listen 443 ssl http2;
    server_name portal.example.org;
    ssl_certificate /etc/nginx/tls/portal.crt;
    ssl_certificate_key /etc/nginx/tls/portal.key;
    include snippets/ssl-params.conf;

    location / {
        proxy_pass http://portal:8080;
    }
}
`;

const SSL_PARAMS = `# Shared TLS settings (Mozilla intermediate)
ssl_protocols TLSv1.2 TLSv1.3;
ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384;
ssl_session_cache shared:SSL:10m;
ssl_session_tickets off;
`;

type Layout = Record<string, string>;

const LAYOUT: Layout = {
  'deploy/nginx/nginx.conf': NGINX_CONF,
  'deploy/nginx/conf.d/portal.conf': PORTAL_CONF,
  'deploy/nginx/snippets/ssl-params.conf': SSL_PARAMS,
};

function files(layout: Layout): InfraFileText[] {
  return Object.entries(layout).map(([path, text]) => ({ path, text }));
}

/** The layout with `path`'s line `line` (1-based) replaced. */
function edit(layout: Layout, path: string, line: number, replacement: string): Layout {
  const lines = (layout[path] ?? '').split('\n');
  lines[line - 1] = replacement;
  return { ...layout, [path]: lines.join('\n') };
}

async function scan(base: Layout, head: Layout) {
  return analyzeInfra({ base: files(base), head: files(head), rules: NGINX_RULES, now: NOW });
}

async function serversOf(layout: Layout) {
  const parsed = await nginxParser.parseGroup!(files(layout));
  return parsed.flatMap((file) => (file.ok ? file.resources : []));
}

describe('nginx: the effective configuration across files', () => {
  it('Given the layout unchanged, then the servers in conf.d pass with the snippet and http settings they inherit', async () => {
    const result = await scan(LAYOUT, LAYOUT);

    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('Given the shared TLS snippet weakened to TLSv1, then the server including it is reported weakened, at the snippet line, naming where it is included', async () => {
    const head = edit(LAYOUT, 'deploy/nginx/snippets/ssl-params.conf', 2, 'ssl_protocols TLSv1 TLSv1.1 TLSv1.2;');

    const result = await scan(LAYOUT, head);

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'NGINX-LEGACY-PROTOCOLS', change: 'weakened', at: 'deploy/nginx/snippets/ssl-params.conf:2', related: ['deploy/nginx/conf.d/portal.conf:7'] },
    ]);
    expect(result.findings[0]?.message).toBe(
      'server:443:portal.example.org: ssl_protocols is ["TLSv1","TLSv1.1","TLSv1.2"]; expected TLSv1.2 and TLSv1.3 only; set at deploy/nginx/snippets/ssl-params.conf:2, included at deploy/nginx/conf.d/portal.conf:12 (was ["TLSv1.2","TLSv1.3"])',
    );
  });

  it('Given ssl_protocols TLSv1 added to a server whose included policy snippet sets TLSv1.2 (h5bp layout), then nginx enables both and the added line is reported', async () => {
    // nginx reads ssl_protocols as a bitmask: a second one in the same block adds to the first (ngx_conf_set_bitmask_slot).
    const head = edit(LAYOUT, 'deploy/nginx/conf.d/portal.conf', 9, '    server_name portal.example.org;\n    ssl_protocols TLSv1 TLSv1.2;');

    const result = await scan(LAYOUT, head);

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'NGINX-LEGACY-PROTOCOLS', change: 'weakened', at: 'deploy/nginx/conf.d/portal.conf:10', related: undefined },
    ]);
    expect(result.findings[0]?.message).toContain('ssl_protocols is ["TLSv1","TLSv1.2","TLSv1.3"]');
  });

  it('Given a stream block proxying TLS (ngx_stream_ssl_module) with the shared snippet, then its TLS server is judged by the TLS rules and a plain TCP server by none', async () => {
    const stream = `stream {
    server {
        listen 5432 ssl;
        ssl_certificate /etc/nginx/tls/db.crt;
        include snippets/ssl-params.conf;
        proxy_pass records-db:5432;
    }
    server {
        listen 80;
        proxy_pass records-api:8080;
    }
}
`;
    const base = { ...LAYOUT, 'deploy/nginx/stream.conf': stream };
    const head = edit(base, 'deploy/nginx/snippets/ssl-params.conf', 2, 'ssl_protocols TLSv1.1 TLSv1.2;');

    const unchanged = await scan(base, base);
    const result = await scan(base, head);

    expect(unchanged.findings).toEqual([]);
    expect(unchanged.unknown).toEqual([]);
    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'NGINX-LEGACY-PROTOCOLS', change: 'weakened', at: 'deploy/nginx/snippets/ssl-params.conf:2', related: ['deploy/nginx/conf.d/portal.conf:7'] },
      { ruleId: 'NGINX-LEGACY-PROTOCOLS', change: 'weakened', at: 'deploy/nginx/snippets/ssl-params.conf:2', related: ['deploy/nginx/stream.conf:2'] },
    ]);
    expect((await serversOf(base)).filter((resource) => resource.path === 'deploy/nginx/stream.conf').map((resource) => resource.type)).toEqual([
      'nginx:stream-server',
      'nginx:stream-server',
    ]);
  });

  it('Given stream-level ssl_protocols with no server in the repository, then the stream block itself is judged where it is set', async () => {
    const stream = { 'deploy/nginx/stream.conf': 'stream {\n    ssl_protocols TLSv1 TLSv1.2;\n    include /etc/nginx/stream.d/*.conf;\n}\n' };

    const result = await scan({}, stream);

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'NGINX-LEGACY-PROTOCOLS', change: 'introduced', at: 'deploy/nginx/stream.conf:2', related: undefined },
    ]);
  });

  it('Given proxy_ssl_protocols set in the http block and a location proxying over TLS in conf.d, then weakening it is reported at nginx.conf, and nginx-default or variable upstreams are unknown', async () => {
    const portal = PORTAL_CONF.replace(
      '        proxy_pass http://portal:8080;\n    }',
      '        proxy_pass http://portal:8080;\n    }\n    location /records/ {\n        proxy_pass https://records.internal:8443;\n    }',
    );
    const base = {
      ...edit(LAYOUT, 'deploy/nginx/nginx.conf', 12, '    ssl_prefer_server_ciphers on;\n    proxy_ssl_protocols TLSv1.2 TLSv1.3;'),
      'deploy/nginx/conf.d/portal.conf': portal,
    };
    const head = edit(base, 'deploy/nginx/nginx.conf', 13, '    proxy_ssl_protocols TLSv1.1 TLSv1.2;');
    const unset = {
      ...LAYOUT,
      'deploy/nginx/conf.d/portal.conf': portal
        .replace('https://records.internal:8443', '$records_upstream')
        .replace('location / {\n        proxy_pass http://portal:8080;', 'location / {\n        proxy_pass https://portal:8443;'),
    };

    const unchanged = await scan(base, base);
    const result = await scan(base, head);
    const unknown = await scan({}, unset);

    expect(unchanged.findings).toEqual([]);
    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'NGINX-PROXY-LEGACY-PROTOCOLS', change: 'weakened', at: 'deploy/nginx/nginx.conf:13', related: ['deploy/nginx/conf.d/portal.conf:7'] },
    ]);
    expect(result.findings[0]?.message).toContain(
      'proxy_ssl_protocols in `location /records/` is ["TLSv1.1","TLSv1.2"]; expected TLSv1.2 and TLSv1.3 only; set at deploy/nginx/nginx.conf:13 (http block)',
    );
    expect(unknown.unknown.filter((outcome) => outcome.ruleId === 'NGINX-PROXY-LEGACY-PROTOCOLS').map((outcome) => outcome.message)).toEqual([
      "server:443:portal.example.org: proxy_tls.0.proxy_ssl_protocols depends on nginx's default proxy_ssl_protocols for `proxy_pass https://portal:8443` (TLSv1 and TLSv1.1 included before nginx 1.23.4), which could not be resolved",
      "server:443:portal.example.org: proxy_tls.1.proxy_ssl_protocols depends on proxy_pass $records_upstream (deploy/nginx/conf.d/portal.conf:18): the upstream's scheme is a variable, which could not be resolved",
    ]);
  });

  it('Given weak ciphers added to the snippet, then the ignore comment in the snippet suppresses the finding there', async () => {
    const weak = edit(LAYOUT, 'deploy/nginx/snippets/ssl-params.conf', 3, 'ssl_ciphers ALL:!aNULL;');
    const ignored = edit(
      weak,
      'deploy/nginx/snippets/ssl-params.conf',
      3,
      '# hipaa-guard:ignore NGINX-WEAK-CIPHERS reason="legacy scanners until March"\nssl_ciphers ALL:!aNULL;',
    );

    expect(findingPlaces((await scan(LAYOUT, weak)).findings)).toEqual([
      { ruleId: 'NGINX-WEAK-CIPHERS', change: 'weakened', at: 'deploy/nginx/snippets/ssl-params.conf:3', related: ['deploy/nginx/conf.d/portal.conf:7'] },
    ]);
    const result = await scan(LAYOUT, ignored);
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((outcome) => outcome.finding.ruleId)).toEqual(['NGINX-WEAK-CIPHERS']);
  });

  it('Given access_log turned off in nginx.conf, then every server in conf.d is reported at the http line', async () => {
    const head = edit(LAYOUT, 'deploy/nginx/nginx.conf', 13, '    access_log off;');

    const result = await scan(LAYOUT, head);

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'NGINX-ACCESS-LOG-OFF', change: 'weakened', at: 'deploy/nginx/nginx.conf:13', related: ['deploy/nginx/conf.d/portal.conf:1'] },
      { ruleId: 'NGINX-ACCESS-LOG-OFF', change: 'weakened', at: 'deploy/nginx/nginx.conf:13', related: ['deploy/nginx/conf.d/portal.conf:7'] },
    ]);
    expect(result.findings[0]?.message).toContain('; set at deploy/nginx/nginx.conf:13 (http block)');
  });

  it('Given a header added to the TLS server, then the HSTS header it inherited from nginx.conf is removed (the nginx add_header rule), reported at the new add_header', async () => {
    const head = edit(LAYOUT, 'deploy/nginx/conf.d/portal.conf', 13, '    add_header X-Frame-Options DENY;');

    const result = await scan(LAYOUT, head);

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'NGINX-HSTS-WEAK', change: 'removed', at: 'deploy/nginx/conf.d/portal.conf:13', related: undefined },
    ]);
    expect(result.findings[0]?.message).toContain(
      'the add_header at deploy/nginx/conf.d/portal.conf:13 hides the Strict-Transport-Security header set at deploy/nginx/nginx.conf:14',
    );
  });

  it('Given the HSTS header moved into an included snippet of the server, then nothing is lost and nothing is reported', async () => {
    const head = {
      ...edit(LAYOUT, 'deploy/nginx/conf.d/portal.conf', 13, '    add_header X-Frame-Options DENY;\n    include snippets/hsts.conf;'),
      'deploy/nginx/snippets/hsts.conf': 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n',
    };

    const result = await scan(LAYOUT, head);

    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('Given an nginx.conf whose servers are not in the repository, then its http-level settings are judged on their own lines', async () => {
    const conf = `http {
    include /etc/nginx/sites-enabled/*;
    ssl_protocols TLSv1.2 TLSv1.3;
    access_log /var/log/nginx/access.log;
}
`;
    const weakened = conf.replace('TLSv1.2 TLSv1.3', 'TLSv1.1 TLSv1.2').replace('access_log /var/log/nginx/access.log', 'access_log off');

    const result = await scan({ 'nginx.conf': conf }, { 'nginx.conf': weakened });

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'NGINX-LEGACY-PROTOCOLS', change: 'weakened', at: 'nginx.conf:3', related: undefined },
      { ruleId: 'NGINX-ACCESS-LOG-OFF', change: 'weakened', at: 'nginx.conf:4', related: undefined },
    ]);
    expect(result.unknown).toEqual([]);
  });

  it('Given includes that cannot be followed, then what they could set is unknown with the reason, never a pass or a fail', async () => {
    const server = (include: string) =>
      `server {\n    listen 443 ssl;\n    server_name portal.example.org;\n    ${include}\n    add_header Strict-Transport-Security "max-age=63072000" always;\n}\n`;
    const cases = {
      'a/outside.conf': server('include ../../../etc/nginx/tls.conf;'),
      'b/absent.conf': server('include /etc/ssl/nginx-options.conf;'),
      'c/variable.conf': server('include $tls_profile;'),
    };

    const result = await scan({}, cases);

    expect(result.findings).toEqual([]);
    const protocols = result.unknown.filter((outcome) => outcome.ruleId === 'NGINX-LEGACY-PROTOCOLS');
    expect(
      protocols.map((outcome) => [outcome.location.kind === 'file' ? `${outcome.location.path}:${outcome.location.startLine}` : '', outcome.message]),
    ).toEqual([
      [
        'a/outside.conf:4',
        'server:443:portal.example.org: ssl_protocols depends on include ../../../etc/nginx/tls.conf (a/outside.conf:4): it points outside the repository, which could not be resolved',
      ],
      [
        'b/absent.conf:4',
        'server:443:portal.example.org: ssl_protocols depends on include /etc/ssl/nginx-options.conf (b/absent.conf:4): no file in the repository matches it, which could not be resolved',
      ],
      [
        'c/variable.conf:4',
        'server:443:portal.example.org: ssl_protocols depends on include $tls_profile (c/variable.conf:4): nginx does not expand variables in include, which could not be resolved',
      ],
    ]);
  });

  it('Given a server whose listeners may come from an include not in the repository, then whether TLS and the redirect rules apply is unknown, not skipped', async () => {
    const text = 'server {\n    include /etc/nginx/listen-tls.conf;\n    server_name portal.example.org;\n    ssl_protocols TLSv1 TLSv1.2;\n}\n';

    const result = await scan({}, { 'conf.d/portal.conf': text });

    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => [outcome.ruleId, outcome.location.kind === 'file' ? outcome.location.startLine : 0, outcome.message])).toEqual([
      [
        'NGINX-LEGACY-PROTOCOLS',
        4,
        'server:80:portal.example.org: ssl_protocols depends on include /etc/nginx/listen-tls.conf (conf.d/portal.conf:2): no file in the repository matches it (it may add a TLS listener), which could not be resolved',
      ],
      [
        'NGINX-WEAK-CIPHERS',
        2,
        'server:80:portal.example.org: ssl_ciphers depends on include /etc/nginx/listen-tls.conf (conf.d/portal.conf:2): no file in the repository matches it, which could not be resolved',
      ],
      [
        'NGINX-HTTP-NO-HTTPS-REDIRECT',
        2,
        'server:80:portal.example.org: ssl depends on include /etc/nginx/listen-tls.conf (conf.d/portal.conf:2): no file in the repository matches it (it may add a TLS listener), which could not be resolved',
      ],
      [
        'NGINX-HSTS-WEAK',
        2,
        'server:80:portal.example.org: strict_transport_security depends on include /etc/nginx/listen-tls.conf (conf.d/portal.conf:2): no file in the repository matches it, which could not be resolved',
      ],
      [
        'NGINX-ACCESS-LOG-OFF',
        2,
        'server:80:portal.example.org: access_log depends on include /etc/nginx/listen-tls.conf (conf.d/portal.conf:2): no file in the repository matches it, which could not be resolved',
      ],
    ]);
  });

  it('Given files that include each other, then the cycle is an unresolved include, not a hang', async () => {
    const servers = await serversOf({
      'conf.d/a.conf': 'server {\n    listen 443 ssl;\n    include conf.d/b.conf;\n}\n',
      'conf.d/b.conf': 'include conf.d/a.conf;\nssl_ciphers HIGH:!aNULL;\n',
    });

    expect(servers.map((server) => server.address)).toEqual(['server:443:_']);
    const values = servers[0]!.values as unknown as NginxServerValues;
    expect(values.ssl_ciphers).toBe('HIGH:!aNULL');
    expect(values.include).toEqual(['conf.d/a.conf']);
    expect(isUnresolved(values.ssl_protocols) && values.ssl_protocols.expression).toBe(
      'include conf.d/a.conf (conf.d/b.conf:1): conf.d/a.conf includes itself',
    );
  });

  it('Given includes that multiply (each level including the next ten times), then the expansion stops at its limit with the reason, not at memory', async () => {
    const levels = Object.fromEntries(
      Array.from({ length: 6 }, (_, level) => [`conf.d/level${level}.conf`, `include conf.d/level${level + 1}.conf;\n`.repeat(10)]),
    );
    const layout = {
      ...levels,
      'conf.d/level6.conf': 'ssl_session_tickets off;\n',
      'conf.d/site.conf': 'server {\n    listen 443 ssl;\n    include conf.d/level0.conf;\n}\n',
    };

    const servers = await serversOf(layout);

    const protocols = (servers[0]!.values as unknown as NginxServerValues).ssl_protocols;
    expect(isUnresolved(protocols) && protocols.expression).toMatch(/: the includes expand to more than 100000 directives$/);
  });

  it('Given two conf.d files with servers of the same address, then each keeps its identity: one file changing does not reach the other', async () => {
    const redirect = 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n';
    const plain = 'server {\n    listen 80;\n    root /srv/www;\n}\n';
    const base = { 'conf.d/a.conf': redirect, 'conf.d/b.conf': plain };

    const result = await scan(base, { ...base });

    expect(findingPlaces(result.findings)).toEqual([{ ruleId: 'NGINX-HTTP-NO-HTTPS-REDIRECT', change: 'existing', at: 'conf.d/b.conf:2', related: undefined }]);
  });

  it('Given included snippets, then they are detected as nginx though they hold no server block, and other .conf files are not', () => {
    expect(detectFormat('deploy/nginx/snippets/ssl-params.conf', SSL_PARAMS)?.format).toBe('nginx');
    expect(detectFormat('h5bp/tls/policy_strict.conf', 'ssl_protocols TLSv1.3;\n')?.format).toBe('nginx');
    expect(detectFormat('h5bp/security/server_software_information.conf', '# Hide the version\nserver_tokens off;\n')?.format).toBe('nginx');
    expect(detectFormat('etc/supervisord.conf', '[program:web]\ncommand=/usr/bin/web\n')).toBeUndefined();
    expect(detectFormat('etc/named.conf', 'options {\n    directory "/var/named";\n};\n')).toBeUndefined();
  });

  it('Given the relative includes of a conf.d file, then its dependencies are read from the including directory and the directories above it', () => {
    expect(nginxParser.dependenciesOf!('deploy/nginx/conf.d/portal.conf', PORTAL_CONF)).toEqual([
      'deploy/nginx/conf.d/snippets/ssl-params.conf',
      'deploy/nginx/snippets/ssl-params.conf',
      'deploy/snippets/ssl-params.conf',
      'snippets/ssl-params.conf',
    ]);
    expect(nginxParser.dependenciesOf!('deploy/nginx/nginx.conf', NGINX_CONF)).toContain('deploy/nginx/conf.d/*.conf');
    expect(nginxParser.dependenciesOf!('deploy/nginx/nginx.conf', 'http {\n    include ../../../../etc/passwd;\n}\n')).toEqual([]);
  });
});

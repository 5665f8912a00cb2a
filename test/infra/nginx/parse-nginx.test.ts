import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../checks/infra/formats.js';
import type { InfraResource } from '../../../checks/infra/model.js';
import { isUnresolved } from '../../../checks/infra/model.js';
import { parseNginx, type NginxServerValues } from '../../../checks/infra/nginx/parse-nginx.js';

function serversOf(path: string, text: string): InfraResource[] {
  const parsed = parseNginx(path, text);
  if (!parsed.ok) throw new Error(`${parsed.path}:${parsed.line}: ${parsed.message}`);
  return parsed.resources;
}

function valuesOf(resource: InfraResource | undefined): NginxServerValues {
  if (!resource) throw new Error('no such server');
  return resource.values as unknown as NginxServerValues;
}

const NGINX_CONF = `user nginx;
http {
    ssl_protocols TLSv1.2 TLSv1.3;
    access_log /var/log/nginx/access.log combined;
    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;

    server {
        listen 80;
        listen [::]:80;
        server_name portal.example.org www.example.org;
        return 301 https://$host$request_uri;
    }

    server {
        listen 443 ssl;
        listen [::]:443 ssl;
        server_name portal.example.org;
        ssl_ciphers "HIGH:!aNULL:!MD5";
        access_log off;
    }
}
`;

describe('parseNginx', () => {
  it('Given an nginx.conf with an http block, then each server block is a resource addressed by its first listen and name', () => {
    const servers = serversOf('deploy/nginx/nginx.conf', NGINX_CONF);

    expect(servers.map((server) => [server.address, server.type, server.format, server.range])).toEqual([
      ['server:80:portal.example.org', 'nginx:server', 'nginx', { startLine: 7, endLine: 12 }],
      ['server:443:portal.example.org', 'nginx:server', 'nginx', { startLine: 14, endLine: 20 }],
    ]);
  });

  it('Given directives in the http block, then servers inherit them and locate points at the http line', () => {
    const [redirect, tls] = serversOf('nginx.conf', NGINX_CONF);

    expect(valuesOf(tls)).toMatchObject({
      ssl: true,
      ssl_protocols: ['TLSv1.2', 'TLSv1.3'],
      ssl_ciphers: 'HIGH:!aNULL:!MD5',
      strict_transport_security: { header: 'max-age=63072000; includeSubDomains', maxAge: 63072000, always: true },
      access_log: 'off',
    });
    expect(tls?.locate(['ssl_protocols'])).toEqual({ startLine: 3, endLine: 3 });
    expect(tls?.locate(['ssl_ciphers'])).toEqual({ startLine: 18, endLine: 18 });
    expect(tls?.locate(['access_log'])).toEqual({ startLine: 19, endLine: 19 });
    expect(tls?.locate(['strict_transport_security', 'maxAge'])).toEqual({ startLine: 5, endLine: 5 });
    expect(tls?.locate(['listen', 1])).toEqual({ startLine: 16, endLine: 16 });
    expect(valuesOf(redirect)).toMatchObject({
      ssl: false,
      https_redirect: 'return 301 https://$host$request_uri',
      access_log: '/var/log/nginx/access.log combined',
    });
    expect(redirect?.locate(['https_redirect'])).toEqual({ startLine: 11, endLine: 11 });
  });

  it('Given a server with an add_header of its own, then the http block HSTS header is not inherited (nginx drops it)', () => {
    const [server] = serversOf(
      'nginx.conf',
      `http {
    add_header Strict-Transport-Security "max-age=63072000" always;
    server {
        listen 443 ssl;
        add_header X-Frame-Options DENY;
    }
}
`,
    );

    expect(valuesOf(server).strict_transport_security).toBeUndefined();
  });

  it('Given locations with add_header of their own, then those without HSTS are listed with their lines, nested ones included', () => {
    const [server] = serversOf(
      'nginx.conf',
      `server {
    listen 443 ssl;
    add_header Strict-Transport-Security "max-age=63072000" always;
    location /api {
        add_header Cache-Control no-store;
        location /api/files {
            add_header X-Content-Type-Options nosniff;
        }
    }
    location /static {
        add_header Strict-Transport-Security "max-age=63072000" always;
        add_header Cache-Control public;
    }
    location /snippets {
        add_header X-Test 1;
        include snippets/headers.conf;
    }
    location /plain {
        root /srv;
    }
}
`,
    );

    expect(valuesOf(server).hsts_dropped_by).toEqual(['location /api', 'location /api/files']);
    expect(server?.locate(['hsts_dropped_by', 1])).toEqual({ startLine: 6, endLine: 8 });
  });

  it('Given an include of a file not in the repository that could set a missing directive, then the fact is unresolved, naming the include, its place and why', () => {
    const [server] = serversOf(
      'conf.d/portal.conf',
      `server {
    listen 443 ssl;
    include snippets/tls.conf;
    ssl_ciphers HIGH:!aNULL;
}
`,
    );
    const values = valuesOf(server);

    expect(isUnresolved(values.ssl_protocols)).toBe(true);
    expect(isUnresolved(values.ssl_protocols) && values.ssl_protocols.expression).toBe(
      'include snippets/tls.conf (conf.d/portal.conf:3): no file in the repository matches it',
    );
    expect(server?.locate(['ssl_protocols'])).toEqual({ startLine: 3, endLine: 3 });
    expect(values.ssl_ciphers).toBe('HIGH:!aNULL');
    expect(values.include).toEqual(['snippets/tls.conf']);
  });

  it('Given bare server blocks (a conf.d file), then each is a resource and absent facts stay absent', () => {
    const [server] = serversOf('conf.d/default.conf', 'server {\n    server_name _;\n}\n');

    expect(server?.address).toBe('server:80:_');
    expect(valuesOf(server)).toEqual({ listen: [], server_name: ['_'], ssl: false, include: [] });
  });

  it('Given listen forms, then port and ssl are read from each', () => {
    const [server] = serversOf(
      'nginx.conf',
      `server {
    listen 127.0.0.1:8443 ssl http2;
    listen 127.0.0.1;
    listen [::]:443 quic reuseport;
    listen unix:/run/nginx.sock;
}
`,
    );

    expect(valuesOf(server).listen).toEqual([
      { address: '127.0.0.1:8443', port: 8443, ssl: true },
      { address: '127.0.0.1', port: 80, ssl: false },
      { address: '[::]:443', port: 443, ssl: true },
      { address: 'unix:/run/nginx.sock', port: undefined, ssl: false },
    ]);
    expect(server?.address).toBe('server:127.0.0.1:8443:_');
  });

  it('Given the legacy "ssl on" directive, then the server serves TLS', () => {
    const [server] = serversOf('nginx.conf', 'http {\n    ssl on;\n    server {\n        listen 8443;\n    }\n}\n');

    expect(valuesOf(server).ssl).toBe(true);
  });

  it.each([
    ['return with a status', 'return 308 https://portal.example.org$request_uri;', true],
    ['return with a URL only', 'return https://$host$request_uri;', true],
    ['rewrite to https', 'rewrite ^ https://$host$request_uri permanent;', true],
    ['an if on $scheme', 'if ($scheme = http) {\n        return 301 https://$host$request_uri;\n    }', true],
    ['location / returning https', 'location / {\n        return 301 https://$host$request_uri;\n    }', true],
    ['a return to http', 'return 301 http://other.example.org;', false],
    ['a redirect inside another location', 'location /old {\n        return 301 https://$host/new;\n    }', false],
  ])('Given %s, then https_redirect is %s', (_case, directive, redirects) => {
    const [server] = serversOf('nginx.conf', `server {\n    listen 80;\n    ${directive}\n}\n`);

    expect(valuesOf(server).https_redirect !== undefined).toBe(redirects);
  });

  it('Given two servers with the same listen and name, then the second address gets a #2 suffix', () => {
    const servers = serversOf('nginx.conf', 'server {\n    listen 80;\n}\nserver {\n    listen 80;\n}\n');

    expect(servers.map((server) => server.address)).toEqual(['server:80:_', 'server:80:_#2']);
  });

  it('Given a syntax error, then the file is reported with the line and message', () => {
    expect(parseNginx('nginx.conf', 'http {\n    server {\n        listen 80\n    }\n}\n')).toEqual({
      ok: false,
      path: 'nginx.conf',
      format: 'nginx',
      line: 4,
      message: 'unexpected "}": directive "listen" (line 3) is not terminated by ";"',
    });
  });
});

describe('nginx detection in the format registry', () => {
  it.each([
    ['nginx/nginx.conf', 'http {\n}\n', 'nginx'],
    ['deploy/conf.d/portal.conf', 'server {\n    listen 80;\n}\n', 'nginx'],
    ['docker/default.conf.template', 'server {\n    listen ${PORT};\n}\n', 'nginx'],
    ['nginx/sites-available/portal', 'server {\n    listen 80;\n}\n', 'nginx'],
    ['etc/supervisord.conf', '[program:web]\ncommand=/usr/bin/web\n', undefined],
    ['charts/web/templates/nginx-config.yaml', 'data:\n  nginx.conf: |\n    server {\n      listen {{ .Values.port }};\n    }\n', undefined],
  ])('Given %s, then the format is %s', (path, text, format) => {
    expect(detectFormat(path, text)?.format).toBe(format);
  });
});

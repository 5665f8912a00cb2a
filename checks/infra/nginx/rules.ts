/** nginx server blocks: protocols, ciphers, the port-80 redirect, HSTS and access logs. */
import { CITATIONS } from '../../model/safeguards.js';
import { isUnresolved, unresolved, type InfraResource } from '../model.js';
import { attributeRule, judgeValue, verdictList, type AttributeTarget, type InfraRule, type Verdict } from '../rule.js';
import { tlsServer } from './example-configs.js';
import type { NginxServerValues, NginxSettings } from './parse-nginx.js';
import { hstsMaxAge, noLegacyProtocols, noWeakCiphers } from './tls-settings.js';

const SERVER = 'nginx:server';
/** An `http` block whose servers are not in the repository: only the settings it sets are judged. */
const HTTP = 'nginx:http';
/** A TCP/UDP proxy server in a `stream` block (ngx_stream_ssl_module), and a `stream` block that reaches none: judged by the TLS rules only. */
const STREAM_SERVER = 'nginx:stream-server';
const STREAM = 'nginx:stream';
const transmission = { family: 'nginx', safeguard: 'transmission-security', citation: CITATIONS.transmissionEncryption } as const;

function server(resource: InfraResource): NginxServerValues {
  return resource.values as unknown as NginxServerValues;
}

/** True, or unknown (an unfollowed include may add a TLS listener): the TLS rules then judge, but cannot fail. */
const servesTls = (resource: InfraResource) => server(resource).ssl !== false;

/** A failure of a server whose TLS is unknown is unknown: the rule may not apply to it at all. */
function unknownUnlessTls(rule: InfraRule): InfraRule {
  return {
    ...rule,
    check: (resource, context) => {
      const { ssl } = server(resource);
      return verdictList(rule.check(resource, context)).map((verdict) =>
        verdict.verdict === 'fail' && isUnresolved(ssl) ? { verdict: 'unknown', path: verdict.path, expression: ssl.expression } : verdict,
      );
    },
  };
}

/** The row for an `http` (or `stream`) block that reaches no server: the setting is judged where it is set, and only when it is. */
function contextTarget(key: keyof NginxSettings, type = HTTP): AttributeTarget {
  return { type, format: 'nginx', path: [key], when: (resource) => (resource.values as unknown as NginxSettings)[key] !== undefined };
}

/** The rows of a TLS setting: HTTP and stream servers alike (`absent` is what nginx does without it), and the blocks that reach no server. */
function tlsTargets(key: 'ssl_protocols' | 'ssl_ciphers', absent: unknown): AttributeTarget[] {
  return [
    ...[SERVER, STREAM_SERVER].map((type): AttributeTarget => ({ type, format: 'nginx', path: [key], absent, when: servesTls })),
    contextTarget(key),
    contextTarget(key, STREAM),
  ];
}

/**
 * Says in a failure where the value in effect was set when that is not the block itself (the
 * `http` block, an included snippet, an `add_header` that hides the inherited ones).
 */
function citingOrigin(rule: InfraRule): InfraRule {
  return {
    ...rule,
    check: (resource, context) => {
      const origins = (resource.values as unknown as NginxSettings).set_in ?? {};
      return verdictList(rule.check(resource, context)).map((verdict) => {
        const origin = verdict.verdict === 'fail' ? (origins[verdict.path.slice(0, 2).join('.')] ?? origins[String(verdict.path[0])]) : undefined;
        return verdict.verdict === 'fail' && origin !== undefined ? { ...verdict, message: `${verdict.message}; ${origin}` } : verdict;
      });
    },
  };
}

const nginxLegacyProtocols = unknownUnlessTls(
  citingOrigin(
    attributeRule({
      ...transmission,
      id: 'NGINX-LEGACY-PROTOCOLS',
      title: 'nginx accepts TLS older than 1.2',
      severity: 'high',
      description:
        "The `ssl_protocols` in effect for a TLS server block (its own, or the `http` block's, included files followed; or set in an `http` block whose servers are not in the repository), or for a TLS server of a `stream` block (TCP/UDP proxying), lists SSLv2, SSLv3, TLSv1 or TLSv1.1, which are broken and forbidden by NIST SP 800-52r2 for sensitive data. Without `ssl_protocols` the answer depends on the nginx version (TLSv1 and TLSv1.1 stay on before 1.23.4), so it is reported as unknown.",
      remediation: 'Set `ssl_protocols TLSv1.2 TLSv1.3;` in the `http` block or the server block.',
      targets: tlsTargets('ssl_protocols', unresolved("nginx's default ssl_protocols (TLSv1 and TLSv1.1 included before nginx 1.23.4)")),
      expect: noLegacyProtocols,
      examples: {
        bad: [
          {
            path: 'nginx/conf.d/portal.conf',
            line: 4,
            text: tlsServer(['ssl_protocols TLSv1 TLSv1.1 TLSv1.2;', 'ssl_certificate /etc/nginx/tls/portal.crt;']),
          },
          {
            path: 'nginx/nginx.conf',
            line: 2,
            text: `http {
    ssl_protocols SSLv3 TLSv1.2;
    server {
        listen 443 ssl;
        server_name portal.example.org;
    }
}
`,
          },
          {
            path: 'nginx/stream.conf',
            line: 2,
            text: `stream {
    ssl_protocols TLSv1 TLSv1.2;
    server {
        listen 5432 ssl;
        proxy_pass records-db:5432;
    }
}
`,
          },
        ],
        good: [{ path: 'nginx/conf.d/portal.conf', text: tlsServer(['ssl_protocols TLSv1.2 TLSv1.3;']) }],
      },
    }),
  ),
);

const nginxWeakCiphers = unknownUnlessTls(
  citingOrigin(
    attributeRule({
      ...transmission,
      id: 'NGINX-WEAK-CIPHERS',
      title: 'nginx enables weak cipher suites',
      severity: 'high',
      description:
        'The `ssl_ciphers` OpenSSL cipher string in effect for a TLS server block of `http` or `stream` (or set in an `http` or `stream` block whose servers are not in the repository) selects NULL, anonymous, EXPORT, DES, 3DES, RC2, RC4, IDEA or MD5 suites that no `!` element excludes again (`ALL` counts as selecting anonymous, RC4, DES and 3DES suites). Such suites give no or breakable encryption. Without `ssl_ciphers` nginx uses `HIGH:!aNULL:!MD5`.',
      remediation:
        'Use `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384;`, or remove weak elements and add `!aNULL:!eNULL:!EXPORT:!DES:!3DES:!RC4:!MD5`.',
      targets: tlsTargets('ssl_ciphers', 'HIGH:!aNULL:!MD5'),
      expect: noWeakCiphers,
      examples: {
        bad: [{ path: 'nginx/conf.d/portal.conf', line: 4, text: tlsServer(['ssl_ciphers "ALL:!aNULL";']) }],
        good: [{ path: 'nginx/conf.d/portal.conf', text: tlsServer(['ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:!aNULL:!MD5;']) }],
      },
    }),
  ),
);

/** A server that answers plain HTTP on port 80 must send it to `https://`. */
function checkHttpRedirect(resource: InfraResource): Verdict | undefined {
  const values = server(resource);
  if (!values.listen.length && isUnresolved(values.ssl)) return { verdict: 'unknown', path: ['ssl'], expression: values.ssl.expression };
  const plain = values.listen.length ? values.listen.findIndex((listen) => !listen.ssl && listen.port === 80) : 0;
  if (plain < 0) return undefined;
  if (values.https_redirect) return { verdict: 'pass', path: ['https_redirect'], actual: values.https_redirect };
  return {
    verdict: 'fail',
    path: values.listen.length ? ['listen', plain] : [],
    actual: null,
    expected: 'return 301 https://$host$request_uri',
    message: 'the server answers plain HTTP on port 80 without redirecting to https://; expected `return 301 https://$host$request_uri;`',
  };
}

const nginxHttpWithoutRedirect: InfraRule = citingOrigin({
  ...transmission,
  id: 'NGINX-HTTP-NO-HTTPS-REDIRECT',
  title: 'nginx serves port 80 without redirecting to HTTPS',
  severity: 'high',
  description:
    'A server block listening on plain port 80 (explicitly, or by having no `listen`) has no `return 301 https://...` or `rewrite ... https://...` at server level, in a server-level `if`, or in `location /`. Requests on `http://` are answered in clear text; removing the redirect is reported as `weakened`.',
  remediation:
    'Give the port-80 server `return 301 https://$host$request_uri;` (keep a `location /.well-known/acme-challenge/` beside it if certificates are issued over HTTP).',
  formats: ['nginx'],
  resourceTypes: [SERVER],
  check: checkHttpRedirect,
  strength: (value) => (typeof value === 'string' ? 1 : 0),
  examples: {
    bad: [
      {
        path: 'nginx/conf.d/portal.conf',
        line: 2,
        before: `server {
    listen 80;
    server_name portal.example.org;
    return 301 https://$host$request_uri;
}
`,
        text: `server {
    listen 80;
    server_name portal.example.org;
    root /srv/portal;
}
`,
      },
    ],
    good: [
      {
        path: 'nginx/conf.d/portal.conf',
        text: `server {
    listen 80;
    listen [::]:80;
    server_name portal.example.org;
    location /.well-known/acme-challenge/ {
        root /srv/acme;
    }
    location / {
        return 301 https://$host$request_uri;
    }
}
`,
      },
    ],
  },
});

/** The HSTS max-age a TLS server sends: `0` without the header. */
function checkHsts(resource: InfraResource): Verdict | undefined {
  const values = server(resource);
  const hsts = values.strict_transport_security;
  if (resource.type === HTTP ? hsts === undefined : !values.ssl) return undefined;
  if (isUnresolved(hsts)) return { verdict: 'unknown', path: ['strict_transport_security'], expression: hsts.expression };
  const verdict = judgeValue(['strict_transport_security'], hsts?.maxAge ?? 0, hstsMaxAge, 'Strict-Transport-Security max-age');
  const [dropping] = values.hsts_dropped_by ?? [];
  if (verdict.verdict !== 'pass' || dropping === undefined) return verdict;
  return judgeValue(['hsts_dropped_by', 0], 0, hstsMaxAge, `Strict-Transport-Security max-age in \`${dropping}\` (its own add_header hides the server's)`);
}

const nginxHstsWeak: InfraRule = unknownUnlessTls(
  citingOrigin({
    ...transmission,
    id: 'NGINX-HSTS-WEAK',
    title: 'nginx HSTS header removed or shortened',
    severity: 'medium',
    description:
      'A TLS server block does not send `Strict-Transport-Security` with a max-age of at least one year. nginx inherits `add_header` from the `http` block only when the server block has no `add_header` of its own, so adding any header to a server (or to a `location`) silently drops an inherited HSTS header for its responses; the finding points at that `add_header`. Without HSTS a browser can be downgraded to plain HTTP by anyone on the path.',
    remediation:
      'Add `add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;` to every TLS server block and `location` that has its own `add_header` directives (or to the `http` block when none do).',
    formats: ['nginx'],
    resourceTypes: [SERVER, HTTP],
    check: checkHsts,
    strength: hstsMaxAge.strength,
    examples: {
      bad: [
        {
          path: 'nginx/nginx.conf',
          line: 6,
          text: `http {
    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    server {
        listen 443 ssl;
        server_name portal.example.org;
        add_header X-Frame-Options DENY;
    }
}
`,
        },
        { path: 'nginx/conf.d/portal.conf', line: 4, text: tlsServer(['add_header Strict-Transport-Security "max-age=86400" always;']) },
      ],
      good: [
        {
          path: 'nginx/conf.d/portal.conf',
          text: tlsServer(['add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;', 'add_header X-Frame-Options DENY;']),
        },
      ],
    },
  }),
);

const nginxAccessLogOff = citingOrigin(
  attributeRule({
    id: 'NGINX-ACCESS-LOG-OFF',
    title: 'nginx access log turned off',
    family: 'nginx',
    severity: 'medium',
    safeguard: 'audit-controls',
    description:
      "The `access_log` in effect for a server block (its own, or the `http` block's, included files followed; or set in an `http` block whose servers are not in the repository) is `off`, so requests to the service leave no record to examine. `access_log off` inside a `location` (health checks, static assets) is not reported.",
    remediation:
      'Remove `access_log off;` from the server and `http` blocks, or point `access_log` at a file or syslog target that is shipped to your log store.',
    targets: [{ type: SERVER, format: 'nginx', path: ['access_log'], absent: 'logs/access.log combined' }, contextTarget('access_log')],
    expect: {
      expected: 'a log destination (not off)',
      test: (value) => typeof value === 'string' && value !== 'off',
      strength: (value) => (value === 'off' ? 0 : 1),
    },
    examples: {
      bad: [{ path: 'nginx/conf.d/portal.conf', line: 4, text: tlsServer(['access_log off;']) }],
      good: [
        {
          path: 'nginx/conf.d/portal.conf',
          text: tlsServer(['access_log /var/log/nginx/portal.access.log combined;', 'location /healthz {', '    access_log off;', '    return 200;', '}']),
        },
      ],
    },
  }),
);

/** Each location that proxies over TLS: the `proxy_ssl_protocols` nginx offers its upstream. */
function checkProxyProtocols(resource: InfraResource): Verdict[] | undefined {
  const proxies = server(resource).proxy_tls;
  if (!proxies?.length) return undefined;
  return proxies.map((proxy, index) => {
    const path = ['proxy_tls', index, 'proxy_ssl_protocols'];
    if (isUnresolved(proxy.tls)) return { verdict: 'unknown', path, expression: proxy.tls.expression };
    const value =
      proxy.proxy_ssl_protocols ??
      unresolved(`nginx's default proxy_ssl_protocols for \`${proxy.proxy_pass}\` (TLSv1 and TLSv1.1 included before nginx 1.23.4)`);
    return judgeValue(path, value, noLegacyProtocols, `proxy_ssl_protocols in \`${proxy.location}\``);
  });
}

export const nginxProxyLegacyProtocols: InfraRule = citingOrigin({
  ...transmission,
  id: 'NGINX-PROXY-LEGACY-PROTOCOLS',
  title: 'nginx proxies to a TLS upstream allowing TLS older than 1.2',
  severity: 'high',
  description:
    "A `location` that passes requests on with `proxy_pass https://...` has a `proxy_ssl_protocols` in effect (its own, or the server's or `http` block's: nginx allows it in all three) that lists SSLv2, SSLv3, TLSv1 or TLSv1.1, so the hop from nginx to the upstream, which carries the same PHI, can be downgraded. Without `proxy_ssl_protocols` the answer depends on the nginx version (TLSv1 and TLSv1.1 stay on before 1.23.4), so it is reported as unknown; so is a `proxy_pass` whose scheme is a variable.",
  remediation: 'Set `proxy_ssl_protocols TLSv1.2 TLSv1.3;` in the `http` block, the server, or the location.',
  formats: ['nginx'],
  resourceTypes: [SERVER],
  check: checkProxyProtocols,
  strength: noLegacyProtocols.strength,
  examples: {
    bad: [
      {
        path: 'nginx/conf.d/portal.conf',
        line: 5,
        text: tlsServer(['location /records/ {', '    proxy_ssl_protocols TLSv1 TLSv1.2;', '    proxy_pass https://records.internal:8443;', '}']),
      },
    ],
    good: [
      {
        path: 'nginx/conf.d/portal.conf',
        text: tlsServer([
          'proxy_ssl_protocols TLSv1.2 TLSv1.3;',
          'location /records/ {',
          '    proxy_pass https://records.internal:8443;',
          '}',
          'location /static/ {',
          '    proxy_pass http://assets:8080;',
          '}',
        ]),
      },
    ],
  },
});

export const NGINX_RULES: readonly InfraRule[] = [
  nginxLegacyProtocols,
  nginxWeakCiphers,
  nginxHttpWithoutRedirect,
  nginxHstsWeak,
  nginxAccessLogOff,
  nginxProxyLegacyProtocols,
];

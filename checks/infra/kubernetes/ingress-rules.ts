/** Kubernetes Ingress and the ingress-nginx controller: TLS on every host, redirects, protocols, ciphers, HSTS, client certificates. */
import { CITATIONS } from '../../model/safeguards.js';
import type { InfraResource } from '../model.js';
import { attributeRule, describeValue, isTrue, judgeValue, oneOf, valueAt, type AttributePath, type InfraRule, type Verdict } from '../rule.js';
import { HSTS_MIN_MAX_AGE, hstsMaxAge, noLegacyProtocols, noWeakCiphers } from '../nginx/tls-settings.js';
import { albIngress, controllerConfigMap, nginxIngress } from './example-manifests.js';
import {
  albListenProtocols,
  annotation,
  annotationPath,
  INGRESS_NGINX,
  isAlbIngress,
  isIngressNginxConfigMap,
  isSpecTlsIngress,
  scalarText,
} from './annotations.js';

const transmission = { family: 'kubernetes', safeguard: 'transmission-security', citation: CITATIONS.transmissionEncryption } as const;

/** `*.example.org` covers `api.example.org` (one label), as ingress controllers match certificates. */
function hostCovered(host: string, tlsHosts: readonly string[]): boolean {
  return tlsHosts.some((tlsHost) => {
    if (tlsHost === host) return true;
    if (!tlsHost.startsWith('*.')) return false;
    const suffix = tlsHost.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
  });
}

function listAt(values: unknown, path: AttributePath): unknown[] {
  const value = valueAt(values, path);
  return Array.isArray(value) ? value : [];
}

/** GKE Ingresses can take their certificates from annotations instead of `spec.tls`. */
const GKE_CERTIFICATE_ANNOTATIONS = ['networking.gke.io/managed-certificates', 'ingress.gcp.kubernetes.io/pre-shared-cert'];

/** Every rule host of a `spec.tls` Ingress has a TLS entry; an ALB Ingress has an HTTPS listener. */
function checkIngressTls(resource: InfraResource): Verdict | undefined {
  if (isAlbIngress(resource)) {
    const protocols = albListenProtocols(resource);
    const path = annotationPath('alb.ingress.kubernetes.io/listen-ports');
    if (!(protocols instanceof Set)) return { verdict: 'unknown', path, expression: protocols.expression };
    if (protocols.has('HTTPS')) return { verdict: 'pass', path, actual: [...protocols] };
    return {
      verdict: 'fail',
      path,
      actual: [...protocols],
      expected: 'an HTTPS listener',
      message: `the ALB listens on ${[...protocols].join(', ')} only; expected an HTTPS listener (listen-ports with {"HTTPS": 443} and a certificate)`,
    };
  }
  const rules = listAt(resource.values, ['spec', 'rules']);
  if (!rules.length) return undefined;
  const gkeCertificate = GKE_CERTIFICATE_ANNOTATIONS.find((key) => annotation(resource, key) !== undefined);
  if (gkeCertificate) return { verdict: 'pass', path: annotationPath(gkeCertificate), actual: 'every host has TLS' };
  const tls = listAt(resource.values, ['spec', 'tls']);
  // A TLS entry without hosts covers every host (the controller's default certificate).
  const coversAll = tls.some((entry) => !Array.isArray(valueAt(entry, ['hosts'])));
  const tlsHosts = tls.flatMap((entry) => listAt(entry, ['hosts'])).map(String);
  const index = coversAll ? -1 : rules.findIndex((rule) => !hostCovered(scalarText(valueAt(rule, ['host'])) ?? '*', tlsHosts));
  if (index < 0) return { verdict: 'pass', path: ['spec', 'tls'], actual: 'every host has TLS' };
  const host = valueAt(rules[index], ['host']);
  return {
    verdict: 'fail',
    path: host === undefined ? ['spec', 'rules', index] : ['spec', 'rules', index, 'host'],
    actual: host ?? '(any host)',
    expected: 'a spec.tls entry for the host',
    message: `rule host ${host === undefined ? '(any host)' : describeValue(host)} has no spec.tls entry, so it is served over plain HTTP; expected a TLS entry listing it`,
  };
}

const ingressWithoutTls: InfraRule = {
  ...transmission,
  id: 'K8S-INGRESS-NO-TLS',
  title: 'Ingress host served without TLS',
  severity: 'high',
  description:
    'An Ingress routes a host that no `spec.tls` entry covers, so the controller serves it over plain HTTP (for an AWS Load Balancer Controller Ingress: no HTTPS listener in `listen-ports`; a GKE Ingress with `networking.gke.io/managed-certificates` or `ingress.gcp.kubernetes.io/pre-shared-cert` counts as covered). PHI sent to that host crosses the network unencrypted.',
  remediation:
    'Add the host to a `spec.tls` entry with a certificate Secret (cert-manager can issue it); on an ALB Ingress set `alb.ingress.kubernetes.io/listen-ports: \'[{"HTTPS": 443}]\'` with a certificate.',
  formats: ['kubernetes'],
  resourceTypes: ['Ingress'],
  check: checkIngressTls,
  examples: {
    bad: [
      { path: 'k8s/ingress.yaml', line: 12, text: `${nginxIngress([])}    - host: api.example.org\n` },
      {
        path: 'k8s/alb.yaml',
        line: 7,
        text: albIngress(['alb.ingress.kubernetes.io/scheme: internal', `alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}]'`]),
      },
    ],
    good: [{ path: 'k8s/ingress.yaml', text: nginxIngress([]) }],
  },
};

/** How strongly plain HTTP is redirected: forced for every request, for TLS hosts (the default), or not at all. */
const REDIRECT_STRENGTH: Record<string, number> = { off: 0, 'ssl-redirect': 1, 'force-ssl-redirect': 2 };

function judgeRedirect(resource: InfraResource, prefix: string): Verdict {
  const forcePath = prefix ? annotationPath(`${prefix}force-ssl-redirect`) : ['data', 'force-ssl-redirect'];
  const redirectPath = prefix ? annotationPath(`${prefix}ssl-redirect`) : ['data', 'ssl-redirect'];
  if (isTrue(valueAt(resource.values, forcePath))) return { verdict: 'pass', path: forcePath, actual: 'force-ssl-redirect' };
  const redirect = valueAt(resource.values, redirectPath);
  if (redirect === undefined || isTrue(redirect)) return { verdict: 'pass', path: redirectPath, actual: 'ssl-redirect' };
  return {
    verdict: 'fail',
    path: redirectPath,
    actual: 'off',
    expected: 'ssl-redirect or force-ssl-redirect "true"',
    message: `ssl-redirect is ${describeValue(redirect)} and force-ssl-redirect is not "true", so plain HTTP requests are served instead of redirected to HTTPS`,
  };
}

const ingressSslRedirectOff: InfraRule = {
  ...transmission,
  id: 'K8S-INGRESS-SSL-REDIRECT-OFF',
  title: 'ingress-nginx HTTPS redirect turned off',
  severity: 'high',
  description:
    'ingress-nginx redirects plain HTTP to HTTPS for hosts with TLS unless `ssl-redirect` is `"false"` (on the Ingress as `nginx.ingress.kubernetes.io/ssl-redirect`, or for every Ingress in the controller ConfigMap) and `force-ssl-redirect` is not `"true"`. With the redirect off, clients that start on `http://` keep sending PHI in clear text.',
  remediation: 'Remove `ssl-redirect: "false"` (the default is `"true"`), or set `force-ssl-redirect: "true"`.',
  formats: ['kubernetes'],
  resourceTypes: ['Ingress', 'ConfigMap'],
  check: (resource) => {
    if (isSpecTlsIngress(resource)) return judgeRedirect(resource, INGRESS_NGINX);
    return isIngressNginxConfigMap(resource) ? judgeRedirect(resource, '') : undefined;
  },
  strength: (value) => REDIRECT_STRENGTH[String(value)],
  examples: {
    bad: [
      { path: 'k8s/ingress.yaml', line: 6, text: nginxIngress(['nginx.ingress.kubernetes.io/ssl-redirect: "false"']) },
      { path: 'k8s/ingress-nginx-controller.yaml', line: 7, text: controllerConfigMap(['ssl-redirect: "false"']) },
    ],
    good: [{ path: 'k8s/ingress.yaml', text: nginxIngress(['nginx.ingress.kubernetes.io/force-ssl-redirect: "true"']) }],
  },
};

/** The controller ConfigMap of ingress-nginx, as a rule target. */
const controllerKey = (key: string, absent: unknown) =>
  ({ type: 'ConfigMap', format: 'kubernetes', path: ['data', key], absent, when: isIngressNginxConfigMap }) as const;

const ingressNginxLegacyProtocols = attributeRule({
  ...transmission,
  id: 'K8S-INGRESS-NGINX-LEGACY-PROTOCOLS',
  title: 'ingress-nginx accepts TLS older than 1.2',
  severity: 'high',
  description:
    "The ingress-nginx controller ConfigMap's `ssl-protocols` lists SSLv2, SSLv3, TLSv1 or TLSv1.1 for every Ingress it serves. These versions are broken (POODLE, BEAST) and forbidden by NIST SP 800-52r2 for sensitive data. Absent, the controller uses `TLSv1.2 TLSv1.3`.",
  remediation: 'Set `ssl-protocols: "TLSv1.2 TLSv1.3"` in the controller ConfigMap, or remove the key.',
  targets: [controllerKey('ssl-protocols', 'TLSv1.2 TLSv1.3')],
  expect: noLegacyProtocols,
  examples: {
    bad: [{ path: 'k8s/ingress-nginx-controller.yaml', line: 7, text: controllerConfigMap(['ssl-protocols: "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"']) }],
    good: [{ path: 'k8s/ingress-nginx-controller.yaml', text: controllerConfigMap(['ssl-protocols: "TLSv1.2 TLSv1.3"']) }],
  },
});

const ingressNginxWeakCiphers = attributeRule({
  ...transmission,
  id: 'K8S-INGRESS-NGINX-WEAK-CIPHERS',
  title: 'ingress-nginx enables weak cipher suites',
  severity: 'high',
  description:
    "An OpenSSL cipher string in `nginx.ingress.kubernetes.io/ssl-ciphers` (one Ingress) or the controller ConfigMap's `ssl-ciphers` (every Ingress) selects NULL, anonymous, EXPORT, DES, 3DES, RC2, RC4, IDEA or MD5 suites that a `!` element does not exclude again. Such suites give no or breakable encryption. Absent, the controller's default list is strong.",
  remediation:
    'Remove the key to use the controller default, or list only ECDHE AEAD suites, e.g. `ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384`.',
  targets: [
    { type: 'Ingress', format: 'kubernetes', path: annotationPath(`${INGRESS_NGINX}ssl-ciphers`), absent: 'HIGH:!aNULL:!MD5' },
    controllerKey('ssl-ciphers', 'HIGH:!aNULL:!MD5'),
  ],
  expect: noWeakCiphers,
  examples: {
    bad: [
      {
        path: 'k8s/ingress.yaml',
        line: 6,
        text: nginxIngress(['nginx.ingress.kubernetes.io/ssl-ciphers: "ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA"']),
      },
    ],
    good: [
      {
        path: 'k8s/ingress-nginx-controller.yaml',
        text: controllerConfigMap(['ssl-ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:!aNULL:!MD5"']),
      },
    ],
  },
});

const ingressNginxHsts: InfraRule = {
  ...transmission,
  id: 'K8S-INGRESS-NGINX-HSTS-WEAK',
  title: 'ingress-nginx HSTS turned off or shortened',
  severity: 'medium',
  description:
    'The ingress-nginx controller ConfigMap sets `hsts: "false"` or an `hsts-max-age` under one year. Without HSTS a browser that once used HTTPS can be downgraded to plain HTTP by anyone on the path. The controller sends HSTS with a one-year max-age by default.',
  remediation: 'Remove `hsts: "false"` and keep `hsts-max-age` at `31536000` or more (`63072000` recommended), with `hsts-include-subdomains: "true"`.',
  formats: ['kubernetes'],
  resourceTypes: ['ConfigMap'],
  strength: hstsMaxAge.strength,
  check: (resource) => {
    if (!isIngressNginxConfigMap(resource)) return undefined;
    const enabled = valueAt(resource.values, ['data', 'hsts']);
    if (enabled !== undefined && !isTrue(enabled)) return judgeValue(['data', 'hsts'], 0, hstsMaxAge, 'HSTS (hsts: "false") max-age');
    return judgeValue(['data', 'hsts-max-age'], valueAt(resource.values, ['data', 'hsts-max-age']) ?? HSTS_MIN_MAX_AGE, hstsMaxAge, 'hsts-max-age');
  },
  examples: {
    bad: [
      { path: 'k8s/ingress-nginx-controller.yaml', line: 7, text: controllerConfigMap(['hsts-max-age: "3600"']) },
      { path: 'k8s/ingress-nginx-controller.yaml', line: 7, text: controllerConfigMap(['hsts: "false"']) },
    ],
    good: [{ path: 'k8s/ingress-nginx-controller.yaml', text: controllerConfigMap(['hsts-max-age: "63072000"', 'hsts-include-subdomains: "true"']) }],
  },
};

const VERIFY_CLIENT = `${INGRESS_NGINX}auth-tls-verify-client`;

const ingressMtlsWeakened = attributeRule({
  id: 'K8S-INGRESS-MTLS-WEAKENED',
  title: 'ingress-nginx client-certificate verification weakened',
  family: 'kubernetes',
  severity: 'high',
  safeguard: 'authentication',
  description:
    'An Ingress that authenticates clients by certificate (`nginx.ingress.kubernetes.io/auth-tls-secret`) sets `auth-tls-verify-client` to `off`, `optional` or `optional_no_ca`: clients without a certificate, or with one no trusted CA signed (`optional_no_ca`), get through. The default with a CA secret is `on`.',
  remediation:
    'Set `nginx.ingress.kubernetes.io/auth-tls-verify-client: "on"` (or remove it) so every client must present a certificate signed by the CA in `auth-tls-secret`.',
  targets: [
    {
      type: 'Ingress',
      format: 'kubernetes',
      path: annotationPath(VERIFY_CLIENT),
      absent: 'on',
      when: (resource) => annotation(resource, `${INGRESS_NGINX}auth-tls-secret`) !== undefined || annotation(resource, VERIFY_CLIENT) !== undefined,
    },
  ],
  expect: oneOf(['on'], '"on"', ['off', 'optional_no_ca', 'optional', 'on']),
  examples: {
    bad: [
      {
        path: 'k8s/ingress.yaml',
        line: 7,
        before: nginxIngress(['nginx.ingress.kubernetes.io/auth-tls-secret: prod/partner-ca', 'nginx.ingress.kubernetes.io/auth-tls-verify-client: "on"']),
        text: nginxIngress([
          'nginx.ingress.kubernetes.io/auth-tls-secret: prod/partner-ca',
          'nginx.ingress.kubernetes.io/auth-tls-verify-client: optional_no_ca',
        ]),
      },
    ],
    good: [{ path: 'k8s/ingress.yaml', text: nginxIngress(['nginx.ingress.kubernetes.io/auth-tls-secret: prod/partner-ca']) }],
  },
});

export const INGRESS_RULES: readonly InfraRule[] = [
  ingressWithoutTls,
  ingressSslRedirectOff,
  ingressNginxLegacyProtocols,
  ingressNginxWeakCiphers,
  ingressNginxHsts,
  ingressMtlsWeakened,
];

/**
 * Reading Kubernetes objects the way their controllers do: ingress-nginx annotations and
 * ConfigMap keys, AWS Load Balancer Controller annotations, Service load balancer annotations.
 */
import { unresolved, type InfraResource, type Unresolved } from '../model.js';
import { valueAt, type AttributePath } from '../rule.js';

export const INGRESS_NGINX = 'nginx.ingress.kubernetes.io/';
export const ALB = 'alb.ingress.kubernetes.io/';
export const AWS_SERVICE = 'service.beta.kubernetes.io/';

/** The path of an annotation: annotation keys are single steps (`nginx.ingress.kubernetes.io/ssl-redirect`). */
export function annotationPath(key: string): AttributePath {
  return ['metadata', 'annotations', key];
}

/** A YAML scalar as text (`"443"`, `443` and `true` alike); `undefined` for anything else. */
export function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

export function annotation(resource: InfraResource, key: string): unknown {
  return valueAt(resource.values, annotationPath(key));
}

function annotationKeys(resource: InfraResource): string[] {
  const annotations = valueAt(resource.values, ['metadata', 'annotations']);
  return annotations !== null && typeof annotations === 'object' ? Object.keys(annotations) : [];
}

/** An Ingress served by the AWS Load Balancer Controller (class `alb`, or any `alb.ingress.kubernetes.io/` annotation). */
export function isAlbIngress(resource: InfraResource): boolean {
  return (
    resource.type === 'Ingress' &&
    (valueAt(resource.values, ['spec', 'ingressClassName']) === 'alb' ||
      annotation(resource, 'kubernetes.io/ingress.class') === 'alb' ||
      annotationKeys(resource).some((key) => key.startsWith(ALB)))
  );
}

/** An Ingress for any other controller (ingress-nginx, Traefik, GCE...): TLS comes from `spec.tls`. */
export function isSpecTlsIngress(resource: InfraResource): boolean {
  return resource.type === 'Ingress' && !isAlbIngress(resource);
}

/** The ALB's listener protocols from `listen-ports` (JSON); the controller's default follows `certificate-arn`. */
export function albListenProtocols(resource: InfraResource): Set<string> | Unresolved {
  const ports = scalarText(annotation(resource, `${ALB}listen-ports`));
  if (ports === undefined) return new Set([annotation(resource, `${ALB}certificate-arn`) ? 'HTTPS' : 'HTTP']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(ports);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) return unresolved(`listen-ports ${ports} (not a JSON list such as '[{"HTTPS": 443}]')`);
  return new Set(parsed.flatMap((entry: unknown) => (entry !== null && typeof entry === 'object' ? Object.keys(entry).map((key) => key.toUpperCase()) : [])));
}

/** An ALB Ingress with an HTTPS listener. */
export function albServesHttps(resource: InfraResource): boolean {
  const protocols = albListenProtocols(resource);
  return protocols instanceof Set && protocols.has('HTTPS');
}

/** `alb.ingress.kubernetes.io/scheme`; the controller's default is `internal`. */
export function albScheme(resource: InfraResource): unknown {
  return annotation(resource, `${ALB}scheme`) ?? 'internal';
}

/** `load-balancer-attributes` (`key=value,key=value`) as a map. */
export function albAttributes(resource: InfraResource): Map<string, string> {
  const text = annotation(resource, `${ALB}load-balancer-attributes`);
  const attributes = new Map<string, string>();
  if (typeof text !== 'string') return attributes;
  for (const pair of text.split(',')) {
    const [key, ...value] = pair.split('=');
    if (key?.trim()) attributes.set(key.trim(), value.join('=').trim());
  }
  return attributes;
}

export function isLoadBalancerService(resource: InfraResource): boolean {
  return resource.type === 'Service' && valueAt(resource.values, ['spec', 'type']) === 'LoadBalancer';
}

/** A load balancer Service with a certificate on its listeners (`aws-load-balancer-ssl-cert`). */
export function serviceTerminatesTls(resource: InfraResource): boolean {
  return isLoadBalancerService(resource) && Boolean(annotation(resource, `${AWS_SERVICE}aws-load-balancer-ssl-cert`));
}

/**
 * Where a load balancer Service faces, and the attribute that says so: `aws-load-balancer-scheme`,
 * then `aws-load-balancer-internal`, then the default (`internal` under the AWS Load Balancer
 * Controller, `internet-facing` for the in-tree cloud provider).
 */
export function serviceScheme(resource: InfraResource): { path: AttributePath; value: string } {
  const scheme = annotation(resource, `${AWS_SERVICE}aws-load-balancer-scheme`);
  if (typeof scheme === 'string') return { path: annotationPath(`${AWS_SERVICE}aws-load-balancer-scheme`), value: scheme };
  const internal = annotation(resource, `${AWS_SERVICE}aws-load-balancer-internal`);
  if (internal !== undefined) {
    const value = scalarText(internal) === 'false' ? 'internet-facing' : 'internal';
    return { path: annotationPath(`${AWS_SERVICE}aws-load-balancer-internal`), value };
  }
  const type = annotation(resource, `${AWS_SERVICE}aws-load-balancer-type`);
  const controller = type === 'external' || type === 'nlb-ip' || valueAt(resource.values, ['spec', 'loadBalancerClass']) === 'service.k8s.aws/nlb';
  return { path: ['spec', 'type'], value: controller ? 'internal' : 'internet-facing' };
}

/** The ingress-nginx controller's ConfigMap: named like it, or holding one of its TLS keys. */
const INGRESS_NGINX_KEYS = ['ssl-protocols', 'ssl-ciphers', 'ssl-redirect', 'force-ssl-redirect', 'hsts', 'hsts-max-age', 'hsts-include-subdomains'];

export function isIngressNginxConfigMap(resource: InfraResource): boolean {
  if (resource.type !== 'ConfigMap') return false;
  const name = valueAt(resource.values, ['metadata', 'name']);
  if (typeof name === 'string' && /ingress-nginx|nginx-ingress|nginx-configuration/.test(name)) return true;
  const data = valueAt(resource.values, ['data']);
  return data !== null && typeof data === 'object' && INGRESS_NGINX_KEYS.some((key) => key in data);
}

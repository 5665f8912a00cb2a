import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../checks/infra/formats.js';
import { parseKubernetes } from '../../../checks/infra/kubernetes/parse-kubernetes.js';
import type { InfraResource } from '../../../checks/infra/model.js';

function resourcesOf(text: string, path = 'k8s/app.yaml'): InfraResource[] {
  const parsed = parseKubernetes(path, text);
  if (!parsed.ok) throw new Error(`${parsed.path}:${parsed.line}: ${parsed.message}`);
  return parsed.resources;
}

const MANIFESTS = `# portal manifests
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: portal
  namespace: prod
  annotations:
    nginx.ingress.kubernetes.io/ssl-redirect: "false"
    alb.ingress.kubernetes.io/load-balancer-attributes: >-
      access_logs.s3.enabled=true,
      access_logs.s3.bucket=logs
spec:
  tls:
    - hosts: [portal.example.org]
  rules:
    - host: portal.example.org
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ingress-nginx-controller
data:
  hsts: "false"
`;

describe('parseKubernetes', () => {
  it('Given a multi-document file, then each object is a resource addressed Kind/namespace/name with its document lines', () => {
    const resources = resourcesOf(MANIFESTS);

    expect(resources.map((resource) => [resource.address, resource.type, resource.format, resource.range])).toEqual([
      ['Ingress/prod/portal', 'Ingress', 'kubernetes', { startLine: 2, endLine: 16 }],
      ['ConfigMap/default/ingress-nginx-controller', 'ConfigMap', 'kubernetes', { startLine: 18, endLine: 23 }],
    ]);
  });

  it('Given annotation keys with dots and slashes, then locate finds each annotation as one step, multi-line values included', () => {
    const [ingress, configMap] = resourcesOf(MANIFESTS);

    expect(ingress?.locate(['metadata', 'annotations', 'nginx.ingress.kubernetes.io/ssl-redirect'])).toEqual({ startLine: 8, endLine: 8 });
    expect(ingress?.locate(['metadata', 'annotations', 'alb.ingress.kubernetes.io/load-balancer-attributes'])).toEqual({ startLine: 9, endLine: 11 });
    expect(ingress?.locate(['spec', 'rules', 0, 'host'])).toEqual({ startLine: 16, endLine: 16 });
    expect(configMap?.locate(['data', 'hsts'])).toEqual({ startLine: 23, endLine: 23 });
  });

  it('Given a missing attribute, then locate falls back to the nearest ancestor that exists', () => {
    const [ingress] = resourcesOf(MANIFESTS);

    expect(ingress?.locate(['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme'])).toEqual({ startLine: 7, endLine: 11 });
    expect(ingress?.locate([])).toEqual({ startLine: 2, endLine: 16 });
  });

  it('Given a kind: List, then each item is a resource located inside the list', () => {
    const [service] = resourcesOf(`apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: api
      namespace: prod
    spec:
      type: LoadBalancer
`);

    expect(service?.address).toBe('Service/prod/api');
    expect(service?.range).toEqual({ startLine: 4, endLine: 10 });
    expect(service?.locate(['spec', 'type'])).toEqual({ startLine: 10, endLine: 10 });
  });

  it('Given empty documents, non-objects and unnamed objects, then only Kubernetes objects count and unnamed ones get a stable name', () => {
    const resources = resourcesOf(`---
# nothing here
---
just: data
---
apiVersion: v1
kind: ConfigMap
metadata:
  generateName: settings-
---
apiVersion: v1
kind: Namespace
`);

    expect(resources.map((resource) => resource.address)).toEqual(['ConfigMap/default/settings-*', 'Namespace/default/document-4']);
  });

  it('Given two objects with the same address, then the second is told apart with #2', () => {
    const object = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n';

    expect(resourcesOf(`${object}---\n${object}`).map((resource) => resource.address)).toEqual(['ConfigMap/default/same', 'ConfigMap/default/same#2']);
  });

  it('Given broken YAML, then the file is reported with the line of the error', () => {
    const parsed = parseKubernetes('k8s/broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   bad: indent\n');

    expect(parsed).toMatchObject({ ok: false, path: 'k8s/broken.yaml', format: 'kubernetes', line: 5 });
    expect(parsed.ok ? '' : parsed.message).toMatch(/indentation/);
  });
});

describe('Kubernetes detection in the format registry', () => {
  it.each([
    ['k8s/ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\n', 'kubernetes'],
    ['deploy/all.yml', '---\napiVersion: v1\nkind: Service\n', 'kubernetes'],
    ['k8s/service.json', '{"apiVersion": "v1",\n"kind": "Service"}', 'kubernetes'],
    ['templates/stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', 'cloudformation'],
    ['charts/portal/templates/ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: {{ .Release.Name }}\n', undefined],
    ['.github/workflows/ci.yml', 'name: ci\non: push\n', undefined],
  ])('Given %s, then the format is %s', (path, text, format) => {
    expect(detectFormat(path, text)?.format).toBe(format);
  });
});

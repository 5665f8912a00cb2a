/**
 * Kubernetes manifests (multi-document YAML, and `kind: List`) into the normalized infra
 * model: one resource per object, addressed `Kind/namespace/name`, its whole object as values
 * (annotations are keys under `metadata.annotations`), every attribute located to its lines.
 */
import { locate, parseYamlDocuments, YamlSyntaxError, type PositionNode } from '../../yaml/positions.js';
import type { InfraResource, ParsedInfraFile } from '../model.js';

/** `apiVersion` and `kind` as top-level keys of some document (YAML, or JSON). */
const API_VERSION = /(^|[{,]\s*)"?apiVersion"?\s*:\s*["']?[A-Za-z0-9.-]*\/?v\d/m;
const KIND = /(^|[{,]\s*)"?kind"?\s*:\s*["']?[A-Z][A-Za-z]+/m;

/** A Helm chart's template (`templates/` with `{{ }}`): YAML only once rendered, so not read as a manifest. */
function isHelmTemplate(path: string, text: string): boolean {
  return /(^|\/)templates\//.test(path) && text.includes('{{');
}

export function looksLikeKubernetes(path: string, text: string): boolean {
  return API_VERSION.test(text) && KIND.test(text) && !isHelmTemplate(path, text);
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** True for a Kubernetes object: a mapping with string `apiVersion` and `kind`. */
function isObject(value: unknown): value is Json & { apiVersion: string; kind: string } {
  const object = asObject(value);
  return typeof object?.apiVersion === 'string' && typeof object.kind === 'string';
}

/** `Kind/namespace/name`; `default` namespace when absent; `generateName` or the document number when unnamed. */
function kubernetesAddress(object: Json & { kind: string }, fallbackName: string): string {
  const metadata = asObject(object.metadata) ?? {};
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : 'default';
  const name =
    typeof metadata.name === 'string' && metadata.name
      ? metadata.name
      : typeof metadata.generateName === 'string' && metadata.generateName
        ? `${metadata.generateName}*`
        : fallbackName;
  return `${object.kind}/${namespace}/${name}`;
}

export function parseKubernetes(path: string, text: string): ParsedInfraFile {
  let documents;
  try {
    documents = parseYamlDocuments(text);
  } catch (error) {
    if (error instanceof YamlSyntaxError) return { ok: false, path, format: 'kubernetes', line: error.line, message: error.message };
    throw error;
  }
  const resources: InfraResource[] = [];
  const seen = new Map<string, number>();
  const add = (object: Json & { kind: string }, positions: PositionNode, fallbackName: string) => {
    const resource = objectResource(path, object, positions, fallbackName);
    const count = (seen.get(resource.address) ?? 0) + 1;
    seen.set(resource.address, count);
    if (count > 1) resource.address = `${resource.address}#${count}`;
    resources.push(resource);
  };
  documents.forEach((document, index) => {
    if (!isObject(document.value)) return;
    const items = document.value.items;
    if (document.value.kind.endsWith('List') && Array.isArray(items)) {
      items.forEach((item, itemIndex) => {
        const node = document.positions.entries?.get('items')?.value.items?.[itemIndex];
        if (isObject(item) && node) add(item, node, `document-${index + 1}-item-${itemIndex + 1}`);
      });
      return;
    }
    add(document.value, document.positions, `document-${index + 1}`);
  });
  return { ok: true, path, format: 'kubernetes', resources };
}

function objectResource(path: string, object: Json & { kind: string }, positions: PositionNode, fallbackName: string): InfraResource {
  const range = { startLine: positions.startLine, endLine: positions.endLine };
  return {
    address: kubernetesAddress(object, fallbackName),
    type: object.kind,
    format: 'kubernetes',
    path,
    range,
    values: object,
    locate: (attribute) => (attribute.length ? locate(positions, attribute) : range),
  };
}

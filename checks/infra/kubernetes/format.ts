import type { InfraFormatParser } from '../formats.js';
import { looksLikeKubernetes, parseKubernetes } from './parse-kubernetes.js';

/** Kubernetes manifests: YAML (or JSON) with top-level `apiVersion` and `kind`. */
export const kubernetesParser: InfraFormatParser = {
  format: 'kubernetes',
  matchesPath: (path) => /\.(ya?ml|json)$/i.test(path),
  matchesContent: looksLikeKubernetes,
  parse: parseKubernetes,
};

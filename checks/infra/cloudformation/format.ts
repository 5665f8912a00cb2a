import type { InfraFormatParser } from '../formats.js';
import { looksLikeCloudFormation, parseCloudFormation } from './parse-cloudformation.js';

/** CloudFormation templates in YAML or JSON, told apart from other YAML/JSON by content. */
export const cloudFormationParser: InfraFormatParser = {
  format: 'cloudformation',
  matchesPath: (path) => /\.(ya?ml|json|template)$/i.test(path),
  matchesContent: (_path, text) => looksLikeCloudFormation(text),
  parse: parseCloudFormation,
};

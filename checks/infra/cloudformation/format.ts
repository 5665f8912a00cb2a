import type { InfraFormatParser } from '../formats.js';
import { cloudFormationDependencies, looksLikeCloudFormation, parseCloudFormation, parseCloudFormationFiles } from './parse-cloudformation.js';

/**
 * CloudFormation templates in YAML or JSON, told apart from other YAML/JSON by content. All
 * templates of a version are parsed together, so local nested stacks get their parameters.
 */
export const cloudFormationParser: InfraFormatParser = {
  format: 'cloudformation',
  matchesPath: (path) => /\.(ya?ml|json|template)$/i.test(path),
  matchesContent: (_path, text) => looksLikeCloudFormation(text),
  parse: parseCloudFormation,
  groupOf: () => 'cloudformation',
  parseGroup: (files) => Promise.resolve(parseCloudFormationFiles(files)),
  dependenciesOf: cloudFormationDependencies,
};

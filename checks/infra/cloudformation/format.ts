import type { InfraFormatParser } from '../formats.js';
import { cloudFormationDependencies, looksLikeCloudFormation, parameterFileOf, parseCloudFormation, parseCloudFormationFiles } from './parse-cloudformation.js';

/**
 * CloudFormation templates in YAML or JSON, and their parameter files, told apart from other
 * YAML/JSON by content. All templates and parameter files of a version are parsed together, so
 * nested stacks get their parameters and a template each parameter file's values.
 */
export const cloudFormationParser: InfraFormatParser = {
  format: 'cloudformation',
  matchesPath: (path) => /\.(ya?ml|json|template)$/i.test(path),
  matchesContent: (path, text) => looksLikeCloudFormation(text) || parameterFileOf(path, text) !== undefined,
  parse: parseCloudFormation,
  groupOf: () => 'cloudformation',
  parseGroup: (files, options) =>
    Promise.resolve(parseCloudFormationFiles(files, options?.cloudFormationParameterFiles ? { parameterFiles: options.cloudFormationParameterFiles } : {})),
  dependenciesOf: cloudFormationDependencies,
};

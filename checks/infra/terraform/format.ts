import { posix } from 'node:path';
import type { InfraFormatParser } from '../formats.js';
import { parseTerraformModule } from './parse-terraform.js';

const TERRAFORM_CONTENT = /^\s*(resource|data|variable|locals|module|provider|terraform|moved)\s*("|\{)/m;

/** Terraform `.tf` and `.tf.json`: a module (one directory) is parsed together. */
export const terraformParser: InfraFormatParser = {
  format: 'terraform',
  matchesPath: (path) => path.endsWith('.tf') || path.endsWith('.tf.json'),
  matchesContent: (path, text) => path.endsWith('.tf') || path.endsWith('.tf.json') || TERRAFORM_CONTENT.test(text),
  parse: async (path, text) => (await parseTerraformModule([{ path, text }]))[0]!,
  groupOf: (path) => `terraform:${posix.dirname(path)}`,
  parseGroup: parseTerraformModule,
};

import { posix } from 'node:path';
import type { InfraFormatParser } from '../formats.js';
import { isVarFile, localSourceDir } from './configuration.js';
import { isModulesManifest, MODULES_MANIFEST, parseTerraformModule } from './parse-terraform.js';

const TERRAFORM_CONTENT = /^\s*(resource|data|variable|locals|module|provider|terraform|moved)\s*("|\{)/m;
/** `module "name" {` … `source = "…"`: the calls a file makes, read without parsing it. */
const MODULE_SOURCE = /^\s*module\s+"[^"]*"\s*\{[^}]*?^\s*source\s*=\s*"([^"]+)"/gms;

/** Files whose extension names another format: never Terraform by their content. */
const OTHER_FORMAT_EXTENSION = /\.(ya?ml|json|md|markdown|txt|rst|adoc|conf|template)$/i;

const isConfigurationFile = (path: string) => path.endsWith('.tf') || path.endsWith('.tf.json');

/** The files of a Terraform module directory, as globs. */
function moduleFiles(dir: string): string[] {
  const prefix = dir === '.' ? '' : `${dir}/`;
  return [`${prefix}*.tf`, `${prefix}*.tf.json`];
}

/**
 * Terraform `.tf`, `.tf.json`, tfvars and `.terraform/modules/modules.json`: every file of a
 * version is parsed together, so root modules, the modules they call and their tfvars evaluate
 * as one configuration.
 */
export const terraformParser: InfraFormatParser = {
  format: 'terraform',
  matchesPath: (path) => isConfigurationFile(path) || isVarFile(path) || isModulesManifest(path),
  // By content only where the extension says nothing of the format (an `.hcl` named in `infra.include`):
  // a README.yaml or a JSON document that shows a `module "x" {` example is not Terraform.
  matchesContent: (path, text) =>
    isConfigurationFile(path) || isVarFile(path) || isModulesManifest(path) || (!OTHER_FORMAT_EXTENSION.test(path) && TERRAFORM_CONTENT.test(text)),
  parse: async (path, text) => (await parseTerraformModule([{ path, text }]))[0]!,
  groupOf: () => 'terraform',
  parseGroup: (files, options) => parseTerraformModule(files, options?.terraformVarFiles ? { varFiles: options.terraformVarFiles } : {}),
  /**
   * A module's files read each other (variables, locals) and its tfvars; a local module call
   * reads the called directory; a root with `.terraform/modules/modules.json` reads the modules
   * `terraform init` installed.
   */
  dependenciesOf: (path, text) => {
    const dir = posix.dirname(path);
    if (isModulesManifest(path)) {
      const root = posix.dirname(posix.dirname(posix.dirname(path)));
      try {
        const manifest = JSON.parse(text) as { Modules?: { Dir?: unknown }[] };
        return (manifest.Modules ?? []).flatMap((entry) =>
          typeof entry.Dir === 'string' && !entry.Dir.startsWith('..') ? moduleFiles(posix.join(root, entry.Dir)) : [],
        );
      } catch {
        return [];
      }
    }
    const prefix = dir === '.' ? '' : `${dir}/`;
    const own = [...moduleFiles(dir), `${prefix}*.tfvars`, `${prefix}*.tfvars.json`];
    if (!isConfigurationFile(path)) return own;
    const calls = [...text.matchAll(MODULE_SOURCE)].map((match) => match[1]!);
    const local = calls.flatMap((source) => {
      const target = localSourceDir(dir, source);
      return target === undefined || target.startsWith('..') ? [] : moduleFiles(target);
    });
    const remote = calls.some((source) => localSourceDir(dir, source) === undefined) ? [`${prefix}${MODULES_MANIFEST}`] : [];
    return [...own, ...local, ...remote];
  },
};

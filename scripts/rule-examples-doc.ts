// The Markdown of a rule's bad and good examples, for every family: shared by the generated
// rule docs (gen-rules-doc.ts, gen-endpoint-docs.ts), so each shows what the tests run.
import type { EndpointExample } from '../checks/endpoint/examples.js';
import { ENDPOINT_RULES } from '../checks/endpoint/rules.js';
import type { EnvironmentExample } from '../checks/environments/examples.js';
import { ENV_RULES } from '../checks/environments/rules.js';
import type { InfraExample } from '../checks/infra/rule.js';
import { INFRA_RULES } from '../checks/infra/rules/index.js';
import type { Rule, RuleExamples } from '../checks/model/rule.js';

type Kind = 'Bad' | 'Good';

function language(path: string): string {
  if (path.endsWith('.tf') || path.endsWith('.tfvars')) return 'hcl';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (path.endsWith('.json')) return 'json';
  return 'nginx';
}

const block = (lang: string, text: string) => [`\`\`\`${lang}`, text.trimEnd(), '```', ''];

function infraExample(kind: Kind, item: InfraExample): string[] {
  const note = item.before === undefined ? '' : ' (after the change; before it, the file read as below)';
  const lines = [`**${kind}** \`${item.path}\`${item.line ? `, finding on line ${item.line}` : ''}${note}:`, '', ...block(language(item.path), item.text)];
  if (item.before !== undefined) lines.push('Before:', '', ...block(language(item.path), item.before));
  return lines;
}

function endpointExample(kind: Kind, item: EndpointExample): string[] {
  const verdict = kind === 'Bad' ? 'fires under' : 'passes under';
  return [
    `**${kind}**: ${item.when} (${verdict} ${item.profiles.map((profile) => `\`${profile}\``).join(', ')}). The recorded facts that differ from the profile's passing observation:`,
    '',
    ...block('json', JSON.stringify(item.observation, null, 2)),
  ];
}

function environmentExample(kind: Kind, item: EnvironmentExample): string[] {
  const lines = [`**${kind}**${item.at ? `, finding at \`${item.at}\`` : ''}:`, ''];
  if (item.config) lines.push('`.github/hipaa-guard.yml`:', '', ...block('yaml', item.config));
  else lines.push('No configuration: the environments are inferred from the layout.', '');
  for (const [path, text] of Object.entries(item.files)) lines.push(`\`${path}\`:`, '', ...block(language(path), text));
  return lines;
}

function renderer<Example>(rules: readonly (Rule<Example> & { examples: RuleExamples<Example> })[], render: (kind: Kind, item: Example) => string[]) {
  return rules.map(
    (rule) =>
      [rule.id, () => [...rule.examples.bad.flatMap((item) => render('Bad', item)), ...rule.examples.good.flatMap((item) => render('Good', item))]] as const,
  );
}

const EXAMPLES = new Map<string, () => string[]>([
  ...renderer(ENDPOINT_RULES, endpointExample),
  ...renderer(ENV_RULES, environmentExample),
  ...renderer(INFRA_RULES, infraExample),
]);

/** The rule's examples as Markdown; none for the engine's own rules (parse errors, ...). */
export function renderRuleExamples(rule: Rule): string[] {
  return EXAMPLES.get(rule.id)?.() ?? [];
}

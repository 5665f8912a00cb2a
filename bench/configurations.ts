/**
 * Does a weakening made through another file get caught as often as one made in the resource's
 * own file? Run on real public infrastructure checked out anywhere on disk (issue 10):
 *
 *   npx tsx bench/configurations.ts DIR...
 *
 * For each DIR: copy it into a throw-away git repository, commit it as base, then for every edit
 * of a mutation catalogue generated from what is in the tree commit it as head and run the real
 * `scanChanges` on base..head:
 * - own file: the safeguard attribute set to a weak value in the resource's own file (a Terraform
 *   attribute, a CloudFormation property or a parameter default of the same template, an nginx
 *   `ssl_protocols` in the server block);
 * - another file: the same weakening where the value comes from elsewhere (the variable's
 *   default in another file, the input of a module block that calls the module, a tfvars value,
 *   a parent template's or a parameter file's value, an included nginx snippet);
 * - cosmetic: a comment, whitespace, two attributes swapped: must raise nothing.
 * Then every infra file at base is parsed and every rule judged once, counting decided verdicts
 * (pass or fail) against unknown ones. Prints per DIR and overall. Reaches no network.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix, relative } from 'node:path';
import { defaultConfig } from '../checks/config/schema.js';
import { analyzeInfra } from '../checks/infra/evaluate.js';
import { parametersAlwaysSet } from '../checks/infra/cloudformation/parse-cloudformation.js';
import { detectFormat, infraPathFilter, type InfraFileText } from '../checks/infra/formats.js';
import { verdictList, type InfraRule, type Verdict } from '../checks/infra/rule.js';
import { INFRA_RULES } from '../checks/infra/rules/index.js';
import { scanChanges } from '../checks/scan.js';
import { gitChangeSet, GitRefSource } from '../checks/source/git-source.js';

type Kind = 'own file' | 'another file' | 'cosmetic';

interface Mutation {
  kind: Kind;
  /** What was edited, for the listing of misses. */
  label: string;
  /** path → new text */
  edits: Record<string, string>;
  /** The rule that must report it; none for cosmetic edits. */
  rule?: string;
  /**
   * The resource it weakens (file, its local address where known, and the module call the edit goes
   * through): left out when no instance of it passes the rule at base (all already weak, or none created).
   */
  subject?: { path: string; address?: string; call?: string };
}

/** A safeguard attribute, the weak value that breaks it and the rule that must say so. */
interface Target {
  format: 'terraform' | 'cloudformation';
  types: readonly string[];
  attribute: string;
  weak: string;
  rule: string;
}

const TLS10 = 'ELBSecurityPolicy-TLS-1-0-2015-04';
const TARGETS: readonly Target[] = [
  { format: 'terraform', types: ['aws_lb_listener', 'aws_alb_listener'], attribute: 'ssl_policy', weak: `"${TLS10}"`, rule: 'IAC-LB-TLS-POLICY' },
  { format: 'terraform', types: ['aws_db_instance'], attribute: 'storage_encrypted', weak: 'false', rule: 'IAC-RDS-ENCRYPTION' },
  { format: 'terraform', types: ['aws_rds_cluster'], attribute: 'storage_encrypted', weak: 'false', rule: 'IAC-AURORA-ENCRYPTION' },
  { format: 'terraform', types: ['aws_db_instance'], attribute: 'backup_retention_period', weak: '0', rule: 'IAC-RDS-BACKUP-RETENTION' },
  { format: 'terraform', types: ['aws_db_instance', 'aws_rds_cluster'], attribute: 'deletion_protection', weak: 'false', rule: 'IAC-RDS-DELETION-PROTECTION' },
  { format: 'terraform', types: ['aws_lb', 'aws_alb'], attribute: 'drop_invalid_header_fields', weak: 'false', rule: 'IAC-LB-DROP-INVALID-HEADERS' },
  { format: 'terraform', types: ['aws_efs_file_system'], attribute: 'encrypted', weak: 'false', rule: 'IAC-EFS-ENCRYPTION' },
  { format: 'terraform', types: ['aws_s3_bucket_versioning'], attribute: 'status', weak: '"Suspended"', rule: 'IAC-S3-VERSIONING' },
  { format: 'cloudformation', types: ['AWS::RDS::DBInstance'], attribute: 'StorageEncrypted', weak: 'false', rule: 'IAC-RDS-ENCRYPTION' },
  { format: 'cloudformation', types: ['AWS::RDS::DBCluster'], attribute: 'StorageEncrypted', weak: 'false', rule: 'IAC-AURORA-ENCRYPTION' },
  { format: 'cloudformation', types: ['AWS::EFS::FileSystem'], attribute: 'Encrypted', weak: 'false', rule: 'IAC-EFS-ENCRYPTION' },
  { format: 'cloudformation', types: ['AWS::ElasticLoadBalancingV2::Listener'], attribute: 'SslPolicy', weak: TLS10, rule: 'IAC-LB-TLS-POLICY' },
  { format: 'cloudformation', types: ['AWS::Logs::LogGroup'], attribute: 'RetentionInDays', weak: '1', rule: 'IAC-LOG-RETENTION-LOWERED' },
];
const NGINX_WEAK = 'TLSv1 TLSv1.2';
const NGINX_RULE = 'NGINX-LEGACY-PROTOCOLS';

type Files = Map<string, string>;

/** Every text file under `root` the default infra filter selects (the ones the scan would read), by repository path. */
function readTree(root: string): Files {
  const isInfra = infraPathFilter(defaultConfig().infra);
  const files: Files = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '.git') continue;
      const full = join(dir, name);
      const stats = statSync(full, { throwIfNoEntry: false });
      if (stats?.isDirectory()) walk(full);
      else if (stats?.isFile() && stats.size < 1024 * 1024) {
        const path = relative(root, full).split('\\').join('/');
        if (isInfra(path) || path.endsWith('.json')) files.set(path, readFileSync(full, 'utf8'));
      }
    }
  };
  walk(root);
  return files;
}

/** Replaces line `index` of `text` (0-based). */
function withLine(text: string, index: number, line: string): string {
  const lines = text.split('\n');
  lines[index] = line;
  return lines.join('\n');
}

/** The line after the block that opens on line `open` closes (naive brace count, enough for formatted HCL and nginx). */
function blockEnd(lines: readonly string[], open: number): number {
  let depth = 0;
  for (let index = open; index < lines.length; index++) {
    const code = lines[index]!.replace(/#.*$/, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const char of code) {
      if (char === '{') depth++;
      else if (char === '}') depth--;
    }
    if (depth <= 0 && index > open) return index;
  }
  return lines.length - 1;
}

/** Names a value may flow through: the variables an expression reads and the keys it looks up. */
function flowNames(expression: string): { variables: Set<string>; keys: Set<string> } {
  const variables = new Set([...expression.matchAll(/\bvar\.(\w+)/g)].map((match) => match[1]!));
  const keys = new Set([...expression.matchAll(/(?:\.|\[")(\w+)"?\]?/g)].map((match) => match[1]!).filter((key) => !variables.has(key) && key !== 'value'));
  return { variables, keys };
}

const ASSIGNMENT = (name: string) => new RegExp(`^(\\s*"?${name}"?\\s*=\\s*)(.*)$`);

function terraformMutations(files: Files): Mutation[] {
  const mutations: Mutation[] = [];
  for (const [path, text] of files) {
    if (!path.endsWith('.tf')) continue;
    const lines = text.split('\n');
    lines.forEach((line, open) => {
      const header = /^resource\s+"(\w+)"\s+"([\w-]+)"/.exec(line);
      const targets = header ? TARGETS.filter((target) => target.format === 'terraform' && target.types.includes(header[1]!)) : [];
      if (!targets.length) return;
      const end = blockEnd(lines, open);
      for (const target of targets) {
        for (let index = open + 1; index < end; index++) {
          const match = ASSIGNMENT(target.attribute).exec(lines[index]!);
          if (!match || match[2]!.trim() === target.weak) continue;
          const where = `${path}:${index + 1} ${header![1]}.${header![2]}.${target.attribute}`;
          const subject = { path, address: `${header![1]}.${header![2]}` };
          mutations.push({ kind: 'own file', label: where, rule: target.rule, subject, edits: { [path]: withLine(text, index, `${match[1]}${target.weak}`) } });
          mutations.push(
            ...throughOtherFiles(files, path, match[2]!, target, where).map(({ call, ...mutation }) => ({
              ...mutation,
              subject: { ...subject, ...(call ? { call } : {}) },
            })),
          );
          mutations.push(...cosmeticEdits(path, text, index, lines[index - 1] ?? '', where));
        }
      }
    });
  }
  return mutations;
}

/** Module blocks (with a local source) that call `dir`, each as the lines of its block. */
function callersOf(files: Files, dir: string): string[][] {
  const callers: string[][] = [];
  for (const [file, text] of files) {
    if (!file.endsWith('.tf')) continue;
    const lines = text.split('\n');
    lines.forEach((line, open) => {
      if (!/^module\s+"[\w-]+"/.test(line)) return;
      const block = lines.slice(open, blockEnd(lines, open));
      const source = block.map((candidate) => /^\s*source\s*=\s*"(\.{1,2}\/[^"]*)"/.exec(candidate)?.[1]).find(Boolean);
      if (source && posix.normalize(posix.join(posix.dirname(file), source)).replace(/\/$/, '') === dir) callers.push(block);
    });
  }
  return callers;
}

/** A module's variable default matters only when some caller leaves the input out (or nobody calls it: a root module). */
function everyCallerPasses(files: Files, dir: string, variable: string): boolean {
  const callers = callersOf(files, dir);
  return callers.length > 0 && callers.every((block) => block.some((line) => ASSIGNMENT(variable).test(line)));
}

/** The same weakening made where the value comes from: a variable default, a caller's module input, a tfvars value. */
function throughOtherFiles(files: Files, path: string, expression: string, target: Target, where: string): (Mutation & { call?: string })[] {
  const mutations: (Mutation & { call?: string })[] = [];
  const flow = flowNames(expression);
  // Only variables that carry the safeguard's value (`var.storage_encrypted`, `var.default_ssl_policy`), not the guards around it.
  const bare = (name: string) => name.replace(/^(default|create|enable|manage)_/, '');
  const carries = (name: string) => bare(name).includes(target.attribute) || target.attribute.includes(bare(name));
  const variables = new Set([...flow.variables].filter(carries));
  // Keys named after the safeguard carry its value; any other key the expression reads (`protocol`) is a guard, and writing the weak value there is no weakening.
  const keys = new Set([...flow.keys].filter(carries));
  // A flag the expression reads (`versioning = { enabled = true }` choosing "Enabled") is weakened by turning it off.
  const flags = new Set([...flow.keys].filter((key) => !carries(key)));
  const moduleDir = posix.dirname(path);
  keys.add(target.attribute);
  const weaken = (file: string, names: ReadonlySet<string>, from = 0, to?: number): string | undefined => {
    const lines = files.get(file)!.split('\n');
    for (let index = from; index < (to ?? lines.length); index++) {
      for (const name of names) {
        const match = ASSIGNMENT(name).exec(lines[index]!);
        const current = match?.[2]!.replace(/#.*$/, '').trim();
        if (match && current && !current.startsWith('{') && !current.startsWith('[') && current !== target.weak) {
          // The weak value goes where a value of its kind stands (a string for a string), or turns a flag off.
          const isBool = (value: string) => value === 'true' || value === 'false';
          const weak = isBool(target.weak) || !flags.has(name) ? target.weak : current === 'true' ? 'false' : undefined;
          if (weak === undefined || (flags.has(name) && !isBool(current))) continue;
          lines[index] = `${match[1]}${weak}`;
          return lines.join('\n');
        }
      }
    }
    return undefined;
  };
  for (const [file, text] of files) {
    if (!file.endsWith('.tf') || file === path) continue;
    const lines = text.split('\n');
    lines.forEach((line, open) => {
      const variable = /^variable\s+"(\w+)"/.exec(line);
      if (variable && variables.has(variable[1]!) && posix.dirname(file) === moduleDir && !everyCallerPasses(files, moduleDir, variable[1]!)) {
        const edited = weaken(file, new Set(['default']), open, blockEnd(lines, open));
        if (edited)
          mutations.push({
            kind: 'another file',
            label: `${where} via default of var.${variable[1]} in ${file}`,
            rule: target.rule,
            edits: { [file]: edited },
          });
      }
      const call = /^module\s+"([\w-]+)"/.exec(line);
      if (!call) return;
      const end = blockEnd(lines, open);
      const source = lines
        .slice(open, end)
        .map((candidate) => /^\s*source\s*=\s*"(\.{1,2}\/[^"]*)"/.exec(candidate)?.[1])
        .find(Boolean);
      if (!source || posix.normalize(posix.join(posix.dirname(file), source)).replace(/\/$/, '') !== moduleDir) return;
      const names = new Set([...variables, ...keys, ...flags]);
      let edited = weaken(file, names, open, end);
      const [firstVariable] = variables;
      if (!edited && firstVariable) edited = withLine(text, open, `${line}\n  ${firstVariable} = ${target.weak}`);
      if (edited)
        mutations.push({
          kind: 'another file',
          label: `${where} via module.${call[1]} in ${file}`,
          rule: target.rule,
          call: call[1]!,
          edits: { [file]: edited },
        });
      // A tfvars value of the caller's own variables that feed this input
      const callerVariables = new Set(
        lines.slice(open, end).flatMap((candidate) => ([...names].some((name) => ASSIGNMENT(name).test(candidate)) ? [...flowNames(candidate).variables] : [])),
      );
      for (const tfvars of files.keys()) {
        if (!tfvars.endsWith('.tfvars') || posix.dirname(tfvars) !== posix.dirname(file)) continue;
        const viaTfvars = weaken(tfvars, callerVariables);
        if (viaTfvars)
          mutations.push({
            kind: 'another file',
            label: `${where} via ${tfvars} (module.${call[1]} in ${file})`,
            rule: target.rule,
            call: call[1]!,
            edits: { [tfvars]: viaTfvars },
          });
      }
    });
  }
  return mutations;
}

/** A comment, whitespace, and the attribute swapped with the line above when both are simple one-line settings. */
function cosmeticEdits(path: string, text: string, index: number, previous: string, where: string): Mutation[] {
  const comment = path.endsWith('.json') ? [] : [{ kind: 'cosmetic' as const, label: `${where}: a comment`, edits: { [path]: `# reviewed\n${text}` } }];
  const spaced = text
    .split('\n')
    .map((line) => (line.trim() ? `${line}  ` : line))
    .join('\n');
  const lines = text.split('\n');
  const simple = (line: string) => /^\s*[\w"]+\s*[=:]\s*[^{[\s][^{[]*$/.test(line) && !/[{}[\]]/.test(line);
  const indent = (line: string) => /^\s*/.exec(line)![0];
  const swapped = [];
  if (index > 0 && simple(lines[index]!) && simple(previous) && indent(previous) === indent(lines[index]!)) {
    [lines[index - 1], lines[index]] = [lines[index]!, previous];
    swapped.push({ kind: 'cosmetic' as const, label: `${where}: swapped with the line above`, edits: { [path]: lines.join('\n') } });
  }
  return [...comment, { kind: 'cosmetic', label: `${where}: trailing whitespace`, edits: { [path]: `${spaced}\n\n` } }, ...swapped];
}

function cloudFormationMutations(files: Files): Mutation[] {
  const mutations: Mutation[] = [];
  for (const [path, text] of files) {
    if (!/\.(ya?ml|json|template)$/.test(path) || !/AWS::/.test(text)) continue;
    const lines = text.split('\n');
    let type: string | undefined;
    lines.forEach((line, index) => {
      type = /^\s*"?Type"?\s*:\s*["']?(AWS::[\w:]+)/.exec(line)?.[1] ?? type;
      for (const target of TARGETS.filter((candidate) => candidate.format === 'cloudformation' && type !== undefined && candidate.types.includes(type))) {
        const match = new RegExp(`^(\\s*"?${target.attribute}"?\\s*:\\s*)(.*?)(,?)\\s*$`).exec(line);
        if (!match) continue;
        const where = `${path}:${index + 1} ${type}.${target.attribute}`;
        const weak = path.endsWith('.json') ? JSON.stringify(target.weak === 'false' ? false : target.weak) : target.weak;
        mutations.push({
          kind: 'own file',
          label: where,
          rule: target.rule,
          subject: { path },
          edits: { [path]: withLine(text, index, `${match[1]}${weak}${match[3]}`) },
        });
        mutations.push(...cosmeticEdits(path, text, index, lines[index - 1] ?? '', where));
        const parameter = /(?:!Ref\s+|"Ref"\s*:\s*")(\w+)/.exec(match[2]!)?.[1];
        if (parameter) mutations.push(...parameterMutations(files, path, parameter, target, where).map((mutation) => ({ ...mutation, subject: { path } })));
      }
    });
  }
  return mutations;
}

/** A parameter's default (own template or a parent's of the same name), or its value in a parameter file. */
function parameterMutations(files: Files, path: string, parameter: string, target: Target, where: string): Mutation[] {
  const mutations: Mutation[] = [];
  const weak = target.weak === 'false' ? 'False' : target.weak;
  const alwaysSet = parametersAlwaysSet([...files].map(([file, text]) => ({ path: file, text })));
  for (const [file, text] of files) {
    // A default every deployment overrides (each parent passes the parameter, each parameter file sets it) is never used: editing it weakens nothing.
    if (alwaysSet.get(file)?.has(parameter)) continue;
    const lines = text.split('\n');
    // The declaration under `Parameters:` (not a label of the same name under `Metadata`): the one whose block has a `Default`.
    const defaultLine =
      lines
        .map((line, index) => {
          const indent = new RegExp(`^(\\s+)${parameter}:\\s*$`).exec(line)?.[1]?.length;
          if (indent === undefined) return -1;
          const after = lines.slice(index + 1);
          const blockEnd = after.findIndex((candidate) => candidate.trim() !== '' && /^\s*/.exec(candidate)![0].length <= indent);
          const found = after.slice(0, blockEnd < 0 ? undefined : blockEnd).findIndex((candidate) => /^\s+Default:\s*\S/.test(candidate));
          return found < 0 ? -1 : index + 1 + found;
        })
        .find((index) => index >= 0) ?? -1;
    if (defaultLine >= 0) {
      const edited = withLine(text, defaultLine, lines[defaultLine]!.replace(/Default:\s*.*$/, `Default: ${weak}`));
      mutations.push({
        kind: file === path ? 'own file' : 'another file',
        label: `${where} via the default of ${parameter} in ${file}`,
        rule: target.rule,
        edits: { [file]: edited },
      });
    }
    const valueIndex = lines.findIndex(
      (line, index) => new RegExp(`"ParameterKey"\\s*:\\s*"${parameter}"`).test(line) && /"ParameterValue"/.test(`${line}${lines[index + 1] ?? ''}`),
    );
    if (valueIndex >= 0) {
      const edited = text.replace(new RegExp(`("ParameterKey"\\s*:\\s*"${parameter}"\\s*,\\s*"ParameterValue"\\s*:\\s*)"[^"]*"`), `$1"${weak.toLowerCase()}"`);
      if (edited !== text)
        mutations.push({
          kind: 'another file',
          label: `${where} via ${parameter} in the parameter file ${file}`,
          rule: target.rule,
          edits: { [file]: edited },
        });
    }
  }
  return mutations;
}

function nginxMutations(files: Files): Mutation[] {
  const mutations: Mutation[] = [];
  for (const [path, text] of files) {
    if (!path.endsWith('.conf') && basename(path) !== 'nginx.conf') continue;
    const lines = text.split('\n');
    lines.forEach((line, open) => {
      if (!/^\s*server\s*\{/.test(line)) return;
      const end = blockEnd(lines, open);
      const block = lines.slice(open, end);
      if (!block.some((candidate) => /^\s*listen\s+.*(ssl|443)/.test(candidate))) return;
      const where = `${path}:${open + 1} server`;
      const own = block.findIndex((candidate) => /^\s*ssl_protocols\s/.test(candidate));
      const edited =
        own >= 0
          ? withLine(text, open + own, lines[open + own]!.replace(/ssl_protocols\s+[^;]*/, `ssl_protocols ${NGINX_WEAK}`))
          : withLine(text, open, `${line}\n  ssl_protocols ${NGINX_WEAK};`);
      mutations.push({ kind: 'own file', label: where, rule: NGINX_RULE, subject: { path }, edits: { [path]: edited } });
      mutations.push(...cosmeticEdits(path, text, open + 1, line, where));
      for (const include of block.flatMap((candidate) => /^\s*include\s+([^;*?]+);/.exec(candidate)?.[1] ?? [])) {
        const snippet = [include, posix.join(posix.dirname(path), include)].find((candidate) => files.has(candidate));
        const snippetText = snippet ? files.get(snippet)! : '';
        if (!snippet || !/^\s*ssl_protocols\s/m.test(snippetText)) continue;
        mutations.push({
          kind: 'another file',
          label: `${where} via ${snippet}`,
          rule: NGINX_RULE,
          subject: { path },
          edits: { [snippet]: snippetText.replace(/^(\s*)ssl_protocols\s+[^;]*/m, `$1ssl_protocols ${NGINX_WEAK}`) },
        });
      }
    });
  }
  return mutations;
}

interface Tally {
  own: [caught: number, total: number];
  other: [caught: number, total: number];
  cosmetic: [alarms: number, total: number];
  decided: number;
  unknown: number;
  misses: string[];
  /** Weakenings left out because no instance of the resource passes that rule at base (already weak, or not created). */
  alreadyWeak: number;
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();

interface BaseVerdicts {
  decided: number;
  unknown: number;
  /** Every verdict at base: rule, file and full address of the resource instance, and the verdict. */
  judged: { rule: string; path: string; address: string; verdict: Verdict['verdict'] }[];
  /** Each unknown verdict with the expression that kept it undecided, for the verbose listing. */
  unknownReasons: string[];
}

/** Every rule judged once on every resource at base: how many verdicts are decided, and which fail already. */
async function countVerdicts(repoDir: string, base: string): Promise<BaseVerdicts> {
  const source = new GitRefSource(repoDir, base);
  const isInfra = infraPathFilter(defaultConfig().infra);
  const paths = (await source.list()).filter(isInfra);
  const texts = await Promise.all(paths.map((path) => source.read(path).catch(() => undefined)));
  const head: InfraFileText[] = paths.flatMap((path, index) =>
    texts[index] !== undefined && detectFormat(path, texts[index]) ? [{ path, text: texts[index] }] : [],
  );
  const verdicts = new Map<string, Verdict['verdict']>();
  const reasons = new Map<string, string>();
  const counting: InfraRule[] = INFRA_RULES.map((rule) => ({
    ...rule,
    check: (resource, context) => {
      const judged = rule.check(resource, context);
      // One module's resource is judged once per instance: per root module or deployment (scope) and address.
      for (const verdict of verdictList(judged)) {
        const key = JSON.stringify([rule.id, resource.path, resource.scope ?? '', resource.address, verdict.path.join('.')]);
        verdicts.set(key, verdict.verdict);
        if (verdict.verdict === 'unknown') reasons.set(key, verdict.reason ? `${verdict.expression} (${verdict.reason})` : verdict.expression);
      }
      return judged;
    },
  }));
  await analyzeInfra({ base: [], head, rules: counting, now: new Date() });
  const unknown = [...verdicts.values()].filter((verdict) => verdict === 'unknown').length;
  const judged = [...verdicts].map(([key, verdict]) => {
    const [rule, path, , address] = JSON.parse(key) as string[];
    return { rule: rule!, path: path!, address: address!, verdict };
  });
  return { decided: verdicts.size - unknown, unknown, judged, unknownReasons: [...reasons].map(([key, reason]) => `unknown: ${key}: ${reason}`) };
}

async function benchCorpus(corpus: string): Promise<Tally> {
  const files = readTree(corpus);
  const mutations = [...terraformMutations(files), ...cloudFormationMutations(files), ...nginxMutations(files)];
  const repoDir = mkdtempSync(join(tmpdir(), 'hipaa-guard-configurations-'));
  const tally: Tally = { own: [0, 0], other: [0, 0], cosmetic: [0, 0], decided: 0, unknown: 0, misses: [], alreadyWeak: 0 };
  try {
    cpSync(corpus, repoDir, { recursive: true, filter: (source) => basename(source) !== '.git' });
    git(repoDir, 'init', '--quiet', '--initial-branch=main');
    git(repoDir, 'add', '--all');
    git(repoDir, 'commit', '--quiet', '--no-verify', '-m', 'base');
    const base = git(repoDir, 'rev-parse', 'HEAD');
    const verdicts = await countVerdicts(repoDir, base);
    Object.assign(tally, { decided: verdicts.decided, unknown: verdicts.unknown });
    tally.misses.push(...verdicts.unknownReasons);
    // A weakening needs something to weaken: an instance of the resource (through the edited module call) that passes at base.
    const weakAtBase = (mutation: Mutation) => {
      const subject = mutation.subject;
      if (!subject) return false;
      const inFile = verdicts.judged.filter((verdict) => verdict.rule === mutation.rule && verdict.path === subject.path);
      // Without an address (CloudFormation, nginx): left out when anything in the file already fails the rule.
      if (subject.address === undefined) return inFile.some((verdict) => verdict.verdict === 'fail');
      const local = new RegExp(`(^|\\.)${subject.address.replace(/[.[\]]/g, '\\$&')}(\\[[^\\]]*\\])?$`);
      const through = new RegExp(`(^|\\.)module\\.${subject.call ?? ''}[.[]`);
      const instances = inFile.filter((verdict) => local.test(verdict.address) && (subject.call === undefined || through.test(verdict.address)));
      return !instances.some((verdict) => verdict.verdict === 'pass');
    };
    const config = defaultConfig();
    for (const mutation of mutations) {
      if (weakAtBase(mutation)) {
        tally.alreadyWeak++;
        continue;
      }
      git(repoDir, 'reset', '--quiet', '--hard', base);
      for (const [path, text] of Object.entries(mutation.edits)) writeFileSync(join(repoDir, path), text);
      git(repoDir, 'commit', '--quiet', '--no-verify', '--allow-empty', '-am', mutation.label.slice(0, 200));
      const report = await scanChanges(await gitChangeSet(repoDir, base, 'HEAD'), config, { now: new Date(), root: repoDir });
      // What the edit raised; `existing` findings were there before it (a touched file's old problems).
      const raised = report.findings.filter((finding) => finding.change !== 'existing');
      if (mutation.kind === 'cosmetic') {
        tally.cosmetic[1]++;
        if (raised.length) {
          tally.cosmetic[0]++;
          tally.misses.push(`false alarm: ${mutation.label}: ${raised.map((finding) => `${finding.ruleId} (${finding.change ?? ''})`).join(', ')}`);
        }
        continue;
      }
      const bucket = mutation.kind === 'own file' ? tally.own : tally.other;
      bucket[1]++;
      if (raised.some((finding) => finding.ruleId === mutation.rule)) bucket[0]++;
      else {
        const unknown = report.unknown.some((outcome) => outcome.ruleId === mutation.rule);
        tally.misses.push(`missed (${mutation.kind}${unknown ? ', reported unknown' : ''}): ${mutation.label}`);
      }
    }
  } finally {
    rmSync(repoDir, { recursive: true, force: true });
  }
  return tally;
}

const percent = ([part, whole]: readonly [number, number]) => (whole ? `${((100 * part) / whole).toFixed(0)}% (${part}/${whole})` : 'n/a (0)');

function formatRow(name: string, tally: Tally): string {
  const verdicts = tally.decided + tally.unknown;
  return `| ${name} | ${percent(tally.own)} | ${percent(tally.other)} | ${tally.cosmetic[0]}/${tally.cosmetic[1]} | ${percent([tally.decided, verdicts])} | ${tally.alreadyWeak} |`;
}

const corpora = process.argv.slice(2).filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory());
if (!corpora.length) {
  process.stderr.write('usage: npx tsx bench/configurations.ts DIR... (each DIR a checked-out repository of infrastructure)\n');
  process.exit(2);
}
const total: Tally = { own: [0, 0], other: [0, 0], cosmetic: [0, 0], decided: 0, unknown: 0, misses: [], alreadyWeak: 0 };
const rows: string[] = [];
const verbose = process.env.BENCH_VERBOSE === '1';
for (const corpus of corpora) {
  const tally = await benchCorpus(corpus);
  rows.push(formatRow(basename(corpus), tally));
  for (const key of ['own', 'other', 'cosmetic'] as const) {
    total[key][0] += tally[key][0];
    total[key][1] += tally[key][1];
  }
  total.decided += tally.decided;
  total.alreadyWeak += tally.alreadyWeak;
  total.unknown += tally.unknown;
  if (verbose) for (const miss of tally.misses) process.stderr.write(`${basename(corpus)}: ${miss}\n`);
}
process.stdout.write(
  [
    '| corpus | caught in own file | caught through another file | cosmetic false alarms | decided verdicts | left out (no passing instance at base) |',
    '|---|---|---|---|---|---|',
    ...rows,
    formatRow('all', total),
    '',
  ].join('\n'),
);

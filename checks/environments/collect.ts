/**
 * The collect step of the environment checks: what one file says, as the plain facts of
 * model.ts. A file *defines* values that belong to its environment (the bucket it creates, its
 * VPC's CIDR, its state backend) and *mentions* literals that may name another environment's
 * resources. The evaluation (evaluate.ts) is a pure function of these facts.
 */
import { readSuppressions } from '../infra/suppressions.js';
import { isHclPath, isNetworkBlock, isYamlPath, lineContexts, type Block } from './blocks.js';
import { STATE_LOCATION_KEYS, type BackendState, type Definition, type FileFacts, type IdentifierKind, type Place, type Token } from './model.js';

const BACKEND_KEYS = ['bucket', 'storage_account_name', 'container_name', 'resource_group_name', 'organization', 'hostname', ...STATE_LOCATION_KEYS];

/** What a defining key declares. */
interface DefiningKey {
  kind: IdentifierKind;
  label: string;
  shareable: boolean;
}

const DATA_STORE = /(db|database|rds|aurora|postgres|pg|mysql|mariadb|redis|cache|mongo|search|kafka|broker|queue|amqp|sql)/;
const HOST_SUFFIX = /(host|hostname|endpoint|url|uri|address|dsn|server)$/;

/** `name` is an identity only inside these resource types. */
const NAMED_TYPES: Record<string, string> = {
  aws_secretsmanager_secret: 'secret',
  aws_ssm_parameter: 'secret',
  aws_eks_cluster: 'cluster',
  aws_ecs_cluster: 'cluster',
  aws_kms_alias: 'KMS key',
  google_container_cluster: 'cluster',
  google_storage_bucket: 'bucket',
  azurerm_key_vault: 'secret',
  azurerm_kubernetes_cluster: 'cluster',
  'AWS::SecretsManager::Secret': 'secret',
  'AWS::EKS::Cluster': 'cluster',
  'AWS::ECS::Cluster': 'cluster',
  Namespace: 'namespace',
};

/** Keys compare without case, `_` or `-`: `cidr_block`, `CidrBlock` and `cidr-block` are one key. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function definingKey(key: string, block: Block | undefined, path: string, indent: number): DefiningKey | undefined {
  const k = normalizeKey(key);
  if (k === 'namespace' && indent === 0 && /(^|\/)kustomization\.ya?ml$/.test(path)) {
    return { kind: 'namespace', label: 'namespace', shareable: false };
  }
  const namedLabel = block ? NAMED_TYPES[block.type] : undefined;
  if (namedLabel && (k === 'name' || k === 'aliasname')) {
    return namedLabel === 'namespace' ? { kind: 'namespace', label: 'namespace', shareable: false } : { kind: 'name', label: namedLabel, shareable: true };
  }
  if (/^(source|destination)/.test(k)) return undefined;
  if (/(cidr|cidrblock)$/.test(k) || k === 'addressspace' || k === 'ipcidrrange') {
    return { kind: 'cidr', label: 'network range', shareable: false };
  }
  if (k === 'vpcid' || k === 'transitgatewayid') return { kind: 'vpc', label: k === 'vpcid' ? 'VPC' : 'transit gateway', shareable: true };
  if (k === 'accountid' || k === 'allowedaccountids' || k === 'awsaccountid') return { kind: 'account', label: 'cloud account', shareable: true };
  if (/(identifier|dbinstanceidentifier|dbclusteridentifier)$/.test(k)) return { kind: 'name', label: 'database', shareable: true };
  if (DATA_STORE.test(k) && HOST_SUFFIX.test(k)) return { kind: 'domain', label: 'data store host', shareable: true };
  if (/(bucket|bucketname)$/.test(k)) return { kind: 'name', label: 'bucket', shareable: true };
  if (/^(kmskeyid|kmskeyarn|kmsmasterkeyid|kmskey|kmskeyname)$/.test(k)) return { kind: 'name', label: 'KMS key', shareable: true };
  if (/(secretid|secretarn|secretname)$/.test(k)) return { kind: 'name', label: 'secret', shareable: true };
  if (/(cluster|clustername|clusterarn)$/.test(k)) return { kind: 'name', label: 'cluster', shareable: true };
  return undefined;
}

const HCL_HEADER = /^\s*(resource|data|module|variable|output|provider)\s+"/;

/**
 * A name specific enough to identify one resource: `acme-phi-exports`, `prod/db`, `phirecords01`,
 * not `main` or `app`, which every environment may use for its own resource.
 */
function isSpecificName(value: string): boolean {
  return /[^A-Za-z]/.test(value) || value.length >= 10;
}

const KEY_LINE = /^(\s*)(?:-\s+)?["']?([A-Za-z_][\w./-]*)["']?\s*[:=](?!=)\s*(.*)$/;
const TOKEN = /[A-Za-z0-9][\w.:/@-]*/g;
const QUOTED = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
const HOST = /^(?=.{4,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

/** Reads one file's definitions, literal tokens and backends. Never throws on odd text. */
export function collectFileFacts(path: string, text: string): FileFacts {
  const lines = text.split(/\r?\n/);
  const contexts = lineContexts(path, lines);
  const hcl = isHclPath(path);
  const syntax = hcl ? 'hcl' : isYamlPath(path) ? 'yaml' : 'none';
  const facts: FileFacts = {
    path,
    definitions: [],
    tokens: [],
    backends: [],
    suppressions: readSuppressions(text).filter((suppression) => suppression.ruleId.startsWith('ENV-')),
    blocks: [...new Set(contexts.flatMap((context) => (context.block ? [context.block] : [])))].map(({ startLine, endLine }) => ({ startLine, endLine })),
  };
  const backends = new Map<string, BackendState>();
  let listKey: ListKey | undefined;
  lines.forEach((raw, index) => {
    const line = withoutComment(raw, syntax);
    if (!line.trim()) return;
    const place = { path, line: index + 1, column: line.length - line.trimStart().length + 1 };
    const context = contexts[index] ?? {};
    const attribute = attributeOf(line, listKey);
    listKey = attribute.listKey;
    // A block header's labels (`resource "aws_vpc" "main"`) are Terraform addresses, not resource identifiers.
    if (!(hcl && HCL_HEADER.test(line))) facts.tokens.push(...tokensOf(line, place, attribute, context.block));
    if (attribute.key === undefined) return;
    const literals = literalValues(line, attribute.valueColumn, hcl);
    if (context.backend && BACKEND_KEYS.includes(attribute.key)) {
      const id = `${context.backend}@${context.block?.startLine ?? 0}`;
      const backend = backends.get(id) ?? { type: context.backend, fields: {}, place };
      backends.set(id, backend);
      facts.definitions.push(...backendDefinitions(backend, attribute.key, literals[0], place, context.block));
      return;
    }
    // Inside a peering, attachment or firewall rule a VPC id or CIDR names the other side, not this environment's own.
    const defining = context.block && isNetworkBlock(context.block) ? undefined : definingKey(attribute.key, context.block, path, place.column - 1);
    if (defining) facts.definitions.push(...definitionsOf(defining, attribute.key, literals, place, context.block));
  });
  facts.backends = [...backends.values()];
  return facts;
}

/** The attribute a YAML block list (`key:` then `- value` lines) is under. */
interface ListKey {
  key: string;
  indent: number;
}

interface Attribute {
  /** The key the line's value belongs to: its own `key = value` / `key: value`, or the list it is an item of. */
  key?: string;
  /** 0-based index where the value starts. */
  valueColumn: number;
  listKey?: ListKey;
}

function attributeOf(line: string, listKey: ListKey | undefined): Attribute {
  const match = KEY_LINE.exec(line);
  const indent = line.length - line.trimStart().length;
  if (match) {
    const key = match[2] ?? '';
    const rest = match[3] ?? '';
    return { key, valueColumn: line.length - rest.length, ...(rest.trim() === '' ? { listKey: { key, indent } } : {}) };
  }
  if (listKey && /^\s*-\s/.test(line) && indent >= listKey.indent) return { key: listKey.key, valueColumn: line.indexOf('-') + 1, listKey };
  return { valueColumn: 0, ...(listKey && indent > listKey.indent ? { listKey } : {}) };
}

const NAMESPACE_KEYS = ['namespace', 'namespaces', 'kubernetesiometadataname'];

function tokensOf(line: string, place: Place, attribute: Attribute, block: Block | undefined): Token[] {
  const namespaceKey = attribute.key !== undefined && NAMESPACE_KEYS.includes(normalizeKey(attribute.key));
  return [...line.matchAll(TOKEN)].map((match) => {
    const column = match.index + 1;
    const inValue = attribute.key !== undefined && column > attribute.valueColumn;
    const token: Token = { text: match[0].replace(/[.:/-]+$/, ''), place: { ...place, column }, namespaceContext: namespaceKey && inValue };
    if (inValue && attribute.key !== undefined) token.key = attribute.key;
    if (block) token.block = block;
    return token;
  });
}

type Literal = { value: string; column: number };

function backendDefinitions(backend: BackendState, key: string, literal: Literal | undefined, place: Place, block: Block | undefined): Definition[] {
  if (!literal) return [];
  backend.fields[key] = literal.value;
  if (key === 'bucket') return [definition({ kind: 'name', label: 'state bucket', shareable: false }, key, literal, place, block)];
  if (STATE_LOCATION_KEYS.includes(key)) return [definition({ kind: 'state', label: 'state file', shareable: false }, key, literal, place, block)];
  return [];
}

function definitionsOf(defining: DefiningKey, key: string, literals: readonly Literal[], place: Place, block: Block | undefined): Definition[] {
  return literals.flatMap((literal) => {
    const value = defining.kind === 'domain' ? hostOf(literal.value) : literal.value;
    if (value === undefined || (defining.kind === 'cidr' && !/[.:]/.test(value))) return [];
    if (defining.kind === 'account' && !/^\d{12}$/.test(value)) return [];
    if (defining.kind === 'name' && !isSpecificName(value)) return [];
    return [definition(defining, key, { value, column: literal.column }, place, block)];
  });
}

function definition(defining: DefiningKey, key: string, literal: Literal, place: Place, block: Block | undefined): Definition {
  const result: Definition = { ...defining, value: literal.value, key, place: { ...place, column: literal.column } };
  if (block) result.block = block.name ? `${block.type}.${block.name}` : block.type;
  return result;
}

/**
 * The literal values after `valueColumn`: quoted strings, or (outside HCL, where a bare word
 * is an expression) the bare scalar. Templated values (`${...}`, `{{ }}`) are not literals.
 */
function literalValues(line: string, valueColumn: number, hcl: boolean): Literal[] {
  const rest = line.slice(valueColumn);
  const quoted = [...rest.matchAll(QUOTED)].map((m) => ({ value: m[1] ?? m[2] ?? '', column: valueColumn + m.index + 2 }));
  const values = quoted.length || hcl ? quoted : bareScalar(rest, valueColumn);
  return values.filter((literal) => literal.value && !/\$\{|\{\{|^!/.test(literal.value));
}

function bareScalar(rest: string, valueColumn: number): Literal[] {
  const value = rest.trim().replace(/,$/, '');
  if (!value || /^[[{|>&*!]/.test(value)) return [];
  return [{ value, column: valueColumn + rest.indexOf(value) + 1 }];
}

/** The host of a URL, a DSN or a bare host name; `undefined` when there is none. */
export function hostOf(value: string): string | undefined {
  const candidates = value.split(/[/:@?]/).filter(Boolean);
  return candidates.find((part) => HOST.test(part) && !/^\d+(\.\d+)*$/.test(part))?.toLowerCase();
}

/** The line with its comment blanked out (columns kept), for HCL (`#`, `//`) or YAML (` #`). */
function withoutComment(line: string, syntax: 'hcl' | 'yaml' | 'none'): string {
  if (syntax === 'none') return line;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || (c === "'" && syntax === 'yaml')) quote = c;
    const startsComment = syntax === 'hcl' ? c === '#' || (c === '/' && line[i + 1] === '/') : c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''));
    if (startsComment) return line.slice(0, i);
  }
  return line;
}

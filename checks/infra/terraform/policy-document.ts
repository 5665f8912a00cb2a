/**
 * `data "aws_iam_policy_document"` as the AWS provider renders it: `statement` blocks become the
 * `Statement` array (Effect defaults to Allow; `principals` become a `Principal` map, a `*` type
 * with `*` identifiers the bare `"*"`; `condition` blocks a `Condition` map), merged with
 * `source_policy_documents` and `override_policy_documents` by Sid. The document is kept as a
 * structure, as `jsonencode` is, so an ARN known only after apply stays unknown inside it while
 * the known statements can still be judged.
 */
import { isUnresolved, type Unresolved } from '../model.js';
import { reasonOf, unknownBecause } from './evaluate.js';

type Body = Record<string, unknown>;
type Statement = Body | Unresolved;

const isBody = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value);

/** A list attribute rendered as the provider does: one element as a string, more as a list. */
function stringOrList(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

/** `principals`/`not_principals` blocks: `{ type, identifiers }` → `{ AWS: […], Service: … }`, or `"*"`. */
function principalMap(blocks: unknown): unknown {
  if (isUnresolved(blocks)) return blocks;
  const map: Body = {};
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (!isBody(block)) return block;
    const { type, identifiers } = block;
    if (isUnresolved(type)) return unknownBecause(type.expression, `the principal type is not known: ${reasonOf(type)}`);
    if (isUnresolved(identifiers)) return identifiers;
    const list = Array.isArray(identifiers) ? identifiers : [identifiers];
    if (type === '*' && list.length === 1 && list[0] === '*' && Array.isArray(blocks) && blocks.length === 1) return '*';
    const existing = map[String(type)];
    map[String(type)] = [...(Array.isArray(existing) ? (existing as unknown[]) : []), ...(list as unknown[])];
  }
  return Object.fromEntries(Object.entries(map).map(([type, list]) => [type, stringOrList(list)]));
}

/** `condition` blocks: `{ test, variable, values }` → `{ [test]: { [variable]: values } }`. */
function conditionMap(blocks: unknown): unknown {
  if (isUnresolved(blocks)) return blocks;
  const map: Record<string, Body> = {};
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (!isBody(block)) return block;
    const { test, variable, values } = block;
    const pending = [test, variable].find(isUnresolved);
    if (pending) return unknownBecause(pending.expression, `a condition's test or variable is not known: ${reasonOf(pending)}`);
    // Blocks with the same test and variable add up their values, as the provider merges them.
    const tests = (map[String(test)] ??= {});
    const earlier = tests[String(variable)];
    if (isUnresolved(values) || isUnresolved(earlier)) tests[String(variable)] = isUnresolved(values) ? values : earlier;
    else
      tests[String(variable)] = stringOrList([
        ...(earlier === undefined ? [] : Array.isArray(earlier) ? (earlier as unknown[]) : [earlier]),
        ...(Array.isArray(values) ? (values as unknown[]) : [values]),
      ]);
  }
  return map;
}

const STATEMENT_FIELDS: [string, string][] = [
  ['sid', 'Sid'],
  ['effect', 'Effect'],
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

function statementOf(block: unknown): Statement {
  if (!isBody(block)) return isUnresolved(block) ? block : unknownBecause(JSON.stringify(block), 'a statement block that is not a block');
  const statement: Body = {};
  for (const [attribute, key] of STATEMENT_FIELDS) {
    const value = block[attribute];
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length)) statement[key] = stringOrList(value);
  }
  statement.Effect ??= 'Allow';
  for (const [attribute, key] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    if (block[attribute] !== undefined) statement[key] = principalMap(block[attribute]);
  }
  if (block.condition !== undefined) statement.Condition = conditionMap(block.condition);
  return statement;
}

/** The statements of a document given as a structure or JSON text (a source or override document). */
function statementsOf(document: unknown, role: string): Statement[] | Unresolved {
  if (isUnresolved(document)) return unknownBecause(document.expression, `a ${role} is not known: ${reasonOf(document)}`);
  let parsed = document;
  if (typeof document === 'string') {
    try {
      parsed = JSON.parse(document) as unknown;
    } catch {
      return unknownBecause(document.slice(0, 80), `a ${role} is not valid JSON`);
    }
  }
  const statement = isBody(parsed) ? parsed.Statement : undefined;
  if (isUnresolved(statement)) return [statement];
  return (Array.isArray(statement) ? statement : statement === undefined ? [] : [statement]) as Statement[];
}

/**
 * Adds statements the provider's way: one whose Sid a known statement already has replaces it,
 * others are appended. A Sid that is not known on either side could replace a statement or not:
 * the whole list is then unknown, never a guess at which statements remain.
 */
function mergeInto(merged: Statement[], incoming: readonly Statement[]): Unresolved | undefined {
  for (const statement of incoming) {
    if (isUnresolved(statement) && merged.some((existing) => !isUnresolved(existing) && existing.Sid))
      return unknownBecause(statement.expression, `a statement that is not known may override one with the same Sid: ${reasonOf(statement)}`);
    const sid = isUnresolved(statement) ? undefined : statement.Sid;
    if (isUnresolved(sid) && merged.length)
      return unknownBecause(sid.expression, `a statement's Sid is not known, so which statement it overrides is not known: ${reasonOf(sid)}`);
    const blind = merged.map((existing) => (isUnresolved(existing) ? undefined : existing.Sid)).find(isUnresolved);
    if (typeof sid === 'string' && sid && blind) return unknownBecause(blind.expression, 'a statement whose Sid is not known may be overridden');
    const at = typeof sid === 'string' && sid ? merged.findIndex((existing) => !isUnresolved(existing) && existing.Sid === sid) : -1;
    if (at >= 0) merged[at] = statement;
    else merged.push(statement);
  }
  return undefined;
}

/** The policy document an evaluated `aws_iam_policy_document` body renders. */
export function renderPolicyDocument(body: Body): Body | Unresolved {
  const merged: Statement[] = [];
  const documents = (attribute: string, role: string): (Statement[] | Unresolved)[] | Unresolved => {
    const value = body[attribute];
    if (value === undefined || value === null) return [];
    if (isUnresolved(value)) return unknownBecause(value.expression, `${attribute} is not known: ${reasonOf(value)}`);
    return (Array.isArray(value) ? value : [value]).map((document) => statementsOf(document, role));
  };
  const sources = documents('source_policy_documents', 'source policy document');
  if (isUnresolved(sources)) return sources;
  const seen = new Set<string>();
  for (const source of sources) {
    if (isUnresolved(source)) return source;
    for (const statement of source) {
      const sid = isUnresolved(statement) ? undefined : statement.Sid;
      if (typeof sid === 'string' && sid && seen.has(sid))
        return unknownBecause(sid, `the source policy documents repeat the Sid "${sid}", which Terraform refuses`);
      if (typeof sid === 'string') seen.add(sid);
    }
    merged.push(...source);
  }
  const own = body.statement;
  const current = own === undefined ? [] : isUnresolved(own) ? [own] : (Array.isArray(own) ? own : [own]).map(statementOf);
  const overrides = documents('override_policy_documents', 'override policy document');
  if (isUnresolved(overrides)) return overrides;
  for (const statements of [current, ...overrides]) {
    if (isUnresolved(statements)) return statements;
    const unknown = mergeInto(merged, statements);
    if (unknown) return unknown;
  }
  const version = typeof body.version === 'string' || isUnresolved(body.version) ? body.version : '2012-10-17';
  return { Version: version, ...(body.policy_id !== undefined && body.policy_id !== null ? { Id: body.policy_id } : {}), Statement: merged };
}

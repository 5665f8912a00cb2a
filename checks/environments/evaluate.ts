/**
 * The evaluate step: pure rules over the facts of every environment's files. Findings name both
 * environments; `location` is the referencing (or sharing) line, `related` where the identifier
 * belongs.
 */
import picomatch from 'picomatch';
import { makeFinding, type FileLocation, type Finding } from '../model/finding.js';
import type { Rule } from '../model/rule.js';
import { isCatchAll, parseRange, rangeContains, rangesOverlap, type AddressRange } from './cidr.js';
import { readsLikeEnvironment, type Environment, type EnvironmentModel } from './environments.js';
import { isNetworkBlock } from './blocks.js';
import { hostOf } from './collect.js';
import { hasStateLocation, type BackendState, type FileFacts, type IdentifierKind, type Place, type Token } from './model.js';
import { ENV_AMBIGUOUS_PATH, ENV_CIDR_OVERLAP, ENV_CROSS_REFERENCE, ENV_NETWORK_PATH, ENV_SHARED_RESOURCE, ENV_SHARED_STATE } from './rules.js';

/** Everything the rules need about one version of the repository. JSON-able. */
export interface SeparationFacts {
  model: EnvironmentModel;
  /** Files that belong to exactly one environment. */
  files: { environment: string; facts: FileFacts }[];
  /** Files that belong to several environments by path. */
  ambiguous: { path: string; environments: string[] }[];
  /** Where the config declares an identifier, keyed by `declaredKey(environment, field, value)`. */
  declared: Record<string, FileLocation>;
  /** The config file, for findings about identifiers declared only there. */
  configPath: string;
}

export type IdentifierField = keyof Environment['identifiers'];

export function declaredKey(environment: string, field: IdentifierField, value: string): string {
  return `${environment}\u0000${field}\u0000${value}`;
}

const NETWORK_KINDS: ReadonlySet<IdentifierKind> = new Set(['vpc', 'cidr', 'account', 'namespace']);

const FIELD_KIND: Record<IdentifierField, { kind: IdentifierKind; label: string }> = {
  accounts: { kind: 'account', label: 'cloud account' },
  vpcs: { kind: 'vpc', label: 'VPC' },
  cidrs: { kind: 'cidr', label: 'network range' },
  domains: { kind: 'domain', label: 'domain' },
  namespaces: { kind: 'namespace', label: 'namespace' },
  names: { kind: 'name', label: 'resource name' },
};

/** One environment's claim on an identifier. */
interface Owner {
  environment: Environment;
  kind: IdentifierKind;
  value: string;
  label: string;
  shareable: boolean;
  /** Where it is defined: a file line, or the config line that declares it. */
  place?: FileLocation;
  /** From the config's `identifiers` rather than from the environment's own files. */
  declared: boolean;
  column?: number;
}

interface IdentifierIndex {
  exact: Map<string, Owner[]>;
  patterns: { owner: Owner; isMatch: (value: string) => boolean }[];
  ranges: { owner: Owner; range: AddressRange }[];
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

function fileLocation(place: Place): FileLocation {
  return { kind: 'file', path: place.path, startLine: place.line, endLine: place.line };
}

function buildIndex(facts: SeparationFacts): IdentifierIndex {
  const index: IdentifierIndex = { exact: new Map(), patterns: [], ranges: [] };
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const addExact = (owner: Owner) => {
    addTo(index.exact, owner.value.toLowerCase(), owner);
  };
  const addRange = (owner: Owner) => {
    const range = parseRange(owner.value);
    if (range && !isCatchAll(range)) index.ranges.push({ owner, range });
  };
  for (const environment of facts.model.environments) {
    for (const field of Object.keys(FIELD_KIND) as IdentifierField[]) {
      const { kind, label } = FIELD_KIND[field];
      for (const value of environment.identifiers[field]) {
        const place = facts.declared[declaredKey(environment.name, field, value)];
        const owner: Owner = { environment, kind, value, label, shareable: kind === 'account' || kind === 'vpc', declared: true, ...(place ? { place } : {}) };
        if (kind === 'cidr') addRange(owner);
        else if (kind === 'domain' || kind === 'name') {
          index.patterns.push({ owner, isMatch: picomatch(value, { nocase: true, dot: true }) });
        } else addExact(owner);
      }
    }
  }
  for (const { environment: name, facts: file } of facts.files) {
    const environment = byName.get(name);
    if (!environment) continue;
    for (const definition of file.definitions) {
      // A namespace is per cluster: `podinfo` in staging's cluster and in production's are not one.
      // Only a namespace named for its environment (`prod-apps`) identifies the environment.
      if (definition.kind === 'namespace' && !readsLikeEnvironment(definition.value)) continue;
      const owner: Owner = {
        environment,
        kind: definition.kind,
        value: definition.value,
        label: definition.label,
        shareable: definition.shareable,
        declared: false,
        place: fileLocation(definition.place),
        column: definition.place.column,
      };
      if (definition.kind === 'cidr') addRange(owner);
      else addExact(owner);
    }
  }
  return index;
}

/** Runs every environment rule over one version's facts. */
export function evaluateSeparation(facts: SeparationFacts): Finding[] {
  if (facts.model.environments.length < 2) return ambiguousFindings(facts);
  const index = buildIndex(facts);
  return dedupeSubjects([
    ...ambiguousFindings(facts),
    ...referenceFindings(facts, index),
    ...sharedResourceFindings(index, facts.configPath),
    ...sharedStateFindings(facts),
    ...overlapFindings(index, facts.configPath),
  ]);
}

/** Two findings with one fingerprint (the same reference written twice) keep both, told apart. */
function dedupeSubjects(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const count = seen.get(finding.fingerprint) ?? 0;
    seen.set(finding.fingerprint, count + 1);
    return count === 0 ? finding : { ...finding, fingerprint: `${finding.fingerprint.slice(0, 28)}${String(count).padStart(4, '0')}` };
  });
}

function ambiguousFindings(facts: SeparationFacts): Finding[] {
  return facts.ambiguous.map(({ path, environments }) =>
    makeFinding(ENV_AMBIGUOUS_PATH, {
      message: `${path} belongs to ${environments.join(' and ')} by their paths globs; expected exactly one environment. It is not checked for separation until one environment claims it.`,
      location: { kind: 'file', path, startLine: 1, endLine: 1 },
      subject: `ambiguous|${path}|${environments.join(',')}`,
      evidence: { actual: environments, expected: 'one environment' },
    }),
  );
}

/** An identifier of another environment that a literal stands for. */
interface Hit {
  owner: Owner;
  value: string;
}

interface Match extends Hit {
  token: Token;
}

/**
 * Values a token may stand for: itself, its ARN/URL parts, the account ids embedded in it (an ECR
 * image `111111111111.dkr.ecr...`), and for names a host's first label.
 */
function candidatesOf(text: string, namespaceContext: boolean): { values: string[]; labels: string[]; namespaces: string[] } {
  const parts = text.split(/[/:@]/).filter(Boolean);
  const accounts = text.match(/(?<!\d)\d{12}(?!\d)/g) ?? [];
  const values = [...new Set([text, ...parts, ...accounts].map((value) => value.toLowerCase()))];
  const labels = values.filter((value) => value.includes('.')).map((value) => value.split('.')[0] ?? value);
  const namespaces = values.flatMap((value) => /^[\w-]+\.([\w-]+)\.svc(\.|$)/.exec(value)?.[1] ?? []);
  if (namespaceContext) namespaces.push(text.toLowerCase());
  return { values, labels, namespaces };
}

/** The other environments' identifiers a literal written in `home` stands for. */
function hitsOf(text: string, namespaceContext: boolean, home: Environment, index: IdentifierIndex): Hit[] {
  const { values, labels, namespaces } = candidatesOf(text, namespaceContext);
  const matches: Hit[] = [];
  const exactOwners = (value: string, kinds: 'namespace' | 'other') =>
    (index.exact.get(value) ?? []).filter((owner) => (owner.kind === 'namespace') === (kinds === 'namespace'));
  const addExact = (value: string, owners: Owner[]) => {
    if (owners.some((owner) => owner.environment === home)) return;
    for (const owner of owners) matches.push({ owner, value });
  };
  for (const value of values) addExact(value, exactOwners(value, 'other'));
  // A host's first label may be a resource name: prod-phi-db.abc.rds.amazonaws.com names the database prod-phi-db.
  for (const value of labels)
    addExact(
      value,
      exactOwners(value, 'other').filter((owner) => owner.kind === 'name'),
    );
  for (const value of namespaces) addExact(value, exactOwners(value, 'namespace'));
  const patternValues = [...values, ...labels];
  const hosts = values.filter((value) => hostOf(value) === value);
  for (const { owner, isMatch } of index.patterns) {
    const candidates = owner.kind === 'domain' ? hosts : patternValues;
    const value = candidates.find((candidate) => isMatch(candidate));
    if (value === undefined || owner.environment === home) continue;
    const homeClaims = index.patterns.some((other) => other.owner.environment === home && other.owner.kind === owner.kind && other.isMatch(value));
    if (!homeClaims) matches.push({ owner, value });
  }
  const range = parseRange(text);
  if (range && !isCatchAll(range)) {
    const homeRanges = index.ranges.filter((entry) => entry.owner.environment === home);
    if (!homeRanges.some((entry) => rangeContains(entry.range, range))) {
      for (const entry of index.ranges) {
        if (entry.owner.environment !== home && rangesOverlap(entry.range, range)) matches.push({ owner: entry.owner, value: text });
      }
    }
  }
  return matches;
}

function severityFor(rule: Rule, a: Environment, b: Environment): Rule['severity'] {
  return a.production || b.production ? rule.severity : 'medium';
}

function referenceFindings(facts: SeparationFacts, index: IdentifierIndex): Finding[] {
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const findings: Finding[] = [];
  const cache = new Map<string, Hit[]>();
  for (const { environment: name, facts: file } of facts.files) {
    const home = byName.get(name);
    if (!home) continue;
    const byLineAndTarget = new Map<string, Match[]>();
    for (const token of file.tokens) {
      // The same literals recur in every file (`resource`, `bucket`, `true`): judge each once per environment.
      const key = `${name}\u0000${token.namespaceContext ? 'ns' : ''}\u0000${token.text}`;
      const hits = cache.get(key) ?? hitsOf(token.text, token.namespaceContext, home, index);
      cache.set(key, hits);
      for (const hit of hits) {
        addTo(byLineAndTarget, `${token.place.line}\u0000${hit.owner.environment.name}`, { ...hit, token });
      }
    }
    for (const matches of byLineAndTarget.values()) findings.push(referenceFinding(home, matches));
  }
  return findings;
}

function referenceFinding(home: Environment, matches: Match[]): Finding {
  // A resource defined in a file says more than a config pattern; a longer value more than a part of it.
  const primary = [...matches].sort((a, b) => Number(a.owner.declared) - Number(b.owner.declared) || b.value.length - a.value.length)[0] as Match;
  const { token, owner } = primary;
  const target = owner.environment;
  const block = token.block;
  const blockName = block ? (block.name ? `${block.type}.${block.name}` : block.type) : '';
  const network = block !== undefined && isNetworkBlock(block) && matches.some((match) => NETWORK_KINDS.has(match.owner.kind));
  const rule = network ? ENV_NETWORK_PATH : ENV_CROSS_REFERENCE;
  const what = `${target.name}'s ${owner.label} "${owner.value}"${howWritten(owner, token)}, ${placeText(owner)}`;
  const message = network
    ? `${home.name} opens a network path to ${target.name}: ${blockName} admits or reaches ${what}. Expected no peering, attachment, rule or policy between ${home.name} and ${target.name}.`
    : `${home.name} references ${what}. Expected ${home.name} files to name only ${home.name} resources.`;
  const related = uniqueLocations(matches.flatMap((match) => (match.owner.place ? [match.owner.place] : [])));
  const values = [...new Set(matches.map((match) => match.value))].sort();
  return makeFinding(rule, {
    message,
    location: fileLocation(token.place),
    related,
    severity: severityFor(rule, home, target),
    subject: `reference|${token.place.path}|${blockName}|${token.key ?? ''}|${home.name}->${target.name}|${values.join(',')}`,
    evidence: {
      actual: token.text,
      expected: `no ${target.name} identifiers in ${home.name} files`,
      fromEnvironment: home.name,
      toEnvironment: target.name,
      column: token.place.column,
      ...(token.expression ? { expression: token.expression } : {}),
      identifiers: matches.map((match) => ({ kind: match.owner.kind, value: match.value, declaredAs: match.owner.value })),
    },
  });
}

/** How the file wrote the identifier, when not as itself: through a variable, or inside a longer literal. */
function howWritten(owner: Owner, token: Token): string {
  if (token.expression) return ` (through ${token.expression})`;
  return owner.value.toLowerCase() === token.text.toLowerCase() ? '' : ` (in "${token.text}")`;
}

function placeText(owner: Owner): string {
  const where = owner.place ? `${owner.place.path}:${owner.place.startLine}` : 'the config';
  return `${owner.declared ? 'declared in' : 'defined in'} ${where}`;
}

function uniqueLocations(locations: FileLocation[]): FileLocation[] {
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.path}:${location.startLine}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Orders two sides so the finding sits in the less production-like environment (the one to change). */
function orderSides<T extends { environment: Environment }>(a: T, b: T): [T, T] {
  if (a.environment.production !== b.environment.production) return a.environment.production ? [b, a] : [a, b];
  return a.environment.name <= b.environment.name ? [a, b] : [b, a];
}

/** Every unordered pair of items whose environments differ, one representative per environment. */
function environmentPairs<T extends { environment: Environment }>(items: T[]): [T, T][] {
  const first = new Map<string, T>();
  for (const item of items) if (!first.has(item.environment.name)) first.set(item.environment.name, item);
  const representatives = [...first.values()];
  return representatives.flatMap((a, i) => representatives.slice(i + 1).map((b) => orderSides(a, b)));
}

function locationOf(owner: Owner, configPath: string): FileLocation {
  // Declared identifiers without a known line point at the config file itself.
  return owner.place ?? { kind: 'file', path: configPath, startLine: 1, endLine: 1 };
}

function sharedResourceFindings(index: IdentifierIndex, configPath: string): Finding[] {
  const findings: Finding[] = [];
  for (const owners of index.exact.values()) {
    const shareable = owners.filter((owner) => owner.shareable).sort(byPlace);
    for (const [a, b] of environmentPairs(shareable)) {
      findings.push(
        makeFinding(ENV_SHARED_RESOURCE, {
          message: `${a.environment.name} and ${b.environment.name} share the ${a.label} "${a.value}" (${placeText(b)}). Expected each environment to have its own.`,
          location: locationOf(a, configPath),
          ...(b.place ? { related: [b.place] } : {}),
          severity: severityFor(ENV_SHARED_RESOURCE, a.environment, b.environment),
          subject: `shared|${a.label}|${a.value.toLowerCase()}|${a.environment.name}|${b.environment.name}`,
          evidence: {
            actual: a.value,
            expected: 'one resource per environment',
            environments: [a.environment.name, b.environment.name],
            ...(a.column ? { column: a.column } : {}),
          },
        }),
      );
    }
  }
  return findings;
}

function byPlace(a: Owner, b: Owner): number {
  const left = a.place ? `${a.place.path}\u0000${String(a.place.startLine).padStart(8, '0')}` : '';
  const right = b.place ? `${b.place.path}\u0000${String(b.place.startLine).padStart(8, '0')}` : '';
  return left.localeCompare(right);
}

function stateIdentity(backend: BackendState): string {
  const fields = Object.entries(backend.fields).sort(([a], [b]) => a.localeCompare(b));
  return `${backend.type === 'file' ? '' : backend.type}|${fields.map(([key, value]) => `${key}=${value}`).join('|')}`;
}

function sharedStateFindings(facts: SeparationFacts): Finding[] {
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const groups = new Map<string, { environment: Environment; backend: BackendState }[]>();
  for (const { environment: name, facts: file } of facts.files) {
    const environment = byName.get(name);
    if (!environment) continue;
    for (const backend of file.backends.filter(hasStateLocation)) {
      addTo(groups, stateIdentity(backend), { environment, backend });
    }
  }
  return [...groups.entries()].flatMap(([identity, members]) =>
    environmentPairs(members).map(([a, b]) =>
      makeFinding(ENV_SHARED_STATE, {
        message: `${a.environment.name} and ${b.environment.name} use the same Terraform state (${describeState(a.backend)}; also in ${b.backend.place.path}:${b.backend.place.line}). Expected a state per environment.`,
        location: fileLocation(a.backend.place),
        related: [fileLocation(b.backend.place)],
        severity: severityFor(ENV_SHARED_STATE, a.environment, b.environment),
        subject: `state|${identity}|${a.environment.name}|${b.environment.name}`,
        evidence: { actual: a.backend.fields, expected: 'a state location per environment', environments: [a.environment.name, b.environment.name] },
      }),
    ),
  );
}

function describeState(backend: BackendState): string {
  const fields = Object.entries(backend.fields).map(([key, value]) => `${key} "${value}"`);
  return `${backend.type === 'file' ? 'backend config' : `backend "${backend.type}"`} ${fields.join(', ')}`;
}

function overlapFindings(index: IdentifierIndex, configPath: string): Finding[] {
  // Per environment, only the widest ranges (the first of equal ones): a subnet inside the VPC range adds nothing.
  const byEnvironment = new Map<Environment, IdentifierIndex['ranges']>();
  for (const entry of index.ranges) addTo(byEnvironment, entry.owner.environment, entry);
  const widest = [...byEnvironment.values()].flatMap((ranges) =>
    ranges.filter(
      (entry, i) => !ranges.some((other, j) => j !== i && rangeContains(other.range, entry.range) && (other.range.prefix < entry.range.prefix || j < i)),
    ),
  );
  const findings: Finding[] = [];
  widest.forEach((left, i) => {
    for (const right of widest.slice(i + 1)) {
      if (left.owner.environment === right.owner.environment || !rangesOverlap(left.range, right.range)) continue;
      const [a, b] = orderSides({ environment: left.owner.environment, entry: left }, { environment: right.owner.environment, entry: right });
      const [x, y] = [a.entry.owner, b.entry.owner];
      findings.push(
        makeFinding(ENV_CIDR_OVERLAP, {
          message: `${x.environment.name}'s network range ${x.value} overlaps ${y.environment.name}'s ${y.value} (${placeText(y)}). Expected disjoint ranges per environment.`,
          location: locationOf(x, configPath),
          ...(y.place ? { related: [y.place] } : {}),
          subject: `overlap|${x.environment.name}:${x.value}|${y.environment.name}:${y.value}`,
          evidence: { actual: [x.value, y.value], expected: 'disjoint ranges', environments: [x.environment.name, y.environment.name] },
        }),
      );
    }
  });
  return findings;
}

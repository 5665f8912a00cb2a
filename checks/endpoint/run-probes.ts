/**
 * Probes the configured endpoints and judges them: config entries become probe targets (CA
 * files read through the injected reader), each engine collects observations with a bound on
 * concurrency, the evaluation side turns them into findings, and one Report comes out.
 * No process.env, no clock, no filesystem of its own.
 */
import type { EndpointConfig, ProfileName } from '../config/schema.js';
import { compareFindings, type EndpointLocation } from '../model/finding.js';
import type { ErroredOutcome, Report, ScanTarget } from '../model/report.js';
import { emptyReport } from '../model/report.js';
import { TOOL } from '../version.js';
import { BudgetExceeded, timeoutsFor, type Engine, type ProbeResult, type ProbeTarget } from './engine.js';
import { EngineFailure } from './engines/process.js';
import { evaluateEndpoint } from './evaluate.js';
import type { EndpointObservation, EngineName } from './observation.js';
import { nativeEngine } from './probe/native-engine.js';
import { loadProfile, type TlsProfile } from './profiles/index.js';

/** Builds the engine for a name and optional binary path; `undefined` when it is not available. */
export type EngineFactory = (name: EngineName, enginePath: string | undefined) => Engine | undefined;

export interface ProbeProgress {
  done: number;
  total: number;
  /** The endpoint just finished. */
  url: string;
}

export interface RunProbesRequest {
  endpoints: readonly EndpointConfig[];
  /** The run's profile; an endpoint's own `profile` overrides it. */
  profile: ProfileName;
  /** The run's engine (default `native`); an endpoint's own `engine` overrides it. */
  engine?: EngineName;
  enginePath?: string;
  /** Budget per endpoint, milliseconds (config `probe.timeout`). */
  timeoutMs: number;
  concurrency: number;
  /** Reads an endpoint's `ca` file (path as configured, relative to the repository root). */
  readFile: (path: string) => Promise<string>;
  now: () => Date;
  /** Default: the native engine only. */
  engines?: EngineFactory;
  onProgress?: (progress: ProbeProgress) => void;
}

interface Planned {
  endpoint: EndpointConfig;
  target: ProbeTarget;
  engine: EngineName;
  enginePath: string | undefined;
  profile: TlsProfile;
}

export const nativeOnly: EngineFactory = (name) => (name === 'native' ? nativeEngine : undefined);

function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** The probe target of one endpoint entry, given its CA file's contents. */
export function probeTargetOf(endpoint: EndpointConfig, caPem: readonly string[]): ProbeTarget {
  const url = new URL(endpoint.url);
  const target: ProbeTarget = {
    url: endpoint.url,
    host: hostOf(url),
    port: url.port ? Number(url.port) : 443,
    path: `${url.pathname}${url.search}`,
    httpUrl: endpoint.http ?? `http://${url.hostname}/`,
    caPem: [...caPem],
  };
  if (endpoint.address !== undefined) target.address = endpoint.address;
  return target;
}

function endpointError(endpoint: EndpointConfig, category: ErroredOutcome['category'], message: string): ErroredOutcome {
  const location: EndpointLocation = { kind: 'endpoint', url: endpoint.url };
  if (endpoint.address) location.address = endpoint.address;
  if (endpoint.line !== undefined) location.configLine = endpoint.line;
  return { category, target: endpoint.url, message, location };
}

async function plan(request: RunProbesRequest): Promise<{ planned: Planned[]; errors: ErroredOutcome[] }> {
  const results = await Promise.all(
    request.endpoints.map(async (endpoint): Promise<Planned | { error: ErroredOutcome }> => {
      let caPem: string[] = [];
      if (endpoint.ca !== undefined) {
        try {
          caPem = [await request.readFile(endpoint.ca)];
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return { error: endpointError(endpoint, 'config', `could not read the trust anchors ${endpoint.ca} of ${endpoint.url}: ${reason}`) };
        }
        if (!caPem[0]?.includes('-----BEGIN CERTIFICATE-----')) {
          return { error: endpointError(endpoint, 'config', `${endpoint.ca} (ca of ${endpoint.url}) holds no PEM certificate; expected "-----BEGIN CERTIFICATE-----" blocks`) };
        }
      }
      return {
        endpoint,
        target: probeTargetOf(endpoint, caPem),
        engine: endpoint.engine ?? request.engine ?? 'native',
        enginePath: endpoint['engine-path'] ?? request.enginePath,
        profile: loadProfile(endpoint.profile ?? request.profile),
      };
    }),
  );
  return {
    planned: results.flatMap((result) => ('error' in result ? [] : [result])),
    errors: results.flatMap((result) => ('error' in result ? [result.error] : [])),
  };
}

/** Groups by engine and binary, keeping the configured order inside each group. */
function groupByEngine(planned: readonly Planned[]): Planned[][] {
  const groups = new Map<string, Planned[]>();
  for (const entry of planned) {
    const key = `${entry.engine}\u0000${entry.enginePath ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Probes and judges every endpoint; one endpoint's failure never hides another's results. */
export async function runProbes(request: RunProbesRequest): Promise<Report> {
  const startedAt = request.now();
  const report = emptyReport(TOOL, startedAt.toISOString());
  const runProfile = loadProfile(request.profile);
  report.profile = { name: runProfile.name, version: runProfile.version, source: runProfile.source };
  const { planned, errors } = await plan(request);
  report.errors.push(...errors);
  const factory = request.engines ?? nativeOnly;
  const total = planned.length;
  let done = 0;
  const observe = (observation: EndpointObservation): void => {
    done += 1;
    request.onProgress?.({ done, total, url: observation.url });
  };
  for (const group of groupByEngine(planned)) {
    const [first] = group;
    if (!first) continue;
    const engine = factory(first.engine, first.enginePath);
    if (!engine) {
      for (const entry of group) report.errors.push(endpointError(entry.endpoint, 'engine', `the ${entry.engine} engine is not available in this run`));
      continue;
    }
    let results: ProbeResult[];
    try {
      results = await engine.probe(
        group.map((entry) => entry.target),
        { timeouts: timeoutsFor(request.timeoutMs), concurrency: request.concurrency, now: request.now, onObservation: observe },
      );
    } catch (error) {
      for (const entry of group) report.errors.push(endpointError(entry.endpoint, 'engine', `the ${entry.engine} engine failed: ${messageOf(error)}`));
      continue;
    }
    group.forEach((entry, index) => {
      const result = results[index];
      if (!result) {
        report.errors.push(endpointError(entry.endpoint, 'engine', `the ${entry.engine} engine returned no observation`));
        return;
      }
      if (result.status === 'rejected') {
        const category = result.reason instanceof EngineFailure ? 'engine' : result.reason instanceof BudgetExceeded ? 'timeout' : 'bug';
        report.errors.push(endpointError(entry.endpoint, category, `probing ${entry.target.url} with the ${entry.engine} engine failed: ${messageOf(result.reason)}`));
        return;
      }
      const observation = result.value;
      const target: ScanTarget = { kind: 'endpoint', url: entry.target.url, engine: engine.name };
      if (observation.address ?? entry.target.address) target.address = observation.address ?? entry.target.address;
      report.targets.push(target);
      if (entry.profile.name !== runProfile.name) report.notes.push(`${entry.target.url} was judged against profile ${entry.profile.name} ${entry.profile.version}`);
      try {
        const evaluation = evaluateEndpoint(observation, entry.profile, request.now(), entry.endpoint.line);
        report.findings.push(...evaluation.findings);
        report.unknown.push(...evaluation.unknown);
      } catch (error) {
        report.errors.push(endpointError(entry.endpoint, 'bug', `evaluating ${entry.target.url} failed: ${messageOf(error)}`));
      }
    });
  }
  report.findings.sort(compareFindings);
  report.finishedAt = request.now().toISOString();
  return report;
}

/**
 * The endpoint family's collect step: config entries become probe targets (CA files read
 * through the injected reader), and each backend probes its share with a bound on concurrency.
 * Observations come out, and an errored outcome for each endpoint that gave none; nothing is
 * judged here (evaluate.ts). No process.env, no clock, no filesystem of its own.
 */
import type { EndpointConfig, ProfileName } from '../config/schema.js';
import type { ErroredOutcome } from '../model/report.js';
import type { EndpointLocation } from '../model/finding.js';
import { BudgetExceeded, timeoutsFor, type Backend, type ProbeResult, type ProbeTarget } from './backend.js';
import { BackendFailure } from './backends/process.js';
import type { EndpointObservation, BackendName } from './model.js';
import { nativeBackend } from './probe/native-backend.js';
import { loadProfile, type TlsProfile } from './profiles/index.js';

/** Builds the backend for a name and optional binary path; `undefined` when it is not available. */
export type BackendFactory = (name: BackendName, enginePath: string | undefined) => Backend | undefined;

export interface ProbeProgress {
  done: number;
  total: number;
  /** The endpoint just finished. */
  url: string;
}

/** What `checkEndpoints` (index.ts) takes; collecting needs all of it but the judging. */
export interface CheckEndpointsRequest {
  endpoints: readonly EndpointConfig[];
  /** The run's profile; an endpoint's own `profile` overrides it. */
  profile: ProfileName;
  /** The run's backend, config key `engine` (default `native`); an endpoint's own `engine` overrides it. */
  engine?: BackendName;
  enginePath?: string;
  /** Budget per endpoint, milliseconds (config `probe.timeout`). */
  timeoutMs: number;
  concurrency: number;
  /** Reads an endpoint's `ca` file (path as configured, relative to the repository root). */
  readFile: (path: string) => Promise<string>;
  now: () => Date;
  /** Default: the native backend only. */
  backends?: BackendFactory;
  onProgress?: (progress: ProbeProgress) => void;
}

interface Planned {
  endpoint: EndpointConfig;
  target: ProbeTarget;
  engine: BackendName;
  enginePath: string | undefined;
  profile: TlsProfile;
}

export const nativeOnly: BackendFactory = (name) => (name === 'native' ? nativeBackend : undefined);

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

export function endpointError(endpoint: EndpointConfig, category: ErroredOutcome['category'], message: string): ErroredOutcome {
  const location: EndpointLocation = { kind: 'endpoint', url: endpoint.url };
  if (endpoint.address) location.address = endpoint.address;
  if (endpoint.line !== undefined) location.configLine = endpoint.line;
  return { category, target: endpoint.url, message, location };
}

async function plan(request: CheckEndpointsRequest): Promise<{ planned: Planned[]; errors: ErroredOutcome[] }> {
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
          return {
            error: endpointError(
              endpoint,
              'config',
              `${endpoint.ca} (ca of ${endpoint.url}) holds no PEM certificate; expected "-----BEGIN CERTIFICATE-----" blocks`,
            ),
          };
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

/** Groups by backend and binary, keeping the configured order inside each group. */
function groupByBackend(planned: readonly Planned[]): Planned[][] {
  const groups = new Map<string, Planned[]>();
  for (const entry of planned) {
    const key = `${entry.engine}\u0000${entry.enginePath ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()];
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One endpoint observed: its observation, the backend that made it, the profile it is judged against. */
export interface Observed {
  endpoint: EndpointConfig;
  target: ProbeTarget;
  profile: TlsProfile;
  backend: BackendName;
  observation: EndpointObservation;
}

/** Probes every endpoint; one endpoint's failure is its errored outcome alone. */
export async function collectObservations(request: CheckEndpointsRequest): Promise<{ observed: Observed[]; errors: ErroredOutcome[] }> {
  const { planned, errors } = await plan(request);
  const observed: Observed[] = [];
  const factory = request.backends ?? nativeOnly;
  const total = planned.length;
  let done = 0;
  const observe = (observation: EndpointObservation): void => {
    done += 1;
    request.onProgress?.({ done, total, url: observation.url });
  };
  for (const group of groupByBackend(planned)) {
    const [first] = group;
    if (!first) continue;
    const backend = factory(first.engine, first.enginePath);
    if (!backend) {
      for (const entry of group) errors.push(endpointError(entry.endpoint, 'backend', `the ${entry.engine} engine is not available in this run`));
      continue;
    }
    let results: ProbeResult[];
    try {
      results = await backend.probe(
        group.map((entry) => entry.target),
        { timeouts: timeoutsFor(request.timeoutMs), concurrency: request.concurrency, now: request.now, onObservation: observe },
      );
    } catch (error) {
      for (const entry of group) errors.push(endpointError(entry.endpoint, 'backend', `the ${entry.engine} engine failed: ${messageOf(error)}`));
      continue;
    }
    group.forEach((entry, index) => {
      const result = results[index];
      if (!result) {
        errors.push(endpointError(entry.endpoint, 'bug', `the ${entry.engine} engine returned no observation`));
        return;
      }
      if (result.status === 'rejected') {
        const category = result.reason instanceof BackendFailure ? 'backend' : result.reason instanceof BudgetExceeded ? 'timeout' : 'bug';
        errors.push(endpointError(entry.endpoint, category, `probing ${entry.target.url} with the ${entry.engine} engine failed: ${messageOf(result.reason)}`));
        return;
      }
      observed.push({ endpoint: entry.endpoint, target: entry.target, profile: entry.profile, backend: backend.name, observation: result.value });
    });
  }
  return { observed, errors };
}

/**
 * The endpoint family's entry point: collect observations of the configured endpoints
 * (collect.ts), judge each against its profile (evaluate.ts), and return one Report.
 * No process.env, no clock, no filesystem of its own.
 */
import { compareFindings } from '../model/finding.js';
import { emptyReport, type Report, type ScanTarget } from '../model/report.js';
import { TOOL } from '../version.js';
import { collectObservations, endpointError, messageOf, type CheckEndpointsRequest } from './collect.js';
import { evaluateEndpoint } from './evaluate.js';
import { loadProfile } from './profiles/index.js';

export { nativeOnly, probeTargetOf, type BackendFactory, type CheckEndpointsRequest, type ProbeProgress } from './collect.js';

/** Probes and judges every endpoint; one endpoint's failure never hides another's results. */
export async function checkEndpoints(request: CheckEndpointsRequest): Promise<Report> {
  const startedAt = request.now();
  const report = emptyReport(TOOL, startedAt.toISOString());
  const runProfile = loadProfile(request.profile);
  report.profile = { name: runProfile.name, version: runProfile.version, source: runProfile.source };
  const { observed, errors } = await collectObservations(request);
  report.errors.push(...errors);
  for (const { endpoint, target: probed, profile, backend, observation } of observed) {
    const target: ScanTarget = { kind: 'endpoint', url: probed.url, engine: backend };
    if (observation.address ?? probed.address) target.address = observation.address ?? probed.address;
    report.targets.push(target);
    if (profile.name !== runProfile.name) report.notes.push(`${probed.url} was judged against profile ${profile.name} ${profile.version}`);
    try {
      const evaluation = evaluateEndpoint(observation, profile, request.now(), endpoint.line);
      report.findings.push(...evaluation.findings);
      report.unknown.push(...evaluation.unknown);
    } catch (error) {
      report.errors.push(endpointError(endpoint, 'bug', `evaluating ${probed.url} failed: ${messageOf(error)}`));
    }
  }
  report.findings.sort(compareFindings);
  report.finishedAt = request.now().toISOString();
  return report;
}

import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../checks/model/verdict.js';
import { endpointFinding, fileFinding, reportWith } from '../github/builders.js';

describe('verdictOf: the one verdict of CLI exit code, Action step and check run', () => {
  const error = { category: 'timeout' as const, target: 'https://api.example.org/', message: 'no answer to the TLS handshake within 5000 ms' };

  it('Given a finding at or above fail-on, then it fails and names how many block', () => {
    const verdict = verdictOf(reportWith({ findings: [fileFinding(1, { severity: 'high' }), fileFinding(2, { severity: 'low' })] }), { failOn: 'high' });
    expect(verdict).toMatchObject({ outcome: 'fail', summary: '1 blocking finding at or above fail-on: high' });
    expect(verdict.blocking).toHaveLength(1);
  });

  it('Given only findings below fail-on, then it passes', () => {
    expect(verdictOf(reportWith({ findings: [endpointFinding('https://api.example.org', 'hsts')] }), { failOn: 'critical' }).outcome).toBe('pass');
  });

  it('Given something that could not be evaluated and no finding, then it fails and names what', () => {
    expect(verdictOf(reportWith({ errors: [error] }), { failOn: 'high' })).toMatchObject({
      outcome: 'fail',
      errors: [error],
      summary: '1 check could not run (https://api.example.org/)',
    });
  });

  it('Given fail-on never, then nothing fails the gate', () => {
    expect(verdictOf(reportWith({ findings: [fileFinding(1, { severity: 'critical' })], errors: [error] }), { failOn: 'never' }).outcome).toBe('pass');
  });

  it('Given unknown outcomes only, then it passes and counts them for every output', () => {
    const unknown = [{ ruleId: 'CERT-EXPIRED', location: { kind: 'endpoint' as const, url: 'https://api.example.org/' }, message: 'not measured' }];
    expect(verdictOf(reportWith({ unknown }), { failOn: 'high' })).toMatchObject({
      outcome: 'pass',
      unknown: 1,
      summary: 'no blocking findings at or above fail-on: high; 1 rule could not decide (unknown)',
    });
  });

  it('Given a pre-existing, unchanged violation, then it blocks only with blockExisting', () => {
    const report = reportWith({ findings: [fileFinding(1, { change: 'existing' })] });
    expect(verdictOf(report, { failOn: 'high' }).outcome).toBe('pass');
    expect(verdictOf(report, { failOn: 'high', blockExisting: true }).outcome).toBe('fail');
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../checks/config/load-config.js';
import { checkEnvironments } from '../../checks/environments/index.js';
import type { EnvironmentExample } from '../../checks/environments/examples.js';
import { ENV_RULES } from '../../checks/environments/rules.js';
import { locationLabel } from '../../checks/model/finding.js';
import { memoryChangeSet } from '../support/memory-source.js';

async function findingsOf(example: EnvironmentExample) {
  const files = example.config ? { '.github/hipaa-guard.yml': example.config, ...example.files } : example.files;
  const report = await checkEnvironments({ changeSet: memoryChangeSet({}, files), config: parseConfig(example.config), now: new Date('2026-11-23T12:00:00Z') });
  expect(report.errors).toEqual([]);
  return report.findings;
}

describe.each(ENV_RULES.map((rule) => [rule.id, rule.examples] as const))('%s examples', (id, examples) => {
  it.each(examples.bad)('Given a bad example, then exactly its line is reported, as introduced ($at)', async (example) => {
    const findings = (await findingsOf(example)).filter((finding) => finding.ruleId === id);
    expect(findings.map((finding) => [locationLabel(finding.location), finding.change])).toEqual([[example.at, 'introduced']]);
  });

  it.each(examples.good)('Given a good example, then nothing is reported at all', async (example) => {
    expect(await findingsOf(example)).toEqual([]);
  });
});

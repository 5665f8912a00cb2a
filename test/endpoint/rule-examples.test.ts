/**
 * Every endpoint rule's recorded examples, run through the real evaluator under each profile
 * they name: a bad example fires its rule, a good example neither fires nor leaves it unknown.
 */
import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES } from '../../checks/config/schema.js';
import { evaluateEndpoint } from '../../checks/endpoint/evaluate.js';
import { exampleObservation, passingObservation, type EndpointExample } from '../../checks/endpoint/examples.js';
import { loadProfile } from '../../checks/endpoint/profiles/index.js';
import { ENDPOINT_RULES } from '../../checks/endpoint/rules.js';

function judge(example: EndpointExample, profile: (typeof PROFILE_NAMES)[number]) {
  const observation = exampleObservation(example, profile);
  return evaluateEndpoint(observation, loadProfile(profile), new Date(observation.observedAt));
}

const cases = (kind: 'bad' | 'good') =>
  ENDPOINT_RULES.flatMap((rule) =>
    rule.examples[kind].flatMap((example) => example.profiles.map((profile) => ({ rule: rule.id, when: example.when, profile, example }))),
  );

describe('endpoint rule examples', () => {
  it.each(PROFILE_NAMES)('Given the passing observation for %s, then nothing fires and nothing is unknown', (profile) => {
    expect(evaluateEndpoint(passingObservation(profile), loadProfile(profile), new Date(passingObservation(profile).observedAt))).toEqual({
      findings: [],
      unknown: [],
    });
  });

  it.each(cases('bad'))('Given $when, under $profile, then $rule fires', ({ rule, profile, example }) => {
    expect(judge(example, profile).findings.map((finding) => finding.ruleId)).toContain(rule);
  });

  it.each(cases('good'))('Given $when, under $profile, then $rule neither fires nor is unknown', ({ rule, profile, example }) => {
    const { findings, unknown } = judge(example, profile);
    expect([...findings, ...unknown].map((outcome) => outcome.ruleId)).not.toContain(rule);
  });
});

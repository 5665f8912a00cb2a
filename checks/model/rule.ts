import type { Severity } from './finding.js';
import type { Safeguard } from './safeguards.js';

/** Which part of the engine owns a rule; decides the docs section and the SARIF tags. */
export type RuleFamily = 'endpoint' | 'terraform' | 'cloudformation' | 'kubernetes' | 'nginx' | 'environment' | 'general';

/**
 * A rule's bad and good examples: recorded inputs of its family (a file, an observation, a
 * small repository) that the registry-wide tests run through the real engine and the docs show.
 */
export interface RuleExamples<Example> {
  bad: readonly Example[];
  good: readonly Example[];
}

/**
 * A rule's public metadata. The id is permanent public interface (SARIF, suppressions,
 * issues): never rename it; a rename keeps the old id in `aliases`.
 */
export interface Rule<Example = unknown> {
  id: string;
  title: string;
  family: RuleFamily;
  severity: Severity;
  safeguard: Safeguard;
  /** A more specific 164.312 paragraph than the safeguard's own (see CITATIONS). */
  citation?: string;
  /** What the rule checks and why it matters, one paragraph of Markdown. */
  description: string;
  /** What to do about a finding, imperative, one paragraph of Markdown. */
  remediation: string;
  aliases?: string[];
  examples?: RuleExamples<Example>;
}

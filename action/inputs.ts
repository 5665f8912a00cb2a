/**
 * Every input of the Action, read once and validated by one schema. Errors name the input and
 * say what to write instead.
 */
import { z } from 'zod';
import { DEFAULT_CONFIG_PATH } from '../checks/config/load-config.js';
import { FAIL_ON, type FailOn } from '../checks/model/finding.js';

export const MODES = ['auto', 'diff', 'probe', 'all'] as const;
export type Mode = (typeof MODES)[number];

/** `2/4`: the second of four equal shares of the endpoints. */
export interface Shard {
  index: number;
  count: number;
}

export interface ActionSettings {
  config: string;
  mode: Mode;
  token: string;
  /** Unset: the config's `fail-on` (itself `high` by default). */
  failOn?: FailOn;
  /** Unset: the config's `issue-on`, else the run's fail-on. */
  issueOn?: FailOn;
  sarifFile: string;
  /** Unset: on for schedule and workflow_dispatch runs. */
  issues?: boolean;
  maxIssues: number;
  shard?: Shard;
  base?: string;
  head?: string;
  /** A Terraform plan as JSON (`terraform show -json tfplan`), relative to the workspace. */
  plan?: string;
}

/** An input that does not validate: the message names it and what to write instead. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const YAML_TRUE = ['true', 'True', 'TRUE'];
const YAML_FALSE = ['false', 'False', 'FALSE'];
/** An input that may be left empty (its default is then decided elsewhere). */
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(schema.optional());

const inputSchema = z.object({
  config: z.string().transform((value) => value || DEFAULT_CONFIG_PATH),
  mode: z
    .string()
    .transform((value) => value || 'auto')
    .pipe(z.enum(MODES, { error: `write one of ${MODES.join(', ')} (auto: diff on pull_request/push, probe on schedule/workflow_dispatch)` })),
  token: z.string().min(1, { error: 'write `token: ${{ github.token }}` (the default) or a token with checks: write' }),
  'fail-on': optional(z.enum(FAIL_ON, { error: `write one of ${FAIL_ON.join(', ')}` })),
  'issue-on': optional(z.enum(FAIL_ON, { error: `write one of ${FAIL_ON.join(', ')}` })),
  'sarif-file': z.string().transform((value) => value || 'hipaa-guard.sarif'),
  issues: optional(z.enum([...YAML_TRUE, ...YAML_FALSE], { error: 'write true or false' }).transform((value) => YAML_TRUE.includes(value))),
  'max-issues': z
    .string()
    .transform((value) => value || '10')
    .pipe(z.string().regex(/^\d+$/, { error: 'write a whole number such as 10' }).transform(Number)),
  shard: optional(
    z
      .string()
      .regex(/^\d+\/\d+$/, { error: 'write k/n, such as 2/4 (the second of four shares)' })
      .transform((value) => value.split('/').map(Number) as [number, number])
      .refine(([index, count]) => count >= 1 && index >= 1 && index <= count, { error: 'write k/n with 1 <= k <= n, such as 2/4' })
      .transform(([index, count]) => ({ index, count })),
  ),
  base: optional(z.string().regex(/^[^\s-][^\s]*$/, { error: 'write a commit SHA or ref such as main' })),
  head: optional(z.string().regex(/^[^\s-][^\s]*$/, { error: 'write a commit SHA or ref such as HEAD' })),
  plan: optional(z.string().regex(/\.json$/i, { error: 'write the path of the plan JSON, such as plan.json (terraform show -json tfplan > plan.json)' })),
});

export const INPUT_NAMES = Object.keys(inputSchema.shape) as (keyof typeof inputSchema.shape)[];

/** Reads every input through `getInput` (core.getInput on the runner) and validates them together. */
export function readInputs(getInput: (name: string) => string): ActionSettings {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name).trim()]));
  const result = inputSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'input');
      const shown = name === 'token' ? '' : ` is "${raw[name] ?? ''}"`;
      return `input "${name}"${shown}: ${issue.message}`;
    });
    throw new InputError(problems.join('\n'));
  }
  const input = result.data;
  return {
    config: input.config,
    mode: input.mode,
    token: input.token,
    ...(input['fail-on'] ? { failOn: input['fail-on'] } : {}),
    ...(input['issue-on'] ? { issueOn: input['issue-on'] } : {}),
    sarifFile: input['sarif-file'],
    ...(input.issues !== undefined ? { issues: input.issues } : {}),
    maxIssues: input['max-issues'],
    ...(input.shard ? { shard: input.shard } : {}),
    ...(input.base ? { base: input.base } : {}),
    ...(input.head ? { head: input.head } : {}),
    ...(input.plan ? { plan: input.plan } : {}),
  };
}

/** The endpoints of this shard: every `count`-th one starting at `index`, in config order. */
export function shareOf<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, position) => position % shard.count === shard.index - 1);
}

/**
 * GitHub's size limits checked on every write a test sees, in GitHub's units (bytes where GitHub
 * counts bytes), independently of checks/github/limits.ts: the numbers are GitHub's documented
 * ones, written out again here so a wrong constant there fails a test.
 */

const KB64 = 64 * 1024;
const bytes = (text: unknown) => (typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0);
const characters = (text: unknown) => (typeof text === 'string' ? text.length : 0);

interface Annotation {
  title?: unknown;
  message?: unknown;
  raw_details?: unknown;
}

/** Every limit a request body breaks, one line each; empty when GitHub would take its size. */
export function githubLimitProblems(method: string, path: string, body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const problems: string[] = [];
  const over = (what: string, size: number, max: number, unit: string) => {
    if (size > max) problems.push(`${method} ${path}: ${what} is ${size} ${unit}, over GitHub's ${max}`);
  };
  const route = path.split('?')[0] ?? '';
  if (/\/check-runs(\/\d+)?$/.test(route)) {
    const output = (body as { output?: { title?: unknown; summary?: unknown; text?: unknown; annotations?: Annotation[] } }).output;
    if (output) {
      over('output.title', characters(output.title), 255, 'characters');
      over('output.summary', characters(output.summary), 65_535, 'characters');
      over('output.text', characters(output.text), 65_535, 'characters');
      over('the annotations', output.annotations?.length ?? 0, 50, 'annotations');
      for (const [index, annotation] of (output.annotations ?? []).entries()) {
        over(`annotations[${index}].message`, bytes(annotation.message), KB64, 'bytes');
        over(`annotations[${index}].raw_details`, bytes(annotation.raw_details), KB64, 'bytes');
        over(`annotations[${index}].title`, characters(annotation.title), 255, 'characters');
      }
    }
  }
  if (/\/issues(\/\d+)?$/.test(route)) {
    const issue = body as { title?: unknown; body?: unknown };
    over('the issue title', characters(issue.title), 256, 'characters');
    over('the issue body', characters(issue.body), 65_536, 'characters');
  }
  if (/\/issues\/\d+\/comments$/.test(route)) over('the comment body', characters((body as { body?: unknown }).body), 65_536, 'characters');
  return problems;
}

/** GitHub's limit on a job summary (GITHUB_STEP_SUMMARY): 1 MiB. */
export const JOB_SUMMARY_BYTES = 1024 * 1024;

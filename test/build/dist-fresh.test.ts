import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('dist/', () => {
  it('is what `npm run build` makes from the sources (the Action runs the committed bundle)', async () => {
    // When the fronts are rebuilt into a temporary directory and compared with the committed dist/
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(process.execPath, ['scripts/build.mjs', '--check'], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
      });
    });
    // Then nothing differs (else: run `npm run build` and commit dist/)
    expect(result.output).toContain('dist/ is up to date');
    expect(result.code).toBe(0);
  }, 180_000);
});

import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line, `vitest: N passed, N failed, N skipped`, that CI reads whatever the
 * default reporter's formatting.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      // A hook (beforeAll/afterAll) or the file itself failing leaves its tests skipped or passed:
      // count each failed module or suite once, so the line never says 0 failed on a red run.
      const broken = [module, ...module.children.allSuites()].filter((suite) => suite.errors().length > 0).length;
      if (broken) counts.failed += broken;
      else if (module.state() === 'failed' && !module.children.size) counts.failed++;
    }
    process.stdout.write(`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}

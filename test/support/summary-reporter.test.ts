import type { TestModule } from 'vitest/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SummaryReporter from './summary-reporter.js';

type State = 'passed' | 'failed' | 'skipped';

/** A finished module as the reporter sees it: its tests' states, and errors on the module or on one suite. */
function moduleOf(tests: State[], errors: { module?: number; suite?: number } = {}, state: State = 'passed'): TestModule {
  const errorList = (count = 0) => Array.from({ length: count }, () => ({ message: 'hook failed' }));
  const suite = { errors: () => errorList(errors.suite) };
  return {
    state: () => state,
    errors: () => errorList(errors.module),
    children: {
      size: tests.length,
      allTests: () => tests.map((test) => ({ result: () => ({ state: test }) })),
      allSuites: () => [suite],
    },
  } as unknown as TestModule;
}

function summaryOf(modules: TestModule[]): string {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  new SummaryReporter().onTestRunEnd(modules);
  return write.mock.calls.map(([text]) => String(text)).join('');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SummaryReporter', () => {
  it('Given passing, failing and skipped tests, then it counts each', () => {
    expect(summaryOf([moduleOf(['passed', 'failed', 'skipped', 'passed'])])).toBe('\nvitest: 2 passed, 1 failed, 1 skipped\n');
  });

  it('Given a beforeAll that threw (its tests skipped), then the run is not reported as 0 failed', () => {
    expect(summaryOf([moduleOf(['skipped', 'skipped'], { suite: 1 }, 'failed')])).toBe('\nvitest: 0 passed, 1 failed, 2 skipped\n');
  });

  it('Given an afterAll that threw after its tests passed, then it counts one failure', () => {
    expect(summaryOf([moduleOf(['passed'], { module: 1 }, 'failed')])).toBe('\nvitest: 1 passed, 1 failed, 0 skipped\n');
  });

  it('Given a file that failed to load (no tests), then it counts one failure', () => {
    expect(summaryOf([moduleOf([], {}, 'failed')])).toBe('\nvitest: 0 passed, 1 failed, 0 skipped\n');
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/command.js';
import { integerOption, parseCommandLine, readReportSettings, REPORT_OPTIONS } from '../../cli/options.js';

describe('parseCommandLine', () => {
  it('suggests the option the user probably meant', () => {
    expect(() => parseCommandLine(['--formt', 'json'], REPORT_OPTIONS)).toThrow(new UsageError('unknown option --formt; did you mean --format?'));
    expect(() => parseCommandLine(['--fail_on=low'], REPORT_OPTIONS)).toThrow(new UsageError('unknown option --fail_on; did you mean --fail-on?'));
  });

  it('names an unknown option without a guess when nothing is close', () => {
    expect(() => parseCommandLine(['--zzzzzzzz'], REPORT_OPTIONS)).toThrow(new UsageError('unknown option --zzzzzzzz'));
  });

  it('says when an option lacks its value', () => {
    expect(() => parseCommandLine(['--format'], REPORT_OPTIONS)).toThrow(UsageError);
  });

  it('returns typed values and positionals', () => {
    const { values, positionals } = parseCommandLine(['https://a.example.org', '--format', 'json', '-o', 'out.json'], REPORT_OPTIONS);

    expect(values).toEqual({ format: 'json', output: 'out.json' });
    expect(positionals).toEqual(['https://a.example.org']);
  });
});

describe('readReportSettings', () => {
  it('defaults to text and checks every value against its list', () => {
    expect(readReportSettings({})).toEqual({ format: 'text' });
    expect(readReportSettings({ format: 'sarif', 'fail-on': 'medium', output: 'r.sarif', config: 'c.yml' })).toEqual({
      format: 'sarif',
      failOn: 'medium',
      output: 'r.sarif',
      configPath: 'c.yml',
    });
    expect(() => readReportSettings({ format: 'html' })).toThrow('--format must be one of text, json, markdown, sarif (got "html")');
    expect(() => readReportSettings({ 'fail-on': 'severe' })).toThrow('--fail-on must be one of critical, high, medium, low, never (got "severe")');
  });
});

describe('integerOption', () => {
  it('accepts whole numbers within bounds only', () => {
    expect(integerOption('timeout', '5000', 100, 300_000)).toBe(5000);
    expect(() => integerOption('timeout', '5s', 100, 300_000)).toThrow('--timeout must be a whole number from 100 to 300000 (got "5s")');
    expect(() => integerOption('concurrency', '0', 1, 256)).toThrow('--concurrency must be a whole number from 1 to 256 (got "0")');
  });
});

import { describe, expect, it } from 'vitest';
import { safeErrorMessage } from '../../checks/github/http-error.js';

describe('safeErrorMessage', () => {
  it("keeps GitHub's status and short message, never the response body", () => {
    const body = '<html><body>upstream error: token ghs_secret123 in trace</body></html>';
    const htmlError = Object.assign(new Error(body), { status: 502, response: { headers: {}, data: body } });
    expect(safeErrorMessage(htmlError)).toBe('GitHub answered HTTP 502');
    const jsonError = Object.assign(new Error('Resource not accessible by integration - https://docs.github.com/...'), {
      status: 403,
      response: { headers: {}, data: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } },
    });
    expect(safeErrorMessage(jsonError)).toBe('GitHub answered HTTP 403: Resource not accessible by integration');
  });

  it('gives other errors on one bounded line', () => {
    expect(safeErrorMessage(new Error('line one\n  line two'))).toBe('line one line two');
    expect(safeErrorMessage('x'.repeat(1000))).toHaveLength(300);
  });
});

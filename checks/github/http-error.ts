/**
 * GitHub's errors as the fronts log them: the HTTP status and GitHub's own short `message`,
 * never a response body. Waiting out rate limits and retrying 5xx answers is the client's job
 * (@octokit/plugin-throttling and plugin-retry: checks/github/client.ts in the Action, Probot's
 * Octokit in the App), not this module's.
 */
interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number';
}

const MESSAGE_LIMIT = 300;

/**
 * One line for a log: for a GitHub error its HTTP status and GitHub's own short `message`, never
 * the response body (Octokit puts a body that is not JSON into `error.message` whole).
 */
export function safeErrorMessage(error: unknown): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, MESSAGE_LIMIT);
  if (isHttpError(error)) {
    const data = error.response?.data;
    const message = typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string' ? data.message : '';
    return `GitHub answered HTTP ${error.status}${message ? `: ${oneLine(message)}` : ''}`;
  }
  return oneLine(error instanceof Error ? error.message : String(error));
}

export function httpStatus(error: unknown): number | undefined {
  return isHttpError(error) ? error.status : undefined;
}

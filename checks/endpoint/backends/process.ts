import type { BackendName } from '../model.js';

/**
 * An external backend could not give an answer: missing binary, wrong version, non-zero exit,
 * time-out, or output that does not parse. Never a verdict on the endpoint: the probe run
 * records it as an `errored` outcome naming the backend, the command and its stderr.
 */
export class BackendFailure extends Error {
  constructor(
    readonly engine: BackendName,
    /** The command as run, for humans: binary and arguments joined with spaces. */
    readonly command: string,
    reason: string,
    /** The first lines of the backend's stderr, when it wrote any. */
    readonly stderrHead = '',
  ) {
    super(`${engine}: ${reason} (command: ${command})${stderrHead ? `; stderr: ${stderrHead}` : ''}`);
    this.name = 'BackendFailure';
  }
}

export interface BackendCommand {
  engine: BackendName;
  file: string;
  /** Passed as an array, never through a shell: host names from config cannot inject commands. */
  args: string[];
  input?: string;
  timeoutMs: number;
  /** Exit codes that still carry a usable result (testssl.sh exits with the count of findings). */
  acceptExitCode?: (code: number) => boolean;
}

const STDERR_LINES = 5;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Runs a backend binary and returns its stdout, or throws BackendFailure saying why not. */
export async function runBackendCommand(command: BackendCommand): Promise<string> {
  const shown = [command.file, ...command.args].join(' ');
  // Loaded on first use: a probe with the native backend never starts a process.
  const { execa } = await import('execa');
  // Its own process group, so a time-out ends the backend and every child it started
  // (testssl.sh is a shell script running openssl): otherwise an orphan keeps the pipes open.
  const subprocess = execa(command.file, command.args, {
    reject: false,
    detached: true,
    maxBuffer: MAX_OUTPUT_BYTES,
    stdin: command.input === undefined ? 'ignore' : 'pipe',
    ...(command.input === undefined ? {} : { input: command.input }),
    env: { LC_ALL: 'C' },
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(subprocess.pid);
  }, command.timeoutMs);
  const result = await subprocess.finally(() => clearTimeout(timer));
  const stderrHead = firstLines(String(result.stderr ?? ''), STDERR_LINES);
  if (timedOut) {
    throw new BackendFailure(command.engine, shown, `no result within ${command.timeoutMs} ms`, stderrHead);
  }
  if ((result as { code?: string }).code === 'ENOENT') {
    throw new BackendFailure(command.engine, shown, `binary not found at "${command.file}"; install it or set engine-path`);
  }
  const exitCode = result.exitCode;
  if (exitCode === undefined) {
    throw new BackendFailure(command.engine, shown, result.shortMessage ?? 'could not be started', stderrHead);
  }
  const accepted = command.acceptExitCode ?? ((code: number) => code === 0);
  if (!accepted(exitCode)) {
    throw new BackendFailure(command.engine, shown, `exited with code ${exitCode}`, stderrHead);
  }
  return String(result.stdout ?? '');
}

/** Checks `file --version`-like output for a minimum version; throws BackendFailure otherwise. */
export async function requireBackendVersion(command: Omit<BackendCommand, 'input'>, pattern: RegExp, minimum: readonly number[]): Promise<string> {
  const output = await runBackendCommand(command);
  const match = pattern.exec(output);
  const shown = [command.file, ...command.args].join(' ');
  if (!match?.[1]) {
    throw new BackendFailure(command.engine, shown, `could not read a version from: ${firstLines(output, 1) || '(no output)'}`);
  }
  const version = match[1];
  if (compareVersions(version.split('.').map(Number), minimum) < 0) {
    throw new BackendFailure(command.engine, shown, `version ${version} is older than the ${minimum.join('.')} hipaa-guard needs`);
  }
  return version;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function firstLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, count)
    .join(' | ');
}

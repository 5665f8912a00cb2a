/**
 * The command dispatcher: one line per command in COMMANDS. A command's module is imported only
 * when it runs (or prints its help), so `--version` and `--help` load nothing but this file and
 * command.ts. Every command returns its exit code; usage and config errors end here as exit 2
 * with a message naming the option or file:line.
 */
import { TOOL } from '../checks/version.js';
import { closestName } from '../checks/config/closest-name.js';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './command.js';

export interface CommandEntry {
  /** One line for the command list. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  probe: { summary: 'probe HTTPS endpoints: TLS, certificates, redirects, HSTS', load: async () => (await import('./probe.js')).probeCommand },
  scan: {
    summary: 'report infrastructure changes that weaken a safeguard, between two git versions or in a Terraform plan',
    load: async () => (await import('./scan.js')).scanCommand,
  },
  demo: { summary: 'probe a loopback lab of good and broken TLS set-ups and print the report', load: async () => (await import('./demo.js')).demoCommand },
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    `${TOOL.name} ${TOOL.version}: keeps the HIPAA technical safeguards (45 CFR 164.312) from eroding`,
    '',
    'Usage: hipaa-guard <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `hipaa-guard <command> --help` for its options; `hipaa-guard --version` for the version.',
    '',
  ].join('\n');
}

/** A bad config file: its class lives with the config loader, which the command has loaded by then. */
async function isConfigError(error: unknown): Promise<boolean> {
  return error instanceof (await import('../checks/config/load-config.js')).ConfigError;
}

/** Runs one command line (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${TOOL.version}\n`);
    return EXIT_OK;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const suggestion = closestName(name, Object.keys(COMMANDS));
    io.stderr.write(
      `hipaa-guard: unknown command "${name}"${suggestion ? `; did you mean ${suggestion}?` : ''} (commands: ${Object.keys(COMMANDS).join(', ')})\n`,
    );
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`hipaa-guard ${name}: ${error.message}\nRun \`hipaa-guard ${name} --help\` for usage.\n`);
      return EXIT_USAGE;
    }
    if (await isConfigError(error)) {
      io.stderr.write(`hipaa-guard ${name}: invalid config\n${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/**
 * The command dispatcher: one line per command in COMMANDS. Every command returns its exit code;
 * usage and config errors end here as exit 2 with a message naming the option or file:line.
 */
import { ConfigError } from '../checks/config/load-config.js';
import { TOOL } from '../checks/version.js';
import { demoCommand } from './demo.js';
import { closestName, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './options.js';
import { probeCommand } from './probe.js';
import { scanCommand } from './scan.js';

export interface Command {
  /** One line for the command list. */
  summary: string;
  /** The command's full help text. */
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  probe: probeCommand,
  scan: scanCommand,
  demo: demoCommand,
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
  const command = COMMANDS[name];
  if (!command) {
    const suggestion = closestName(name, Object.keys(COMMANDS));
    io.stderr.write(`hipaa-guard: unknown command "${name}"${suggestion ? `; did you mean ${suggestion}?` : ''} (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return EXIT_USAGE;
  }
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
    if (error instanceof ConfigError) {
      io.stderr.write(`hipaa-guard ${name}: invalid config\n${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

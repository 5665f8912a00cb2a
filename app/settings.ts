/**
 * Everything the App reads from its environment, read once and validated by one schema.
 * A problem is one line naming the variable and saying what to set instead.
 */
import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import { parseAllowNetworks } from '../checks/endpoint/address-guard.js';
import { parseCron, type CronSchedule } from './cron.js';

export interface AppSettings {
  appId: number;
  /** PEM text of the app's private key. */
  privateKey: string;
  webhookSecret: string;
  host?: string;
  port: number;
  /** GitHub's REST API root: api.github.com, or `<GHE_PROTOCOL>://<GHE_HOST>/api/v3`. */
  baseUrl: string;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** Shared secret of `POST /sweep`; absent = route disabled. */
  sweepSecret?: string;
  /** When nightly sweeps run; absent = no in-process schedule. */
  sweepSchedule?: CronSchedule;
  /** Installations start their sweep spread over this window after each firing. */
  sweepJitterMs: number;
  /** Probing stops for the sweep once this much time has gone. */
  sweepBudgetMs: number;
  maxEndpointsPerRepo: number;
  /** CIDRs an operator lets the prober reach although they are internal. */
  allowNetworks: string[];
  /** Sweeps shared by every replica through Redis (`REDIS_URL`); absent: in process. */
  queue?: QueueSettings;
}

export interface QueueSettings {
  redisUrl: string;
  /** Sweep jobs one replica runs at once. */
  concurrency: number;
  /** Repositories swept per installation per hour, at most. */
  repositoriesPerHour: number;
  /** How long a replica holds a job without renewing; a dead replica's jobs move on after it. */
  lockDurationMs: number;
}

export class SettingsError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'SettingsError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** Reads PRIVATE_KEY_PATH; injected so tests need no files. */
export type ReadKeyFile = (path: string) => string;

/** PRIVATE_KEY as PEM, PEM with literal `\n`, or base64 of PEM (as Probot accepts it). */
function decodeKey(text: string): string {
  const trimmed = text.trim();
  if (trimmed.includes('-----BEGIN')) return trimmed.replace(/\\n/g, '\n');
  return Buffer.from(trimmed, 'base64').toString('utf8');
}

function isPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'rsa';
  } catch {
    return false;
  }
}

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string({ error: `expected ${what}` })
    .regex(/^\d+$/, `expected ${what}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `expected ${what} between ${min} and ${max}`);

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
const DEFAULT_SWEEP_CRON = '0 3 * * *';

const environmentSchema = z.object({
  APP_ID: wholeNumber(1, Number.MAX_SAFE_INTEGER, "the App ID from the app's settings page (a number)"),
  WEBHOOK_SECRET: z
    .string({ error: "set it to the webhook secret entered in the app's settings" })
    .min(1, "set it to the webhook secret entered in the app's settings"),
  HOST: z.string().min(1).optional(),
  PORT: wholeNumber(0, 65535, 'a TCP port').default(3000),
  GHE_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, 'expected a host name such as github.example.org, without scheme or path')
    .optional(),
  GHE_PROTOCOL: z.enum(['https', 'http'], { error: 'expected https or http' }).default('https'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  SWEEP_SECRET: z.string().min(32, 'use at least 32 random characters (e.g. openssl rand -hex 32), or unset it to disable POST /sweep').optional(),
  HIPAA_GUARD_SWEEP_CRON: z.string().default(DEFAULT_SWEEP_CRON),
  HIPAA_GUARD_SWEEP_JITTER_MINUTES: wholeNumber(0, 24 * 60, 'minutes').default(30),
  HIPAA_GUARD_SWEEP_BUDGET_MINUTES: wholeNumber(1, 24 * 60, 'minutes').default(60),
  HIPAA_GUARD_MAX_ENDPOINTS_PER_REPO: wholeNumber(1, 1000, 'a count').default(50),
  HIPAA_GUARD_ALLOW_NETWORKS: z.string().default(''),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'expected redis://host:port (or rediss:// for TLS), or unset it to sweep in process')
    .optional(),
  HIPAA_GUARD_QUEUE_CONCURRENCY: wholeNumber(1, 64, 'a count').default(4),
  HIPAA_GUARD_REPOS_PER_HOUR: wholeNumber(1, 100_000, 'a count').default(500),
  HIPAA_GUARD_QUEUE_LOCK_SECONDS: wholeNumber(1, 3600, 'seconds').default(30),
});

function readPrivateKey(env: Environment, readKeyFile: ReadKeyFile): string {
  if (env.PRIVATE_KEY) {
    const pem = decodeKey(env.PRIVATE_KEY);
    if (!isPrivateKey(pem)) throw new SettingsError('PRIVATE_KEY', "not an RSA private key in PEM form; paste the .pem downloaded from the app's settings");
    return pem;
  }
  if (env.PRIVATE_KEY_PATH) {
    let text: string;
    try {
      text = readKeyFile(env.PRIVATE_KEY_PATH);
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
      throw new SettingsError('PRIVATE_KEY_PATH', `cannot read ${env.PRIVATE_KEY_PATH} (${code})`);
    }
    if (!isPrivateKey(text)) throw new SettingsError('PRIVATE_KEY_PATH', `${env.PRIVATE_KEY_PATH} is not an RSA private key in PEM form`);
    return text;
  }
  throw new SettingsError('PRIVATE_KEY', "set PRIVATE_KEY to the app's private key, or PRIVATE_KEY_PATH to its .pem file");
}

function parseOr<T>(variable: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new SettingsError(variable, error instanceof Error ? error.message : String(error));
  }
}

/** Reads and validates the App's settings; throws one SettingsError for the first problem. */
export function readAppSettings(env: Environment, readKeyFile: ReadKeyFile): AppSettings {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new SettingsError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid');
  }
  const values = result.data;
  const privateKey = readPrivateKey(env, readKeyFile);
  const cron = values.HIPAA_GUARD_SWEEP_CRON.trim();
  const sweepSchedule = cron === 'off' ? undefined : parseOr('HIPAA_GUARD_SWEEP_CRON', () => parseCron(cron));
  // Evaluate once so an expression that never fires is refused at start, not at midnight.
  if (sweepSchedule) parseOr('HIPAA_GUARD_SWEEP_CRON', () => sweepSchedule.next(new Date(0)));
  return {
    appId: values.APP_ID,
    privateKey,
    webhookSecret: values.WEBHOOK_SECRET,
    ...(values.HOST ? { host: values.HOST } : {}),
    port: values.PORT,
    baseUrl: values.GHE_HOST ? `${values.GHE_PROTOCOL}://${values.GHE_HOST}/api/v3` : 'https://api.github.com',
    logLevel: values.LOG_LEVEL,
    ...(values.SWEEP_SECRET ? { sweepSecret: values.SWEEP_SECRET } : {}),
    ...(sweepSchedule ? { sweepSchedule } : {}),
    sweepJitterMs: values.HIPAA_GUARD_SWEEP_JITTER_MINUTES * 60_000,
    sweepBudgetMs: values.HIPAA_GUARD_SWEEP_BUDGET_MINUTES * 60_000,
    maxEndpointsPerRepo: values.HIPAA_GUARD_MAX_ENDPOINTS_PER_REPO,
    allowNetworks: parseOr('HIPAA_GUARD_ALLOW_NETWORKS', () => parseAllowNetworks(values.HIPAA_GUARD_ALLOW_NETWORKS)),
    ...(values.REDIS_URL
      ? {
          queue: {
            redisUrl: values.REDIS_URL,
            concurrency: values.HIPAA_GUARD_QUEUE_CONCURRENCY,
            repositoriesPerHour: values.HIPAA_GUARD_REPOS_PER_HOUR,
            lockDurationMs: values.HIPAA_GUARD_QUEUE_LOCK_SECONDS * 1000,
          },
        }
      : {}),
  };
}

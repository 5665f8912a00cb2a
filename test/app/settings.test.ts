import { describe, expect, it } from 'vitest';
import { readAppSettings, SettingsError, type Environment } from '../../app/settings.js';
import { TEST_PRIVATE_KEY } from './keys.js';

const noFiles = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};
const base: Environment = { APP_ID: '123', PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: 'hook-secret' };

function problemOf(env: Environment, readKeyFile = noFiles): string {
  try {
    readAppSettings(env, readKeyFile);
  } catch (error) {
    if (error instanceof SettingsError) return error.message;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('readAppSettings', () => {
  it('Given the three credentials only, when read, then defaults fill the rest', () => {
    const settings = readAppSettings(base, noFiles);
    expect({ ...settings, privateKey: settings.privateKey.slice(0, 31), sweepSchedule: settings.sweepSchedule?.expression }).toEqual({
      appId: 123,
      privateKey: '-----BEGIN RSA PRIVATE KEY-----',
      webhookSecret: 'hook-secret',
      port: 3000,
      baseUrl: 'https://api.github.com',
      logLevel: 'info',
      sweepSchedule: '0 3 * * *',
      sweepJitterMs: 30 * 60_000,
      sweepBudgetMs: 60 * 60_000,
      maxEndpointsPerRepo: 50,
      allowNetworks: [],
    });
  });

  it('Given GitHub Enterprise Server, HOST/PORT and sweep options, when read, then each is honoured', () => {
    const settings = readAppSettings(
      {
        ...base,
        GHE_HOST: 'github.example.org',
        GHE_PROTOCOL: 'http',
        HOST: '127.0.0.1',
        PORT: '8080',
        SWEEP_SECRET: 'x'.repeat(32),
        HIPAA_GUARD_SWEEP_CRON: 'off',
        HIPAA_GUARD_ALLOW_NETWORKS: '127.0.0.1/32',
      },
      noFiles,
    );
    expect(settings).toMatchObject({
      baseUrl: 'http://github.example.org/api/v3',
      host: '127.0.0.1',
      port: 8080,
      sweepSecret: 'x'.repeat(32),
      allowNetworks: ['127.0.0.1/32'],
    });
    expect(settings.sweepSchedule).toBeUndefined();
  });

  it('Given the key as base64 or with literal \\n, when read, then it decodes to the same PEM', () => {
    const base64 = Buffer.from(TEST_PRIVATE_KEY).toString('base64');
    const escaped = TEST_PRIVATE_KEY.trim().replace(/\n/g, '\\n');
    expect(readAppSettings({ ...base, PRIVATE_KEY: base64 }, noFiles).privateKey.trim()).toBe(TEST_PRIVATE_KEY.trim());
    expect(readAppSettings({ ...base, PRIVATE_KEY: escaped }, noFiles).privateKey).toBe(TEST_PRIVATE_KEY.trim());
  });

  it('Given PRIVATE_KEY_PATH, when read, then the key comes from that file', () => {
    const { PRIVATE_KEY: _unused, ...withoutKey } = base;
    const settings = readAppSettings({ ...withoutKey, PRIVATE_KEY_PATH: '/keys/app.pem' }, (path) =>
      path === '/keys/app.pem' ? TEST_PRIVATE_KEY : noFiles(path),
    );
    expect(settings.privateKey).toBe(TEST_PRIVATE_KEY);
  });

  it.each<[string, Environment, string]>([
    ['APP_ID missing', { PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: 's' }, "APP_ID: expected the App ID from the app's settings page (a number)"],
    ['APP_ID not a number', { ...base, APP_ID: 'my-app' }, "APP_ID: expected the App ID from the app's settings page (a number)"],
    ['WEBHOOK_SECRET missing', { APP_ID: '1', PRIVATE_KEY: TEST_PRIVATE_KEY }, "WEBHOOK_SECRET: set it to the webhook secret entered in the app's settings"],
    ['no key at all', { APP_ID: '1', WEBHOOK_SECRET: 's' }, "PRIVATE_KEY: set PRIVATE_KEY to the app's private key, or PRIVATE_KEY_PATH to its .pem file"],
    [
      'a key that is not PEM',
      { ...base, PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----' },
      'PRIVATE_KEY: not an RSA private key in PEM form',
    ],
    ['an unreadable key file', { APP_ID: '1', WEBHOOK_SECRET: 's', PRIVATE_KEY_PATH: '/nope.pem' }, 'PRIVATE_KEY_PATH: cannot read /nope.pem (ENOENT)'],
    ['a bad port', { ...base, PORT: '70000' }, 'PORT: expected a TCP port between 0 and 65535'],
    ['a GHE_HOST with a scheme', { ...base, GHE_HOST: 'https://github.example.org' }, 'GHE_HOST: expected a host name such as github.example.org'],
    ['a short sweep secret', { ...base, SWEEP_SECRET: 'hunter2' }, 'SWEEP_SECRET: use at least 32 random characters'],
    [
      'a bad cron',
      { ...base, HIPAA_GUARD_SWEEP_CRON: '0 25 * * *' },
      'HIPAA_GUARD_SWEEP_CRON: invalid cron expression "0 25 * * *": hour "25" is outside 0-23',
    ],
    ['a bare address in the allowlist', { ...base, HIPAA_GUARD_ALLOW_NETWORKS: '127.0.0.1' }, 'HIPAA_GUARD_ALLOW_NETWORKS: "127.0.0.1" is not a CIDR'],
  ])('Given %s, when read, then one line names the variable', (_case, env, message) => {
    expect(problemOf(env)).toContain(message);
  });

  it('Given a bad key, when refused, then the message does not echo the key', () => {
    const secretish = '-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END RSA PRIVATE KEY-----';
    expect(problemOf({ ...base, PRIVATE_KEY: secretish })).not.toContain('c2VjcmV0');
  });
});

describe('readAppSettings: the shared sweep queue', () => {
  it('Given no REDIS_URL, when read, then sweeps stay in process (no queue settings)', () => {
    expect(readAppSettings(base, noFiles).queue).toBeUndefined();
  });

  it('Given REDIS_URL and the queue options, when read, then each is honoured', () => {
    const settings = readAppSettings(
      {
        ...base,
        REDIS_URL: 'redis://redis.internal:6379',
        HIPAA_GUARD_QUEUE_CONCURRENCY: '8',
        HIPAA_GUARD_REPOS_PER_HOUR: '900',
        HIPAA_GUARD_QUEUE_LOCK_SECONDS: '45',
      },
      noFiles,
    );
    expect(settings.queue).toEqual({ redisUrl: 'redis://redis.internal:6379', concurrency: 8, repositoriesPerHour: 900, lockDurationMs: 45_000 });
    expect(readAppSettings({ ...base, REDIS_URL: 'rediss://cache:6380' }, noFiles).queue).toEqual({
      redisUrl: 'rediss://cache:6380',
      concurrency: 4,
      repositoriesPerHour: 500,
      lockDurationMs: 30_000,
    });
  });

  it('Given a REDIS_URL that is not a redis URL, when read, then the problem names the variable', () => {
    expect(problemOf({ ...base, REDIS_URL: 'localhost:6379' })).toBe(
      'REDIS_URL: expected redis://host:port (or rediss:// for TLS), or unset it to sweep in process',
    );
    expect(problemOf({ ...base, REDIS_URL: 'redis://x', HIPAA_GUARD_QUEUE_CONCURRENCY: '0' })).toBe(
      'HIPAA_GUARD_QUEUE_CONCURRENCY: expected a count between 1 and 64',
    );
  });
});

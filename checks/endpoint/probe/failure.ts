/**
 * Turns the many ways a connection can fail into the observation's reachability kinds, and
 * tells a server's refusal (an alert, a reset) apart from a refusal by our own TLS client.
 */
import type { UnreachableKind } from '../model.js';

export interface ProbeFailure {
  kind: UnreachableKind;
  /** One line for humans, naming the address: `connect ECONNREFUSED 127.0.0.1:8443`. */
  detail: string;
  /** True when our own client refused before the server had its say (no verdict on the server). */
  local: boolean;
  /**
   * True when the server turned the offer down: an alert, a hang-up, or a ServerHello at a
   * version we did not offer. Only this settles "not accepted".
   */
  serverRefused: boolean;
}

/** OpenSSL reasons that mean our client could not even offer what was asked. */
const LOCAL_CODES = new Set([
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_NO_CIPHERS_AVAILABLE',
  'ERR_SSL_NO_CIPHER_MATCH',
  'ERR_SSL_NO_SUITABLE_KEY_SHARE',
  'ERR_TLS_INVALID_PROTOCOL_VERSION',
  'ERR_TLS_PROTOCOL_VERSION_CONFLICT',
  'ERR_SSL_DH_KEY_TOO_SMALL',
  'ERR_SSL_EE_KEY_TOO_SMALL',
  'ERR_SSL_CA_MD_TOO_WEAK',
  'ERR_SSL_CA_KEY_TOO_SMALL',
]);

/** First line of an error message, without OpenSSL's `80FC...:error:0A00042E:` prefix or file names. */
function oneLine(message: string): string {
  const first = message.split('\n')[0] ?? message;
  const openssl = /error:[0-9A-F]+:SSL routines:[^:]*:([^:]+)/.exec(first);
  return (openssl?.[1] ?? first).trim();
}

export function failureOf(error: unknown, where: string): ProbeFailure {
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? oneLine(error.message) : String(error);
  const detail = message.includes(where) ? message : `${message} (${where})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { kind: 'dns', detail, local: false, serverRefused: false };
  if (code === 'ECONNREFUSED') return { kind: 'refused', detail, local: false, serverRefused: false };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return { kind: 'reset', detail, local: false, serverRefused: true };
  if (code === 'ETIMEDOUT') return { kind: 'timeout', detail, local: false, serverRefused: false };
  if (LOCAL_CODES.has(code)) return { kind: 'protocol', detail: `our client refused: ${detail}`, local: true, serverRefused: false };
  if (code.includes('_ALERT_')) return { kind: 'tls-alert', detail, local: false, serverRefused: true };
  return { kind: 'protocol', detail, local: false, serverRefused: code === 'ERR_SSL_UNSUPPORTED_PROTOCOL' };
}

export function timeoutFailure(step: string, ms: number, where: string): ProbeFailure {
  return { kind: 'timeout', detail: `no answer to ${step} within ${Math.round(ms)} ms (${where})`, local: false, serverRefused: false };
}

/** The server hung up before answering: it refused the offer. */
export function closedFailure(step: string, where: string): ProbeFailure {
  return { kind: 'reset', detail: `connection closed ${step} (${where})`, local: false, serverRefused: true };
}

/** A deadline shared by every step of one endpoint's probe (monotonic clock by default). */
export class Deadline {
  readonly #end: number;
  readonly #clock: () => number;
  constructor(totalMs: number, clock: () => number = () => performance.now()) {
    this.#clock = clock;
    this.#end = clock() + totalMs;
  }
  /** Milliseconds a step may take: its own limit, cut to what is left of the total. */
  limit(stepMs: number): number {
    return Math.max(0, Math.min(stepMs, this.#end - this.#clock()));
  }
  get expired(): boolean {
    return this.#clock() >= this.#end;
  }
}

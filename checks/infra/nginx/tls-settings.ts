/**
 * Judging the TLS settings nginx and ingress-nginx take as text: protocol lists
 * (`ssl_protocols TLSv1.2 TLSv1.3`) and OpenSSL cipher strings (`HIGH:!aNULL:!MD5`).
 */
import { cipherSuiteByName } from '../../endpoint/cipher-suites.js';
import { atLeast, type Expectation } from '../rule.js';

/** Weakest first: a list is as strong as the oldest protocol it enables. */
const PROTOCOL_ORDER = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
const FIRST_MODERN = PROTOCOL_ORDER.indexOf('TLSv1.2');

/** A protocol list as nginx (`["TLSv1.2", "TLSv1.3"]`) or a ConfigMap (`"TLSv1.2 TLSv1.3"`) holds it. */
function protocolList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];
}

/** The protocol's place from SSLv2 (0) to TLSv1.3 (5); -1 when unknown. */
export function protocolRank(protocol: string): number {
  return PROTOCOL_ORDER.findIndex((known) => known.toLowerCase() === protocol.toLowerCase());
}

/** The protocols of the list older than TLS 1.2. */
export function legacyProtocolsIn(value: unknown): string[] {
  return protocolList(value).filter((protocol) => {
    const rank = protocolRank(protocol);
    return rank >= 0 && rank < FIRST_MODERN;
  });
}

/** Only TLS 1.2 and 1.3; stronger when the oldest enabled protocol is newer. */
export const noLegacyProtocols: Expectation = {
  expected: 'TLSv1.2 and TLSv1.3 only',
  test: (value) => protocolList(value).length > 0 && legacyProtocolsIn(value).length === 0,
  strength: (value) => {
    const ranks = protocolList(value)
      .map(protocolRank)
      .filter((rank) => rank >= 0);
    return ranks.length ? Math.min(...ranks) : undefined;
  },
};

/** OpenSSL cipher-string keywords that select weak suites, and the weakness each brings. */
const WEAK_KEYWORDS: Record<string, readonly string[]> = {
  NULL: ['NULL'],
  ENULL: ['NULL'],
  COMPLEMENTOFALL: ['NULL'],
  ANULL: ['anon'],
  ADH: ['anon'],
  AECDH: ['anon'],
  EXP: ['EXPORT'],
  EXPORT: ['EXPORT'],
  EXPORT40: ['EXPORT'],
  EXPORT56: ['EXPORT'],
  DES: ['DES'],
  LOW: ['DES'],
  '3DES': ['3DES'],
  MEDIUM: ['3DES', 'RC4'],
  RC4: ['RC4'],
  RC2: ['RC2'],
  IDEA: ['IDEA'],
  MD5: ['MD5'],
  // ALL is everything but eNULL: anonymous suites always, RC4, DES and 3DES where OpenSSL still has them.
  ALL: ['anon', 'RC4', 'DES', '3DES'],
  COMPLEMENTOFDEFAULT: ['anon'],
};

/** The weaknesses one cipher-string element selects: a keyword, a suite name, or an `A+B` intersection. */
function weaknessesOf(element: string): string[] {
  const classes = new Set<string>();
  for (const part of element.split('+')) {
    const keyword = WEAK_KEYWORDS[part.toUpperCase()];
    if (keyword) keyword.forEach((weakness) => classes.add(weakness));
    const suite = keyword ? undefined : cipherSuiteByName(part);
    suite?.weak.forEach((weakness) => classes.add(weakness));
    if (suite?.mac === 'MD5') classes.add('MD5');
  }
  return [...classes];
}

/**
 * The weak selections an OpenSSL cipher string leaves enabled, as `element (weaknesses)`.
 * `!X` bans X's weaknesses for good, `-X` removes what was selected so far, as OpenSSL does.
 */
export function weakCiphersIn(cipherString: string): string[] {
  const selected = new Map<string, string[]>();
  const banned = new Set<string>();
  for (const raw of cipherString.split(/[:,\s]+/).filter(Boolean)) {
    const operator = /^[!+-]/.test(raw) ? raw[0] : '';
    const element = operator ? raw.slice(1) : raw;
    if (element.startsWith('@')) continue;
    const weaknesses = weaknessesOf(element);
    if (operator === '!' && !element.includes('+')) weaknesses.forEach((weakness) => banned.add(weakness));
    if (operator === '!' || operator === '-') {
      for (const [name, classes] of selected) if (name === element || classes.every((weakness) => weaknesses.includes(weakness))) selected.delete(name);
    } else if (operator === '' && weaknesses.length) {
      selected.set(element, weaknesses);
    }
  }
  return [...selected].flatMap(([element, classes]) => {
    const left = classes.filter((weakness) => !banned.has(weakness));
    return left.length ? [`${element} (${left.join(', ')})`] : [];
  });
}

/** No suite with NULL or anonymous, EXPORT, DES, 3DES, RC2, RC4, IDEA or MD5; stronger with fewer weak selections. */
export const noWeakCiphers: Expectation = {
  expected: 'no NULL, anonymous, EXPORT, DES, 3DES, RC2, RC4, IDEA or MD5 suites',
  test: (value) => typeof value === 'string' && weakCiphersIn(value).length === 0,
  strength: (value) => (typeof value === 'string' ? -weakCiphersIn(value).length : undefined),
};

/** One year: the HSTS preload list's minimum and the `hipaa` profile's. */
export const HSTS_MIN_MAX_AGE = 31_536_000;

/** At least a year of HSTS, stronger the longer; `0` stands for HSTS off. */
export const hstsMaxAge = atLeast(HSTS_MIN_MAX_AGE, 'seconds of HSTS max-age');

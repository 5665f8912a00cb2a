/** The five technical safeguards of 45 CFR 164.312. */
export const SAFEGUARDS = {
  'access-control': { title: 'Access control', citation: '45 CFR 164.312(a)(1)' },
  'audit-controls': { title: 'Audit controls', citation: '45 CFR 164.312(b)' },
  integrity: { title: 'Integrity', citation: '45 CFR 164.312(c)(1)' },
  authentication: { title: 'Person or entity authentication', citation: '45 CFR 164.312(d)' },
  'transmission-security': { title: 'Transmission security', citation: '45 CFR 164.312(e)(1)' },
} as const;

export type Safeguard = keyof typeof SAFEGUARDS;

export const SAFEGUARD_IDS = Object.keys(SAFEGUARDS) as Safeguard[];

/**
 * Implementation specifications rules may cite instead of the standard itself,
 * e.g. `CITATIONS.encryptionAtRest` for 164.312(a)(2)(iv).
 */
export const CITATIONS = {
  uniqueUserIdentification: '45 CFR 164.312(a)(2)(i)',
  encryptionAtRest: '45 CFR 164.312(a)(2)(iv)',
  integrityMechanism: '45 CFR 164.312(c)(2)',
  transmissionIntegrity: '45 CFR 164.312(e)(2)(i)',
  transmissionEncryption: '45 CFR 164.312(e)(2)(ii)',
} as const;

export function citationOf(safeguard: Safeguard): string {
  return SAFEGUARDS[safeguard].citation;
}

export function safeguardTitle(safeguard: Safeguard): string {
  return SAFEGUARDS[safeguard].title;
}

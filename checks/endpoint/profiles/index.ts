import type { ProfileName } from '../../config/schema.js';
import { HIPAA } from './hipaa.js';
import { MOZILLA_INTERMEDIATE, MOZILLA_MODERN } from './mozilla.js';
import { NIST_800_52R2 } from './nist-800-52r2.js';
import type { TlsProfile } from './types.js';

export type { TlsProfile } from './types.js';

const PROFILES: { readonly [Name in ProfileName]: TlsProfile } = {
  hipaa: HIPAA,
  'nist-800-52r2': NIST_800_52R2,
  'mozilla-intermediate': MOZILLA_INTERMEDIATE,
  'mozilla-modern': MOZILLA_MODERN,
};

/** The named profile. Callers get a deep copy, so no run can change another's policy. */
export function loadProfile(name: ProfileName): TlsProfile {
  return structuredClone(PROFILES[name]);
}

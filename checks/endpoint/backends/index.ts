import type { BackendFactory } from '../index.js';
import { nativeBackend } from '../probe/native-backend.js';
import { withNativeHttpSide } from './http-side.js';
import { createTestsslBackend } from './testssl.js';
import { createTlsScanBackend } from './tls-scan.js';

/** Debian installs testssl.sh as `testssl`; tls-scan has no package and is looked up on the PATH. */
const DEFAULT_ENGINE_BINARIES = { 'tls-scan': 'tls-scan', testssl: 'testssl' } as const;

/**
 * Every backend, external ones run from `backend-path` or the PATH. For fronts whose config is
 * trusted by whoever runs them (the CLI, the Action); the App keeps to the native backend, since
 * a repository's config must not choose a binary for the App's host to run.
 */
export const allBackends: BackendFactory = (name, enginePath) => {
  switch (name) {
    case 'native':
      return nativeBackend;
    case 'tls-scan':
      return withNativeHttpSide(createTlsScanBackend({ binary: enginePath ?? DEFAULT_ENGINE_BINARIES['tls-scan'] }));
    case 'testssl':
      return withNativeHttpSide(createTestsslBackend({ binary: enginePath ?? DEFAULT_ENGINE_BINARIES.testssl }));
  }
};

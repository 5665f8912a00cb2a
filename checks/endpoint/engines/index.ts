import type { EngineFactory } from '../run-probes.js';
import { nativeEngine } from '../probe/native-engine.js';
import { withNativeHttpSide } from './http-side.js';
import { createTestsslEngine } from './testssl.js';
import { createTlsScanEngine } from './tls-scan.js';

/** Debian installs testssl.sh as `testssl`; tls-scan has no package and is looked up on the PATH. */
const DEFAULT_ENGINE_BINARIES = { 'tls-scan': 'tls-scan', testssl: 'testssl' } as const;

/**
 * Every engine, external ones run from `engine-path` or the PATH. For fronts whose config is
 * trusted by whoever runs them (the CLI, the Action); the App keeps to the native engine, since
 * a repository's config must not choose a binary for the App's host to run.
 */
export const allEngines: EngineFactory = (name, enginePath) => {
  switch (name) {
    case 'native':
      return nativeEngine;
    case 'tls-scan':
      return withNativeHttpSide(createTlsScanEngine({ binary: enginePath ?? DEFAULT_ENGINE_BINARIES['tls-scan'] }));
    case 'testssl':
      return withNativeHttpSide(createTestsslEngine({ binary: enginePath ?? DEFAULT_ENGINE_BINARIES.testssl }));
  }
};

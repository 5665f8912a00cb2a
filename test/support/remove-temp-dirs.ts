// A vitest setup file (vitest.config.ts): after each test file, remove the temporary
// directories and repositories its tests made with test/support/temp-repo.ts.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-repo.js';

afterAll(removeTempDirs);

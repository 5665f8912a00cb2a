/** The bundle's entry (dist/action.js): runs the Action. */
import { setFlagsFromString } from 'node:v8';
import { run } from './main.js';

// The HCL parser's 6.5 MB WASM: V8's baseline compiler only (see cli/main.ts); before any parse.
setFlagsFromString('--liftoff-only');

await run();

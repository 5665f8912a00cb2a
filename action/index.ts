/** The bundle's entry (dist/action.js): runs the Action. */
import { run } from './main.js';

await run();

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  scanChanges,
  scanInfra
} from "./chunk-72SB2MDL.js";
import "./chunk-ENYIBBSX.js";
import "./chunk-UBA2LUSE.js";
import "./chunk-HMYS7HSV.js";
import "./chunk-IQ5MC3TQ.js";
import "./chunk-2AJFM67G.js";
export {
  scanChanges,
  scanInfra
};

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  scanChanges,
  scanInfra
} from "./chunk-2236HLTK.js";
import "./chunk-ID2TFFKD.js";
import "./chunk-HEIC7FGY.js";
import "./chunk-YBVP7XOH.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-V7RXUBXW.js";
import "./chunk-BEY6CXLO.js";
export {
  scanChanges,
  scanInfra
};

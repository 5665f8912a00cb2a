import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  scanChanges
} from "./chunk-Q5V4IFUV.js";
import "./chunk-ID2TFFKD.js";
import "./chunk-W2VWFRT6.js";
import "./chunk-3YKCOGHT.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-BOCWSJOM.js";
import "./chunk-BEY6CXLO.js";
export {
  scanChanges
};

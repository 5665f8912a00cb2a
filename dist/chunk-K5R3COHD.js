import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  scanChanges
} from "./chunk-77BKZFF2.js";
import "./chunk-ID2TFFKD.js";
import "./chunk-PARPZBE3.js";
import "./chunk-TI6REDQH.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-XFTZCRV6.js";
import "./chunk-BEY6CXLO.js";
export {
  scanChanges
};

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  scanChanges,
  scanInfra
} from "./chunk-KXLSW2NK.js";
import "./chunk-ID2TFFKD.js";
import "./chunk-HIZVZKL4.js";
import "./chunk-N6PV2AJM.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-U37WMVOU.js";
import "./chunk-BEY6CXLO.js";
export {
  scanChanges,
  scanInfra
};

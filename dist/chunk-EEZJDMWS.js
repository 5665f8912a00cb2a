import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  scanChanges
} from "./chunk-S2YLUVYT.js";
import "./chunk-BGBLBVKQ.js";
import "./chunk-Z3UASL3K.js";
import "./chunk-EQIKNKRI.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-5HGXZVG7.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";
export {
  scanChanges
};

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  scanChanges
} from "./chunk-XSURMWKT.js";
import "./chunk-BGBLBVKQ.js";
import "./chunk-H663KQFO.js";
import "./chunk-5DZSHJ3Q.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-7LLWCPWI.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";
export {
  scanChanges
};

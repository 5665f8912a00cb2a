import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  scanChanges
} from "./chunk-ZCJ7DCP7.js";
import "./chunk-BGBLBVKQ.js";
import "./chunk-ROHD3B77.js";
import "./chunk-YWFXNLSI.js";
import "./chunk-D2S3YVWQ.js";
import "./chunk-WQ6PL2OD.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";
export {
  scanChanges
};

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
} from "./chunk-QWTZXCAF.js";
import "./chunk-YMLOQCHW.js";
import "./chunk-ZUZTPMM4.js";
import "./chunk-JCMDGMNM.js";
import "./chunk-SZGO3UUV.js";
import "./chunk-VUMK23HO.js";
import "./chunk-22KKCDGR.js";
import "./chunk-HEYTCOR3.js";
import "./chunk-EQIKNKRI.js";
import "./chunk-D2S3YVWQ.js";
import "./chunk-5HGXZVG7.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

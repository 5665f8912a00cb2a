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
} from "./chunk-NMUDSZOK.js";
import "./chunk-U55VWPF4.js";
import "./chunk-BVETXHEI.js";
import "./chunk-ERS22GCJ.js";
import "./chunk-SZGO3UUV.js";
import "./chunk-GDU65GER.js";
import "./chunk-22KKCDGR.js";
import "./chunk-QWVI7TF3.js";
import "./chunk-EQIKNKRI.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-5HGXZVG7.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

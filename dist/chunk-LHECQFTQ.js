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
} from "./chunk-KCW3CHEI.js";
import "./chunk-BKEXMDJO.js";
import "./chunk-E6HQE45Y.js";
import "./chunk-ZWDMSFEZ.js";
import "./chunk-SZGO3UUV.js";
import "./chunk-ETKRHZU3.js";
import "./chunk-LX6S6ZJY.js";
import "./chunk-SCGS22PM.js";
import "./chunk-C55DEXK6.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-4YOTUTDI.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

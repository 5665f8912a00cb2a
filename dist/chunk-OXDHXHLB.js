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
} from "./chunk-RFAHM2WP.js";
import "./chunk-O5NLKPM5.js";
import "./chunk-HY544TKQ.js";
import "./chunk-OQX2LG3O.js";
import "./chunk-STUYUDEK.js";
import "./chunk-5PEHJBTT.js";
import "./chunk-IO4GYHHQ.js";
import "./chunk-LWPYBZIC.js";
import "./chunk-N6PV2AJM.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-U37WMVOU.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

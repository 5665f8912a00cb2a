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
} from "./chunk-ZZKF2IJH.js";
import "./chunk-3XY643S2.js";
import "./chunk-RYGMHA5V.js";
import "./chunk-G22PYRG4.js";
import "./chunk-STUYUDEK.js";
import "./chunk-G6IAXBLO.js";
import "./chunk-IO4GYHHQ.js";
import "./chunk-NXBZLA5U.js";
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

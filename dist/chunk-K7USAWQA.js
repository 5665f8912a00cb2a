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
} from "./chunk-FZXAFRKP.js";
import "./chunk-BN63PNNF.js";
import "./chunk-5ZS73552.js";
import "./chunk-B3HNOQ23.js";
import "./chunk-STUYUDEK.js";
import "./chunk-KACTIFOH.js";
import "./chunk-O4SSJDAL.js";
import "./chunk-MBSMVHLL.js";
import "./chunk-HAQYXSBD.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-BGQC4OJG.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

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
} from "./chunk-IYTIU7AY.js";
import "./chunk-LUDFSY72.js";
import "./chunk-ZHS45JQI.js";
import "./chunk-T3PKEU7V.js";
import "./chunk-STUYUDEK.js";
import "./chunk-PRQFAPC4.js";
import "./chunk-QNUSYFJS.js";
import "./chunk-PARPZBE3.js";
import "./chunk-TI6REDQH.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-XFTZCRV6.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

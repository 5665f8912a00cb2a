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
} from "./chunk-2A2SITF5.js";
import "./chunk-KBCGPUX5.js";
import "./chunk-A472R76D.js";
import "./chunk-NN643U7L.js";
import "./chunk-STUYUDEK.js";
import "./chunk-2X6Z5W3Q.js";
import "./chunk-B7NOWVOC.js";
import "./chunk-LQSEDBAJ.js";
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

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
} from "./chunk-66DFISFG.js";
import "./chunk-PQXB662J.js";
import "./chunk-DNK3J26Y.js";
import "./chunk-FLQIAEC4.js";
import "./chunk-NUDWDA7T.js";
import "./chunk-STUYUDEK.js";
import "./chunk-QHEOWIU2.js";
import "./chunk-HMYS7HSV.js";
import "./chunk-IQ5MC3TQ.js";
import "./chunk-2AJFM67G.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

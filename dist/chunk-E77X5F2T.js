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
} from "./chunk-ZZPAWGDQ.js";
import "./chunk-YRLELP7O.js";
import "./chunk-5QMXLAXB.js";
import "./chunk-QSQUGAIL.js";
import "./chunk-STUYUDEK.js";
import "./chunk-LSVGEGXN.js";
import "./chunk-P4J2GAR3.js";
import "./chunk-IYY2YAO7.js";
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

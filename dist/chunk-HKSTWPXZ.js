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
} from "./chunk-DIUQIQ6X.js";
import "./chunk-WEV4S46Y.js";
import "./chunk-2FCZVSTK.js";
import "./chunk-CHRZFBUY.js";
import "./chunk-STUYUDEK.js";
import "./chunk-EYG7A7CC.js";
import "./chunk-B7NOWVOC.js";
import "./chunk-ANJKCWWH.js";
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

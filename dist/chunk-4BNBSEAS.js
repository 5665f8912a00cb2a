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
} from "./chunk-UMGI6JYT.js";
import "./chunk-W4FUDMW2.js";
import "./chunk-A472R76D.js";
import "./chunk-4AYRNJMF.js";
import "./chunk-STUYUDEK.js";
import "./chunk-2X6Z5W3Q.js";
import "./chunk-B7NOWVOC.js";
import "./chunk-HPSRMKIK.js";
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

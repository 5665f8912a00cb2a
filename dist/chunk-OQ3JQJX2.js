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
} from "./chunk-LW4QD6IQ.js";
import "./chunk-UIDR4LBW.js";
import "./chunk-6R7DXXER.js";
import "./chunk-RSOHHQUY.js";
import "./chunk-STUYUDEK.js";
import "./chunk-627LXTML.js";
import "./chunk-RJQG7Y6N.js";
import "./chunk-HEIC7FGY.js";
import "./chunk-YBVP7XOH.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-V7RXUBXW.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

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
} from "./chunk-E53DHTEU.js";
import "./chunk-RRDN4FS5.js";
import "./chunk-LOIZRGTD.js";
import "./chunk-GDKULYLO.js";
import "./chunk-STUYUDEK.js";
import "./chunk-62VEBKAD.js";
import "./chunk-6JZN7LB5.js";
import "./chunk-QSKVDX3F.js";
import "./chunk-2JX7UAD5.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-ITL3TEQD.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

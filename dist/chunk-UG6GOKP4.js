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
} from "./chunk-N3FIQA4B.js";
import "./chunk-GT7FAWTX.js";
import "./chunk-RYGMHA5V.js";
import "./chunk-HDSKN6J3.js";
import "./chunk-STUYUDEK.js";
import "./chunk-G6IAXBLO.js";
import "./chunk-IO4GYHHQ.js";
import "./chunk-JLKVSUYH.js";
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

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
} from "./chunk-CC4EXYD4.js";
import "./chunk-6WZZARGM.js";
import "./chunk-OVN6DOTZ.js";
import "./chunk-DRWA6U6O.js";
import "./chunk-STUYUDEK.js";
import "./chunk-IRSHF6RB.js";
import "./chunk-5AKEFKPK.js";
import "./chunk-W2VWFRT6.js";
import "./chunk-3YKCOGHT.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-BOCWSJOM.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

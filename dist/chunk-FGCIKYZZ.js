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
} from "./chunk-U4NTIJGB.js";
import "./chunk-HOWHVG6R.js";
import "./chunk-BVETXHEI.js";
import "./chunk-E4N4SFHD.js";
import "./chunk-SZGO3UUV.js";
import "./chunk-GDU65GER.js";
import "./chunk-22KKCDGR.js";
import "./chunk-Z3UASL3K.js";
import "./chunk-EQIKNKRI.js";
import "./chunk-2OVPAMWB.js";
import "./chunk-5HGXZVG7.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";
export {
  parseResolve,
  probeCommand,
  probeConfig,
  probeEndpoints
};

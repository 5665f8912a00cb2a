import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  UnreadableFileError
} from "./chunk-BGBLBVKQ.js";

// checks/source/decode-text.ts
var UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var UTF16LE = new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true });
var MIN_BOMLESS_UNITS = 4;
function decodeText(path, bytes) {
  if (startsWith(bytes, [239, 187, 191])) return utf8(path, bytes.subarray(3));
  if (startsWith(bytes, [255, 254, 0, 0]) || startsWith(bytes, [0, 0, 254, 255])) {
    throw new UnreadableFileError(path, "UTF-32 text is not read; save it as UTF-8");
  }
  if (startsWith(bytes, [255, 254])) return utf16(path, bytes.subarray(2), "le");
  if (startsWith(bytes, [254, 255])) return utf16(path, bytes.subarray(2), "be");
  const bomless = bomlessUtf16(bytes);
  if (bomless) return utf16(path, bytes, bomless);
  return utf8(path, bytes);
}
function startsWith(bytes, prefix) {
  return prefix.every((byte, index) => bytes[index] === byte);
}
function utf8(path, bytes) {
  if (bytes.includes(0)) throw new UnreadableFileError(path, "binary content (NUL bytes), not text; not read");
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new UnreadableFileError(path, "not valid UTF-8 (nor UTF-16 with a byte order mark); not read");
  }
}
function utf16(path, bytes, order) {
  if (bytes.length % 2) throw new UnreadableFileError(path, "UTF-16 with an odd number of bytes; not read");
  const little = order === "le" ? bytes : swapPairs(bytes);
  let text;
  try {
    text = UTF16LE.decode(little);
  } catch {
    throw new UnreadableFileError(path, "not valid UTF-16 (an unpaired surrogate); not read");
  }
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text))
    throw new UnreadableFileError(path, "control characters in what decodes as UTF-16: binary, not text; not read");
  return text;
}
function swapPairs(bytes) {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return swapped;
}
function bomlessUtf16(bytes) {
  if (bytes.length % 2 || bytes.length < 2 * MIN_BOMLESS_UNITS) return void 0;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const units = bytes.length / 2;
  if (evenNuls === 0 && oddNuls * 2 > units) return "le";
  if (oddNuls === 0 && evenNuls * 2 > units) return "be";
  return void 0;
}

// checks/source/repo-paths.ts
import { posix } from "node:path";
var STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
var ESCAPE_BASE = 56320;
function decodePath(bytes) {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    let text = "";
    for (let at = 0; at < bytes.length; ) {
      const length = utf8SequenceLength(bytes, at);
      if (length) {
        text += STRICT_UTF8.decode(bytes.subarray(at, at + length));
        at += length;
      } else text += String.fromCharCode(ESCAPE_BASE + bytes[at++]);
    }
    return text;
  }
}
function encodePath(path) {
  if (!/[\udc80-\udcff]/.test(path)) return Buffer.from(path, "utf8");
  const parts = [];
  for (const char of path) {
    const code = char.charCodeAt(0);
    parts.push(char.length === 1 && code >= 56448 && code <= 56575 ? Buffer.of(code - ESCAPE_BASE) : Buffer.from(char, "utf8"));
  }
  return Buffer.concat(parts);
}
function utf8SequenceLength(bytes, at) {
  const lead = bytes[at];
  const length = lead < 128 ? 1 : lead >= 194 && lead <= 223 ? 2 : lead >= 224 && lead <= 239 ? 3 : lead >= 240 && lead <= 244 ? 4 : 0;
  if (length <= 1 || at + length > bytes.length) return length === 1 ? 1 : 0;
  try {
    STRICT_UTF8.decode(bytes.subarray(at, at + length));
    return length;
  } catch {
    return 0;
  }
}
function repositoryPath(path) {
  const relative = posix.normalize(path);
  return relative === ".." || relative.startsWith("../") || relative.startsWith("/") ? void 0 : relative.replace(/\/$/, "");
}
function linkTargetPath(link, target) {
  return target.startsWith("/") ? void 0 : repositoryPath(posix.join(posix.dirname(link), target));
}

// checks/source/unreadable.ts
var MAX_FILE_BYTES = 4 * 1024 * 1024;
var TARGET_SHOWN = 200;
function oversizeError(path, size, limit) {
  return new UnreadableFileError(path, `${size} bytes, over the ${limit}-byte limit for a file hipaa-guard reads; not read`);
}
function linkOutsideError(path, link, target) {
  const shown = JSON.stringify(target.length > TARGET_SHOWN ? `${target.slice(0, TARGET_SHOWN)}\u2026` : target);
  const what = link === path ? `a symbolic link to ${shown}` : `under ${JSON.stringify(link)}, a symbolic link to ${shown}`;
  return new UnreadableFileError(path, `${what}, outside the repository; not read`);
}

export {
  decodeText,
  decodePath,
  encodePath,
  repositoryPath,
  linkTargetPath,
  MAX_FILE_BYTES,
  oversizeError,
  linkOutsideError
};

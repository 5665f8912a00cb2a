import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);

// checks/model/source.ts
var UnreadableFileError = class extends Error {
  constructor(path, reason) {
    super(`${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
    this.name = "UnreadableFileError";
  }
  path;
  reason;
};
var ListingFailedError = class extends Error {
  constructor(side, cause) {
    super(`could not list the files at ${side}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "ListingFailedError";
  }
};
async function listFiles(source, side) {
  try {
    return await source.list();
  } catch (error) {
    throw new ListingFailedError(side, error);
  }
}

export {
  UnreadableFileError,
  ListingFailedError,
  listFiles
};

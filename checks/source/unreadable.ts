/** The reasons a FileSource gives for a file it will not read (UnreadableFileError), in one wording for every source. */
import { UnreadableFileError } from '../model/source.js';

/** Files larger than this are not read (checked before reading, from the size git or the file system reports). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A link target is shown, never more than this many characters of it. */
const TARGET_SHOWN = 200;

export function oversizeError(path: string, size: number, limit: number): UnreadableFileError {
  return new UnreadableFileError(path, `${size} bytes, over the ${limit}-byte limit for a file hipaa-guard reads; not read`);
}

/**
 * A symbolic link that leads out of the repository: the file itself (`link` is `path`) or a
 * directory on its way. Says where it points; what is there is never read.
 */
export function linkOutsideError(path: string, link: string, target: string): UnreadableFileError {
  const shown = JSON.stringify(target.length > TARGET_SHOWN ? `${target.slice(0, TARGET_SHOWN)}…` : target);
  const what = link === path ? `a symbolic link to ${shown}` : `under ${JSON.stringify(link)}, a symbolic link to ${shown}`;
  return new UnreadableFileError(path, `${what}, outside the repository; not read`);
}

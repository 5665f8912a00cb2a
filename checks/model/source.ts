/**
 * How the engine reads a repository at one version, whatever holds it: a git checkout,
 * the working tree, or the GitHub contents API (the App). Paths are repository-relative,
 * with forward slashes.
 */
export interface FileSource {
  /**
   * The file's text, or `undefined` when it does not exist at this version (or is a directory).
   * Rejects with an UnreadableFileError for a file that exists but is not read (a link out of
   * the repository, over the size limit, not text); that refuses this path only, so reading
   * many files is one `read` per path.
   */
  read(path: string): Promise<string | undefined>;
  /** Every file path at this version (environment inference and `--all` need it). */
  list(): Promise<string[]>;
}

export type ChangeStatus = 'added' | 'modified' | 'removed' | 'renamed';

export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  /** The path at base when the file was renamed. */
  previousPath?: string;
}

/** Two versions of a repository and what changed between them. */
export interface ChangeSet {
  base: FileSource;
  head: FileSource;
  changed: ChangedFile[];
  /** Commit ids or refs, for the report. */
  baseRef?: string;
  headRef?: string;
}

/**
 * A file that exists but is not read, for a reason the user must see: a symbolic link out of
 * the repository, a file over the size limit, an encoding that is not text. `read` rejects with
 * it; the scan reports the path and the reason (never the content) and goes on with the rest.
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/** A version's file listing could not be read (git failed, the API refused); reported as a `read` error. */
export class ListingFailedError extends Error {
  constructor(side: 'base' | 'head', cause: unknown) {
    super(`could not list the files at ${side}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ListingFailedError';
  }
}

/** `source.list()`, rejecting with a ListingFailedError that names the side. */
export async function listFiles(source: FileSource, side: 'base' | 'head'): Promise<string[]> {
  try {
    return await source.list();
  } catch (error) {
    throw new ListingFailedError(side, error);
  }
}

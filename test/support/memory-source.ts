import type { ChangedFile, ChangeSet, FileSource } from '../../checks/model/source.js';

/** A repository version held in memory: path → text. */
export type FileMap = Record<string, string>;

export function memorySource(files: FileMap): FileSource {
  return {
    read: (path) => Promise.resolve(Object.hasOwn(files, path) ? files[path] : undefined),
    list: () => Promise.resolve(Object.keys(files).sort()),
  };
}

/** Two versions and the changes between them, as `git diff --name-status` would list them (no rename detection). */
export function memoryChangeSet(base: FileMap, head: FileMap): ChangeSet {
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  const changed = paths.flatMap((path): ChangedFile[] => {
    if (!Object.hasOwn(base, path)) return [{ path, status: 'added' }];
    if (!Object.hasOwn(head, path)) return [{ path, status: 'removed' }];
    return base[path] === head[path] ? [] : [{ path, status: 'modified' }];
  });
  return { base: memorySource(base), head: memorySource(head), changed };
}

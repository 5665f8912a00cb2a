/**
 * Which infrastructure files a scan reads at base and head. A configuration is more than the
 * changed file: a Terraform module's other files and tfvars, the modules it calls, the modules
 * that call it up to their roots; an nginx file's includes and the files that include it. Each
 * format says what one file depends on (`dependenciesOf`, from its text alone); this follows
 * those links forward from every selected file, and backward (who depends on this?) from the
 * changed files and the files found that way, so the cost follows the change and its callers,
 * not the size of the repository.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Report } from '../model/report.js';
import { listFiles, UnreadableFileError, type ChangeSet, type FileSource } from '../model/source.js';
import { detectFormat, INFRA_PARSERS, type InfraFileText } from './formats.js';

export interface InfraSelection {
  head: InfraFileText[];
  base: InfraFileText[];
}

export interface SelectionOptions {
  /** Which paths are infrastructure (`infra.include` / `infra.exclude` and the formats' paths). */
  isInfra: (path: string) => boolean;
  /** `scan --all`: every infra file at head. */
  all?: boolean;
  /**
   * Links the config makes and no file's text shows: a file matching `from` depends on `to`
   * (`infra.cloudformation.parameter-files`: a parameter file on the template it deploys).
   */
  links?: readonly ConfiguredLink[];
}

export interface ConfiguredLink {
  from: string;
  to: string;
}

/** More than any real configuration; a bound on what one changed file can pull in. */
const MAX_SELECTED_FILES = 20_000;
const READ_CONCURRENCY = 32;

export async function selectInfraFiles(changeSet: ChangeSet, options: SelectionOptions, report: Report): Promise<InfraSelection> {
  const { isInfra } = options;
  const changed = changeSet.changed.filter((file) => isInfra(file.path) || (file.previousPath !== undefined && isInfra(file.previousPath)));
  const changedPaths = new Set(changed.flatMap((file) => [file.path, ...(file.previousPath ? [file.previousPath] : [])]));
  const headSeeds = changed.filter((file) => file.status !== 'removed' && isInfra(file.path)).map((file) => file.path);
  const baseSeeds = changed.filter((file) => file.status !== 'added').map((file) => file.previousPath ?? file.path);

  const head = new VersionReader(changeSet.head, 'head', report);
  // An unchanged file is the same at base: its head text is reused, never read twice.
  const base = new VersionReader(changeSet.base, 'base', report, (path) => (changedPaths.has(path) ? undefined : head.text(path)));
  const needsListing = options.all || changed.length > 0;
  const headListing = needsListing ? (await listFiles(changeSet.head, 'head')).filter(isInfra) : [];
  const linksOf = configuredLinks(options.links ?? []);
  const headPaths = options.all ? new Set(headListing) : await closure(headSeeds, headListing, head, linksOf);
  await head.load([...headPaths]);
  const basePaths = baseSeeds.length ? await closure(baseSeeds, (await listFiles(changeSet.base, 'base')).filter(isInfra), base, linksOf) : new Set<string>();
  // Unchanged files read at head are the same at base (with --all: every unchanged file).
  for (const path of headPaths) if (!changedPaths.has(path) && head.text(path) !== undefined) basePaths.add(path);
  await base.load([...basePaths]);
  head.reportFailures(headPaths);
  base.reportFailures(basePaths);
  return { head: head.files(headPaths), base: base.files(basePaths) };
}

/** Reads one version's files once each; failures are kept to be reported for the files that matter. */
class VersionReader {
  private readonly texts = new Map<string, string | undefined>();
  private readonly failures = new Map<string, unknown>();

  constructor(
    private readonly source: FileSource,
    private readonly side: 'base' | 'head',
    private readonly report: Report,
    private readonly reuse: (path: string) => string | undefined = () => undefined,
  ) {}

  text(path: string): string | undefined {
    return this.texts.get(path);
  }

  async load(paths: readonly string[]): Promise<void> {
    const missing: string[] = [];
    for (const path of paths) {
      if (this.texts.has(path) || this.failures.has(path)) continue;
      const reused = this.reuse(path);
      if (reused !== undefined) this.texts.set(path, reused);
      else missing.push(path);
    }
    if (!missing.length) return;
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const path = missing[next++]!;
        try {
          this.texts.set(path, await this.source.read(path));
        } catch (error) {
          this.failures.set(path, error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, missing.length) }, worker));
  }

  /**
   * A file that is selected but could not be read is a visible outcome: a note with the reason
   * when the source refused it (a link out of the repository, not text), else an error. Files
   * read only to find who depends on a change are named in one note.
   */
  reportFailures(selected: ReadonlySet<string>): void {
    const unselected: string[] = [];
    for (const [path, error] of this.failures) {
      if (!selected.has(path)) unselected.push(path);
      else if (error instanceof UnreadableFileError) this.report.notes.push(`infra: ${path} was not read at ${this.side}: ${error.reason}`);
      else
        this.report.errors.push({
          category: 'read',
          target: path,
          message: `could not read ${path} at ${this.side}: ${error instanceof Error ? error.message : String(error)}`,
        });
    }
    if (unselected.length) {
      const named = unselected.sort().slice(0, 5).join(', ');
      this.report.notes.push(
        `infra: ${unselected.length} file(s) could not be read at ${this.side} to find what depends on the changed files (${named}${unselected.length > 5 ? ', …' : ''}); a configuration that reads a changed file through them may be missed`,
      );
    }
  }

  files(paths: ReadonlySet<string>): InfraFileText[] {
    return [...paths]
      .flatMap((path) => {
        const text = this.texts.get(path);
        return text === undefined ? [] : [{ path, text }];
      })
      .sort((a, b) => a.path.localeCompare(b.path));
  }
}

/** Globs compiled once per scan side: many files name the same ones (a module's `dir/*.tf`). */
class Globs {
  private readonly compiled = new Map<string, { matches: (path: string) => boolean; base: string; isGlob: boolean }>();
  private readonly found = new Map<string, string[]>();

  constructor(private readonly byDirectory: ReadonlyMap<string, string[]>) {}

  get(glob: string): { matches: (path: string) => boolean; base: string; isGlob: boolean } {
    let entry = this.compiled.get(glob);
    if (!entry) {
      const scanned = picomatch.scan(glob);
      const dir = posix.dirname(glob) === '.' ? '' : posix.dirname(glob);
      entry = { matches: picomatch(glob, { dot: true }), base: scanned.isGlob ? scanned.base : dir, isGlob: scanned.isGlob };
      this.compiled.set(glob, entry);
    }
    return entry;
  }

  /** Listed paths a dependency glob names. */
  matching(glob: string): string[] {
    let found = this.found.get(glob);
    if (found) return found;
    const { matches, base, isGlob } = this.get(glob);
    found = [];
    if (!isGlob) found = this.byDirectory.get(base)?.filter((path) => path === glob) ?? [];
    else {
      for (const [dir, paths] of this.byDirectory) {
        if (base && dir !== base && !dir.startsWith(`${base}/`)) continue;
        for (const path of paths) if (matches(path)) found.push(path);
      }
    }
    this.found.set(glob, found);
    return found;
  }
}

/** A dependency glob of one file, indexed by the directory it starts in. */
interface Dependency {
  owner: string;
  matches: (path: string) => boolean;
}

/**
 * The seeds and every file linked to them: what a selected file depends on (forward), and,
 * from the seeds and the files found backward, the files that depend on them.
 */
async function closure(seeds: readonly string[], listing: readonly string[], reader: VersionReader, linksOf: (path: string) => string[]): Promise<Set<string>> {
  const listed = new Set(listing);
  const selected = new Set<string>();
  const upward: string[] = [];
  const forward: string[] = [];
  const add = (path: string, up: boolean) => {
    if (!listed.has(path) || selected.size >= MAX_SELECTED_FILES) return;
    if (selected.has(path)) return;
    selected.add(path);
    (up ? upward : forward).push(path);
  };
  for (const seed of seeds) add(seed, true);
  const globs = new Globs(indexByDirectory(listing));
  let dependents: Map<string, Dependency[]> | undefined;
  while (upward.length || forward.length) {
    const batch = [...upward, ...forward];
    const up = new Set(upward);
    upward.length = 0;
    forward.length = 0;
    await reader.load(batch.filter(hasDependencies));
    for (const path of batch) {
      for (const glob of [...dependenciesOf(path, reader.text(path)), ...linksOf(path)]) for (const match of globs.matching(glob)) add(match, false);
      if (!up.has(path)) continue;
      dependents ??= await indexDependents(listing, reader, globs, linksOf);
      for (const dependency of candidatesFor(path, dependents)) if (dependency.owner !== path && dependency.matches(path)) add(dependency.owner, true);
    }
  }
  return selected;
}

/** Could this path's format name dependencies at all (decided by path, before reading)? */
function hasDependencies(path: string): boolean {
  return INFRA_PARSERS.some((parser) => parser.dependenciesOf && parser.matchesPath(path));
}

/** What the configured links say `path` depends on. */
function configuredLinks(links: readonly ConfiguredLink[]): (path: string) => string[] {
  const matchers = links.map((link) => ({ matches: picomatch(link.from, { dot: true }), to: link.to }));
  return (path) => matchers.filter((link) => link.matches(path)).map((link) => link.to);
}

function dependenciesOf(path: string, text: string | undefined): string[] {
  if (text === undefined || !hasDependencies(path)) return [];
  return detectFormat(path, text)?.dependenciesOf?.(path, text) ?? [];
}

/** Every file that names dependencies, read (cheaply: their text, no parse) and indexed by where its globs start. */
async function indexDependents(
  listing: readonly string[],
  reader: VersionReader,
  globs: Globs,
  linksOf: (path: string) => string[],
): Promise<Map<string, Dependency[]>> {
  const candidates = listing.filter(hasDependencies);
  await reader.load(candidates);
  const index = new Map<string, Dependency[]>();
  for (const owner of new Set([...candidates, ...listing.filter((path) => linksOf(path).length)])) {
    for (const glob of [...dependenciesOf(owner, reader.text(owner)), ...linksOf(owner)]) {
      const { matches, base } = globs.get(glob);
      const list = index.get(base) ?? [];
      list.push({ owner, matches });
      index.set(base, list);
    }
  }
  return index;
}

/** The dependencies whose glob starts in a directory that holds `path`. */
function candidatesFor(path: string, index: ReadonlyMap<string, Dependency[]>): Dependency[] {
  const found: Dependency[] = [...(index.get('') ?? [])];
  let dir = posix.dirname(path);
  for (;;) {
    if (dir !== '.') found.push(...(index.get(dir) ?? []));
    if (dir === '.' || dir === '/') break;
    dir = posix.dirname(dir);
  }
  return found;
}

function indexByDirectory(listing: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const path of listing) {
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const list = index.get(dir) ?? [];
    list.push(path);
    index.set(dir, list);
  }
  return index;
}

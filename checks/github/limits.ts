/**
 * GitHub's size limits, in GitHub's own units, and the cuts that keep every write inside them.
 * GitHub counts some limits in characters and some in UTF-8 bytes: a 90 KB message of
 * multi-byte text fits 65,535 characters but not 64 KB, so each limit says which it is.
 *
 * A cut is never silent: a list loses whole entries and gains an "…and N more" line; a single
 * text loses its tail and gains a line saying it was cut.
 */

export type LimitUnit = 'bytes' | 'characters';

export interface Limit {
  max: number;
  unit: LimitUnit;
}

const bytes = (max: number): Limit => ({ max, unit: 'bytes' });
const characters = (max: number): Limit => ({ max, unit: 'characters' });

/** Every GitHub limit hipaa-guard writes against, from GitHub's REST and Actions documentation. */
export const GITHUB_LIMITS = {
  /** Check-run annotation `message`: "The maximum size is 64 KB." */
  annotationMessage: bytes(64 * 1024),
  /** Check-run annotation `raw_details`: "The maximum size is 64 KB." */
  annotationRawDetails: bytes(64 * 1024),
  /** Check-run annotation `title`: "The maximum size is 255 characters." */
  annotationTitle: characters(255),
  /** Check-run `output.title`. */
  checkRunTitle: characters(255),
  /** Check-run `output.summary` and `output.text`: "Maximum length: 65535 characters." */
  checkRunSummary: characters(65_535),
  checkRunText: characters(65_535),
  /** A step's job summary (GITHUB_STEP_SUMMARY): 1 MiB. */
  jobSummary: bytes(1024 * 1024),
  /** Issue title and body; comments share the body's limit. */
  issueTitle: characters(256),
  issueBody: characters(65_536),
} as const satisfies Record<string, Limit>;

/** Annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Results GitHub code scanning keeps of one SARIF run (it refuses more than 25,000: checks/report/sarif.ts writes no more). */
export const SARIF_RESULTS_KEPT = 5_000;

/** The size of `text` in the limit's unit: UTF-8 bytes, or UTF-16 code units as GitHub's characters. */
function sizeIn(unit: LimitUnit, text: string): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

export function fits(text: string, limit: Limit): boolean {
  return sizeIn(limit.unit, text) <= limit.max;
}

/** The longest prefix of `text` within `max` units that does not split a character (a surrogate pair). */
function prefixWithin(text: string, max: number, unit: LimitUnit): string {
  if (sizeIn(unit, text) <= max) return text;
  let end = Math.min(text.length, max);
  if (unit === 'bytes') {
    // The longest prefix within `max` bytes: a binary search over UTF-16 positions.
    let [low, high] = [0, end];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (Buffer.byteLength(text.slice(0, middle), 'utf8') <= max) low = middle;
      else high = middle - 1;
    }
    end = low;
  }
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * One text cut to `limit`, its tail replaced by `marker` (default: a line saying it was cut and
 * how much was left out). Whatever fits is returned unchanged.
 */
export function cutText(text: string, limit: Limit, marker?: (omitted: number) => string): string {
  if (fits(text, limit)) return text;
  const total = sizeIn(limit.unit, text);
  const say = marker ?? ((omitted: number) => `\n…and ${omitted} more ${limit.unit} (cut to GitHub's limit of ${limit.max})`);
  // The marker's own length depends on the number it prints: reserve the longest it can be.
  const reserve = sizeIn(limit.unit, say(total));
  if (reserve >= limit.max) return prefixWithin(text, limit.max, limit.unit);
  const kept = prefixWithin(text, limit.max - reserve, limit.unit);
  return kept + say(total - sizeIn(limit.unit, kept));
}

/**
 * Joins `entries` with newlines within `limit`; entries that do not fit are dropped whole and
 * replaced by `more(count)`, the "…and N more" line (blank entries are not counted).
 */
export function capEntries(entries: readonly string[], limit: Limit, more: (omitted: number) => string): string {
  const all = entries.join('\n');
  if (fits(all, limit)) return all;
  const reserve = sizeIn(limit.unit, more(entries.length)) + 1;
  let kept = 0;
  let size = 0;
  for (const entry of entries) {
    const next = sizeIn(limit.unit, entry) + 1;
    if (size + next + reserve > limit.max) break;
    kept++;
    size += next;
  }
  const omitted = entries.slice(kept).filter((entry) => entry.trim()).length;
  return cutText([...entries.slice(0, kept), more(omitted)].join('\n'), limit);
}

/**
 * A rendering that takes a budget in characters (Markdown reports cut by entry), fitted to a
 * limit that may be in bytes: the budget shrinks until the rendering fits, then a last cut.
 */
export function fitRendering(render: (maxCharacters: number) => string, limit: Limit): string {
  let budget = limit.max;
  for (let attempt = 0; attempt < 8; attempt++) {
    const text = render(budget);
    const size = sizeIn(limit.unit, text);
    if (size <= limit.max) return text;
    budget = Math.max(1, Math.floor((budget * limit.max) / size) - 64);
  }
  return cutText(render(budget), limit);
}

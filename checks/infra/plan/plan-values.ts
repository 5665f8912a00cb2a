/**
 * A plan's `before` / `after` objects as the values rules read, with the plan's own facts kept:
 * a value listed in `after_unknown` is Unresolved (known only after apply), a known `null` is
 * "not set" and an empty list is "no such block" (both dropped, as HCL leaves out what is not
 * written, so a rule's provider default applies; so it does for an attribute missing from both
 * `after` and `after_unknown`, which the provider version does not have), and the leaves marked in `before_sensitive` / `after_sensitive` are collected
 * so no output shows them.
 */
import { unresolved } from '../model.js';
import type { AttributePath } from '../rule.js';
import { isObject } from './plan-json.js';

/** The expression an unknown plan value stands for, as messages show it. */
const KNOWN_AFTER_APPLY = '(known after apply)';

/** Shown instead of a value the plan marks sensitive. */
export const SENSITIVE = '(sensitive)';

type Json = Record<string, unknown>;

/** `value` with the leaves `unknown` marks `true` made Unresolved and object keys holding `null` dropped. */
export function planValues(value: unknown, unknown: unknown = undefined): Json {
  const merged = merge(value, unknown);
  return isObject(merged) ? merged : {};
}

function merge(value: unknown, unknown: unknown): unknown {
  if (unknown === true) return unresolved(KNOWN_AFTER_APPLY);
  if (Array.isArray(value) || Array.isArray(unknown)) {
    const items = Array.isArray(value) ? value : [];
    const masks = Array.isArray(unknown) ? unknown : [];
    return Array.from({ length: Math.max(items.length, masks.length) }, (_, index) => merge(items[index], masks[index]) ?? null);
  }
  if (isObject(value) || isObject(unknown)) {
    const result: Json = {};
    const masks = isObject(unknown) ? unknown : {};
    for (const [key, item] of Object.entries(isObject(value) ? value : {})) {
      const merged = merge(item, masks[key]);
      if (merged !== undefined && merged !== null && !(Array.isArray(merged) && merged.length === 0)) result[key] = merged;
    }
    for (const [key, mask] of Object.entries(masks)) {
      if (key in result) continue;
      const merged = merge(undefined, mask);
      if (merged !== undefined) result[key] = merged;
    }
    return result;
  }
  return value ?? undefined;
}

/** True when the sensitivity mask marks `path` or a step above it (`true` at the top: the whole object). */
export function isSensitivePath(mask: unknown, path: AttributePath): boolean {
  let current = mask;
  for (const step of path) {
    if (current === true) return true;
    if (Array.isArray(current) && typeof step === 'number') current = current[step];
    else if (isObject(current)) current = current[String(step)];
    else return false;
  }
  return current === true || containsSensitive(current);
}

/** A mask below the judged path marks something: the judged value holds a secret. */
function containsSensitive(mask: unknown): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(containsSensitive);
  if (isObject(mask)) return Object.values(mask).some(containsSensitive);
  return false;
}

/** Every string leaf of `value` the mask marks sensitive (a marked subtree: all its strings). */
export function sensitiveStrings(value: unknown, mask: unknown, into: Set<string> = new Set()): Set<string> {
  if (mask === true) {
    collectStrings(value, into);
    return into;
  }
  if (Array.isArray(value) && Array.isArray(mask)) value.forEach((item, index) => sensitiveStrings(item, mask[index], into));
  else if (isObject(value) && isObject(mask)) for (const [key, item] of Object.entries(value)) sensitiveStrings(item, mask[key], into);
  return into;
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value !== '') into.add(value);
  } else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, into));
  else if (isObject(value)) Object.values(value).forEach((item) => collectStrings(item, into));
}

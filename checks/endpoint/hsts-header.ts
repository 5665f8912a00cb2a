/** A `Strict-Transport-Security` header value parsed per RFC 6797 section 6.1. */
export type ParsedHsts = { valid: true; maxAge: number; includeSubDomains: boolean; preload: boolean } | { valid: false; reason: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Splits on `;` outside quoted strings, honouring `\` escapes inside them. */
function splitDirectives(value: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (quoted && char === '\\') {
      current += char + (value[++i] ?? '');
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) return undefined;
  parts.push(current);
  return parts;
}

function unquote(raw: string): string | undefined {
  if (!raw.startsWith('"')) return TOKEN.test(raw) ? raw : undefined;
  if (raw.length < 2 || !raw.endsWith('"')) return undefined;
  return raw.slice(1, -1).replace(/\\(.)/g, '$1');
}

/**
 * Parses one header value: directive names are case-insensitive, values may be tokens or
 * quoted strings, unknown directives are ignored, a repeated directive or a missing or
 * non-numeric `max-age` makes the whole header invalid (a browser then ignores it).
 */
export function parseHsts(value: string): ParsedHsts {
  const parts = splitDirectives(value);
  if (!parts) return { valid: false, reason: 'unterminated quoted string' };
  const seen = new Map<string, string | undefined>();
  for (const part of parts) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    const name = (eq === -1 ? trimmed : trimmed.slice(0, eq)).trim().toLowerCase();
    if (!TOKEN.test(name)) return { valid: false, reason: `malformed directive "${trimmed}"` };
    if (seen.has(name)) return { valid: false, reason: `directive "${name}" appears twice` };
    const directiveValue = eq === -1 ? undefined : unquote(trimmed.slice(eq + 1).trim());
    if (eq !== -1 && directiveValue === undefined) return { valid: false, reason: `malformed value in "${trimmed}"` };
    seen.set(name, directiveValue);
  }
  const maxAge = seen.get('max-age');
  if (maxAge === undefined) return { valid: false, reason: 'no max-age directive' };
  if (!/^\d+$/.test(maxAge)) return { valid: false, reason: `max-age "${maxAge}" is not a number of seconds` };
  return { valid: true, maxAge: Number(maxAge), includeSubDomains: seen.has('includesubdomains'), preload: seen.has('preload') };
}

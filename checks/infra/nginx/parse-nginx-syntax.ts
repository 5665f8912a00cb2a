/**
 * nginx configuration syntax: a tokenizer and parser for directives, blocks, quoted strings,
 * `${variables}` and comments, keeping the line of every directive. `include` is kept as a
 * directive, never followed.
 */

/** One directive: `ssl_protocols TLSv1.2 TLSv1.3;` or a block `server { ... }`. Lines are 1-based. */
export interface NginxDirective {
  name: string;
  args: string[];
  line: number;
  /** The line of the closing `;` or `}`. */
  endLine: number;
  /** The directives inside `{ ... }`; absent for a simple directive. */
  block?: NginxDirective[];
}

/** A syntax error at a 1-based line. */
export class NginxSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'NginxSyntaxError';
  }
}

type Token = { kind: 'word'; text: string; line: number } | { kind: '{' | '}' | ';'; line: number };

const SPECIAL = new Set(['{', '}', ';']);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** nginx's escapes: a backslash before a quote or a backslash stands for that character, `\t` `\r` `\n` for white space; any other backslash stays. */
function unescape(raw: string): string {
  return raw.replace(/\\(["'\\trn])/g, (_match, next: string) => ({ t: '\t', r: '\r', n: '\n' })[next] ?? next);
}

/** Splits the text into words (quotes removed, escapes read as nginx reads them) and `{`, `}`, `;`. */
function tokenizeNginx(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\n') line++;
    if (isSpace(c)) {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (SPECIAL.has(c)) {
      tokens.push({ kind: c as '{' | '}' | ';', line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let raw = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) raw += text[i++];
        if (text[i] === '\n') line++;
        raw += text[i++];
      }
      if (i >= text.length) throw new NginxSyntaxError(`unterminated ${c === '"' ? 'double' : 'single'}-quoted string`, start);
      i++;
      tokens.push({ kind: 'word', text: unescape(raw), line: start });
    } else {
      const start = i;
      while (i < text.length && !isSpace(text[i]) && !SPECIAL.has(text[i] as string)) {
        // `${name}` is a variable, not a block: its braces belong to the word.
        if (text[i] === '$' && text[i + 1] === '{') {
          const close = text.indexOf('}', i);
          if (close < 0) throw new NginxSyntaxError('unterminated "${" variable', line);
          i = close + 1;
        } else {
          i += text[i] === '\\' && i + 1 < text.length ? 2 : 1;
        }
      }
      const word = text.slice(start, i);
      tokens.push({ kind: 'word', text: word.includes('\\') ? unescape(word) : word, line });
    }
  }
  return tokens;
}

/** Deeper nesting than any real configuration; it keeps hostile input from exhausting the stack. */
const MAX_NGINX_DEPTH = 64;

/** Parses a whole file (a leading byte order mark skipped) into its top-level directives. Throws NginxSyntaxError with the line. */
export function parseNginxConfig(text: string): NginxDirective[] {
  const tokens = tokenizeNginx(text.replace(/^\uFEFF/, ''));
  let position = 0;
  let depth = 0;

  const parseBlock = (opener: NginxDirective | undefined): NginxDirective[] => {
    if (opener && ++depth > MAX_NGINX_DEPTH) throw new NginxSyntaxError(`blocks nested deeper than ${MAX_NGINX_DEPTH} levels`, opener.line);
    const directives: NginxDirective[] = [];
    for (;;) {
      const token = tokens[position];
      if (!token) {
        if (opener) throw new NginxSyntaxError(`unexpected end of file: "${opener.name}" block opened here is never closed with "}"`, opener.line);
        return directives;
      }
      if (token.kind === '}') {
        if (!opener) throw new NginxSyntaxError('unexpected "}" with no open block', token.line);
        opener.endLine = token.line;
        position++;
        depth--;
        return directives;
      }
      if (token.kind !== 'word') throw new NginxSyntaxError(`unexpected "${token.kind}": expected a directive name`, token.line);
      directives.push(parseDirective(token));
    }
  };

  const parseDirective = (nameToken: { text: string; line: number }): NginxDirective => {
    const directive: NginxDirective = { name: nameToken.text, args: [], line: nameToken.line, endLine: nameToken.line };
    position++;
    for (;;) {
      const token = tokens[position];
      if (!token) throw new NginxSyntaxError(`unexpected end of file: directive "${directive.name}" is not terminated by ";"`, directive.line);
      if (token.kind === 'word') {
        directive.args.push(token.text);
        position++;
      } else if (token.kind === ';') {
        directive.endLine = token.line;
        position++;
        return directive;
      } else if (token.kind === '{') {
        position++;
        directive.block = parseBlock(directive);
        return directive;
      } else {
        throw new NginxSyntaxError(`unexpected "}": directive "${directive.name}" (line ${directive.line}) is not terminated by ";"`, token.line);
      }
    }
  };

  return parseBlock(undefined);
}

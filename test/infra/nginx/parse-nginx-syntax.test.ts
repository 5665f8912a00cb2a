import { describe, expect, it } from 'vitest';
import { NginxSyntaxError, parseNginxConfig, type NginxDirective } from '../../../checks/infra/nginx/parse-nginx-syntax.js';

/** Name, arguments and lines of each directive, nested like the file. */
function outline(directives: readonly NginxDirective[]): unknown[] {
  return directives.map((directive) => [
    directive.name,
    directive.args,
    directive.line,
    directive.endLine,
    ...(directive.block ? [outline(directive.block)] : []),
  ]);
}

function syntaxErrorOf(text: string): { message: string; line: number } {
  try {
    parseNginxConfig(text);
  } catch (error) {
    if (error instanceof NginxSyntaxError) return { message: error.message, line: error.line };
    throw error;
  }
  throw new Error('expected a syntax error');
}

describe('parseNginxConfig', () => {
  it('Given nested blocks, comments and blank lines, then every directive keeps its arguments and lines', () => {
    const text = [
      '# main configuration',
      'worker_processes auto;',
      '',
      'http {',
      '    include mime.types;   # not followed',
      '    server {',
      '        listen 443 ssl;',
      '        location / {',
      '            proxy_pass http://127.0.0.1:8080;',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');

    expect(outline(parseNginxConfig(text))).toEqual([
      ['worker_processes', ['auto'], 2, 2],
      [
        'http',
        [],
        4,
        12,
        [
          ['include', ['mime.types'], 5, 5],
          [
            'server',
            [],
            6,
            11,
            [
              ['listen', ['443', 'ssl'], 7, 7],
              ['location', ['/'], 8, 10, [['proxy_pass', ['http://127.0.0.1:8080'], 9, 9]]],
            ],
          ],
        ],
      ],
    ]);
  });

  it('Given quoted strings, then quotes are removed, escapes read as nginx reads them, and # inside quotes is kept', () => {
    const text = `add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
log_format main '$remote_addr "$request" \\'#tag\\'';
return 200 "a\\\\b";
`;

    expect(parseNginxConfig(text).map((directive) => directive.args)).toEqual([
      ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains', 'always'],
      ['main', `$remote_addr "$request" '#tag'`],
      ['200', 'a\\b'],
    ]);
  });

  it('Given a ${variable} with braces inside a word, then the braces do not open a block', () => {
    const [directive] = parseNginxConfig('return 301 https://${host}$request_uri;\n');

    expect(directive).toMatchObject({ name: 'return', args: ['301', 'https://${host}$request_uri'] });
    expect(directive?.block).toBeUndefined();
  });

  it('Given a directive spread over lines, then it starts on its name and ends on its semicolon', () => {
    const [directive] = parseNginxConfig('ssl_ciphers\n    ECDHE-RSA-AES128-GCM-SHA256\n    ECDHE-RSA-AES256-GCM-SHA384;\n');

    expect(directive).toMatchObject({ line: 1, endLine: 3, args: ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384'] });
  });

  it('Given a file that starts with a byte order mark, then its first directive is read by its name on line 1', () => {
    const directives = parseNginxConfig('\uFEFFlisten 443 ssl;\nssl_protocols TLSv1.2;\n');

    expect(directives.map((directive) => [directive.name, directive.line, directive.args])).toEqual([
      ['listen', 1, ['443', 'ssl']],
      ['ssl_protocols', 2, ['TLSv1.2']],
    ]);
  });

  it('Given a multi-line quoted string, then the lines after it are still counted', () => {
    const directives = parseNginxConfig('set $x "one\ntwo";\nlisten 80;\n');

    expect(directives.map((directive) => [directive.name, directive.line])).toEqual([
      ['set', 1],
      ['listen', 3],
    ]);
  });

  it.each([
    ['an unclosed block', 'http {\n    server {\n        listen 80;\n    }\n', 1, '"http" block opened here is never closed'],
    ['a directive without ";" before "}"', 'server {\n    listen 80\n}\n', 3, 'directive "listen" (line 2) is not terminated by ";"'],
    ['a directive without ";" at the end of the file', 'server {\n}\nuser nginx\n', 3, 'directive "user" is not terminated by ";"'],
    ['a stray "}"', 'server {\n}\n}\n', 3, 'unexpected "}" with no open block'],
    ['an unterminated quote', 'server {\n    add_header X-Test "value;\n}\n', 2, 'unterminated double-quoted string'],
    ['a ";" without a directive', 'server {\n    ;\n}\n', 2, 'unexpected ";": expected a directive name'],
    ['an unterminated ${', 'return 301 https://${host;\n', 1, 'unterminated "${" variable'],
    ['hostile nesting', `${'a {\n'.repeat(100_000)}${'}\n'.repeat(100_000)}`, 65, 'blocks nested deeper than 64 levels'],
  ])('Given %s, then a syntax error names the line', (_case, text, line, message) => {
    const error = syntaxErrorOf(text);

    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
  });
});

import { describe, expect, it } from 'vitest';
import { locate, parseYaml, parseYamlDocuments, YamlSyntaxError } from '../../checks/yaml/positions.js';

const config = `profile: hipaa
endpoints:
  - url: https://a.example.org   # a comment
    http:
  - url: "https://b.example.org"
    # a comment line inside the mapping
    address: 203.0.113.7
nested: {a: 1, b: [1, 2]}
block: |
  line one
  line two
`;

describe('parseYaml', () => {
  const { value, positions } = parseYaml(config);

  it('returns the same data js-yaml does', () => {
    expect(value).toEqual({
      profile: 'hipaa',
      endpoints: [
        { url: 'https://a.example.org', http: null },
        { url: 'https://b.example.org', address: '203.0.113.7' },
      ],
      nested: { a: 1, b: [1, 2] },
      block: 'line one\nline two\n',
    });
  });

  it.each([
    [['profile'], 1, 1],
    [['endpoints'], 2, 7],
    [['endpoints', 0], 3, 4],
    [['endpoints', 0, 'url'], 3, 3],
    [['endpoints', 0, 'http'], 4, 4],
    [['endpoints', 1], 5, 7],
    [['endpoints', 1, 'address'], 7, 7],
    [['nested', 'b'], 8, 8],
    [['block'], 9, 11],
  ] as const)('locates %j on lines %i-%i', (path, startLine, endLine) => {
    expect(locate(positions, path)).toEqual({ startLine, endLine });
  });

  it('falls back to the deepest existing ancestor for a missing key', () => {
    expect(locate(positions, ['endpoints', 1, 'ca'])).toEqual({ startLine: 5, endLine: 7 });
  });

  it('treats an empty file as an undefined document', () => {
    expect(parseYaml('').value).toBeUndefined();
  });

  it('refuses a stream of several documents', () => {
    expect(() => parseYaml('a: 1\n---\nb: 2\n')).toThrow(YamlSyntaxError);
  });
});

describe('parseYamlDocuments', () => {
  it('gives each document of a stream its own positions', () => {
    const docs = parseYamlDocuments('kind: Service\n---\nkind: Ingress\nspec:\n  tls: []\n');
    expect(docs.map((doc) => doc.value)).toEqual([{ kind: 'Service' }, { kind: 'Ingress', spec: { tls: [] } }]);
    expect(locate(docs[1]!.positions, ['spec', 'tls'])).toEqual({ startLine: 5, endLine: 5 });
  });

  it('reports a syntax error with its 1-based line and column', () => {
    const error = (() => {
      try {
        parseYamlDocuments('a: 1\n---\nb: 2\nc: d: e\n');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect(error).toMatchObject({ line: 4, column: 5, message: 'bad indentation of a mapping entry' });
  });

  it('refuses an alias bomb with a line instead of handing billions of nodes to the rules', () => {
    // Given 30 lines where each anchor repeats the previous one ten times (10^29 strings when expanded)
    const lines = ['Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      a0: &a0 "xxxxxxxxxx"'];
    for (let level = 1; level < 30; level++)
      lines.push(
        `      a${level}: &a${level} [${Array(10)
          .fill(`*a${level - 1}`)
          .join(', ')}]`,
      );

    // When it is parsed, then it is a syntax error, not an object every later walk would expand
    expect(() => parseYamlDocuments(`${lines.join('\n')}\n`)).toThrow(YamlSyntaxError);
    expect(() => parseYamlDocuments(`${lines.join('\n')}\n`)).toThrow(/alias bomb/);
  });

  it('still reads ordinary anchors and aliases', () => {
    const [document] = parseYamlDocuments('base: &base {port: 443, tls: true}\nprod: *base\nstaging: *base\n');
    expect(document?.value).toEqual({ base: { port: 443, tls: true }, prod: { port: 443, tls: true }, staging: { port: 443, tls: true } });
  });
});

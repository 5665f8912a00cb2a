/** Builders for the nginx rules' examples: the given lines stand at a fixed, documented line. */

/** A TLS server block for portal.example.org: the n-th directive stands on line 3 + n (the first on line 4). */
export function tlsServer(directives: readonly string[]): string {
  return `server {\n    listen 443 ssl;\n    server_name portal.example.org;\n${directives.map((directive) => `    ${directive}\n`).join('')}}\n`;
}

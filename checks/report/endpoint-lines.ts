import { locate, parseYaml } from '../yaml/positions.js';

/**
 * The line of each endpoint's `url:` in a config file, by URL: SARIF points endpoint findings
 * there. Text that is not a config with an `endpoints` list gives an empty map.
 */
export function endpointLines(configText: string): Map<string, number> {
  const lines = new Map<string, number>();
  let document;
  try {
    document = parseYaml(configText);
  } catch {
    return lines;
  }
  const endpoints = (document.value as { endpoints?: unknown } | null)?.endpoints;
  if (!Array.isArray(endpoints)) return lines;
  endpoints.forEach((endpoint: unknown, index) => {
    const url = (endpoint as { url?: unknown } | null)?.url;
    if (typeof url === 'string' && !lines.has(url)) lines.set(url, locate(document.positions, ['endpoints', index, 'url']).startLine);
  });
  return lines;
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';

/**
 * Writes the trust anchors an external backend should use (Node's bundled roots plus the
 * endpoint's extra anchors) to a private temporary file for the duration of `use`.
 */
export async function withCaBundle<T>(extraPem: readonly string[], use: (file: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'hipaa-guard-ca-'));
  const file = join(directory, 'anchors.pem');
  try {
    await writeFile(file, [...rootCertificates, ...extraPem].join('\n'), { mode: 0o600 });
    return await use(file);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

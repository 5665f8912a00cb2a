/** The contents API's JSON answer for a file at `path` in `owner/repo`, its bytes in base64 as GitHub sends up to 1 MB. */
export function contentsFileEntry(repository: string, path: string, bytes: Uint8Array, overrides: Record<string, unknown> = {}) {
  const self = `https://api.github.com/repos/${repository}/contents/${path}`;
  const links = { self, git: `https://api.github.com/repos/${repository}/git/blobs/b1`, html: null };
  const content = Buffer.from(bytes).toString('base64');
  return {
    type: 'file',
    encoding: 'base64',
    size: bytes.length,
    name: path.split('/').pop(),
    path,
    content,
    sha: 'b1',
    url: self,
    git_url: links.git,
    html_url: null,
    download_url: null,
    _links: links,
    ...overrides,
  };
}

import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const manifest = load(readFileSync('app.yml', 'utf8')) as { default_events: string[]; default_permissions: Record<string, string>; name: string };

describe('app.yml', () => {
  it('Given the manifest, when read, then it asks for exactly the least-privilege permissions the handlers use', () => {
    expect(manifest.default_permissions).toEqual({
      checks: 'write',
      contents: 'read',
      issues: 'write',
      pull_requests: 'read',
      merge_queues: 'read',
      metadata: 'read',
    });
  });

  it('Given the manifest, when read, then it subscribes to exactly the events the app wires', () => {
    expect(manifest.default_events).toEqual(['pull_request', 'check_suite', 'check_run', 'merge_group']);
    expect(manifest.name).toBe('hipaa-guard');
  });
});

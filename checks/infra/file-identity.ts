import type { InfraFormat, InfraResource } from './model.js';

/**
 * Gives resources parsed as one group of a format (nginx includes, nested CloudFormation
 * stacks) their identity across versions: their file and address. The files are read together,
 * but two files' `server:443:_` or `Bucket` are different resources. An address repeated in a
 * file (the same server twice, a template nested twice) is numbered: `#2`, `#3`...
 */
export function identifyInFile(format: InfraFormat, resources: readonly InfraResource[]): void {
  const seen = new Map<string, number>();
  for (const resource of resources) {
    resource.scope = `${format}:${resource.path}`;
    const count = (seen.get(resource.address) ?? 0) + 1;
    seen.set(resource.address, count);
    if (count > 1) resource.address = `${resource.address}#${count}`;
  }
}

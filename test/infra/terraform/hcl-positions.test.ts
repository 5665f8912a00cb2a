import { describe, expect, it } from 'vitest';
import { locateHcl } from '../../../checks/infra/terraform/hcl-positions.js';
import { locate } from '../../../checks/yaml/positions.js';

const TRICKY = `/* a block comment
   resource "fake" "x" { */
resource "aws_security_group" "web" {
  description = "braces { in } a \\"string\\" and \${var.x} and %{ if true }y%{ endif }"
  ingress {
    cidr_blocks = [
      "10.0.0.0/8", # comment with }
      "192.168.0.0/16",
    ]
  }
  ingress { from_port = 443 }
  user_data = <<-EOT
    #!/bin/sh
    echo "}"
    EOT
  names = [for s in var.list : upper(s) if s != "}"]
  // trailing comment
}

data "aws_iam_policy_document" "doc" {
  statement {
    actions = ["s3:*"]
  }
}
`;

describe('locateHcl', () => {
  const root = locateHcl(TRICKY);
  const at = (...path: (string | number)[]) => locate(root, path);

  it('skips comments, strings, templates and heredocs when finding blocks', () => {
    expect(at('resource', 'aws_security_group', 'web', 0)).toEqual({ startLine: 3, endLine: 18 });
    expect([...(root.entries?.get('resource')?.value.entries?.keys() ?? [])]).toEqual(['aws_security_group']);
    expect(at('data', 'aws_iam_policy_document', 'doc', 0, 'statement', 0, 'actions')).toEqual({ startLine: 22, endLine: 22 });
  });

  it('gives attributes spanning lines their whole range', () => {
    expect(at('resource', 'aws_security_group', 'web', 0, 'description')).toEqual({ startLine: 4, endLine: 4 });
    expect(at('resource', 'aws_security_group', 'web', 0, 'ingress', 0, 'cidr_blocks')).toEqual({ startLine: 6, endLine: 9 });
    expect(at('resource', 'aws_security_group', 'web', 0, 'user_data')).toEqual({ startLine: 12, endLine: 15 });
    expect(at('resource', 'aws_security_group', 'web', 0, 'names')).toEqual({ startLine: 16, endLine: 16 });
  });

  it('keeps repeated blocks apart, a one-line block included', () => {
    expect(at('resource', 'aws_security_group', 'web', 0, 'ingress', 0)).toEqual({ startLine: 5, endLine: 10 });
    expect(at('resource', 'aws_security_group', 'web', 0, 'ingress', 1)).toEqual({ startLine: 11, endLine: 11 });
    expect(at('resource', 'aws_security_group', 'web', 0, 'ingress', 1, 'from_port')).toEqual({ startLine: 11, endLine: 11 });
  });
});

describe('keys inside object and list constructors (tfvars maps, module inputs)', () => {
  const TFVARS = `listeners = {
  https = {
    port       = 443
    ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" # the policy
  },
  "http-redirect" = { port = 80, protocol = "HTTP" }
}

rules = [
  {
    id = "a"
  },
  {
    id = "b"
  },
]

cidrs = ["10.0.0.0/8", "192.168.0.0/16"]
`;

  it('gives each nested key its own line, and a list of objects its elements', () => {
    const positions = locateHcl(TFVARS);
    expect(locate(positions, ['listeners', 'https', 'ssl_policy'])).toEqual({ startLine: 4, endLine: 4 });
    expect(locate(positions, ['listeners', 'https'])).toEqual({ startLine: 2, endLine: 5 });
    expect(locate(positions, ['listeners', 'http-redirect', 'protocol'])).toEqual({ startLine: 6, endLine: 6 });
    expect(locate(positions, ['rules', 1, 'id'])).toEqual({ startLine: 14, endLine: 14 });
    // elements of one line share it
    expect(locate(positions, ['cidrs', 1])).toEqual({ startLine: 18, endLine: 18 });
    // a variable's type: the default inside optional()
    const type = locateHcl(`variable "listeners" {
  type = map(object({
    port       = number
    ssl_policy = optional(string, "ELBSecurityPolicy-TLS13-1-2-2021-06")
  }))
}
`);
    expect(locate(type, ['variable', 'listeners', 0, 'type', 0, 0, 'ssl_policy', 1])).toEqual({ startLine: 4, endLine: 4 });
    // a key that is not there: the nearest enclosing value
    expect(locate(positions, ['listeners', 'https', 'certificate_arn'])).toEqual({ startLine: 2, endLine: 5 });
  });
});

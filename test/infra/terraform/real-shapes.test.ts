/**
 * Shapes copied in miniature from public module repositories (written for these tests, not the
 * trees themselves): cloudposse's `module.this` null-label context from the registry, an S3
 * module whose encryption rules are flattened from a caller's map holding a KMS key ARN, and a
 * shared policy module from git. What does not depend on an absent module is decided; what
 * does is unknown, and the report says why.
 */
import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import type { Tree } from './fixtures.js';

const NOW = new Date('2026-02-01T09:00:00Z');
const files = (tree: Tree) => Object.entries(tree).map(([path, text]) => ({ path, text }));

/** cloudposse/terraform-aws-alb in small: everything counted on `module.this.enabled`, a registry module for the log bucket, IPv4 ranges split with cidrnetmask(). */
const CLOUDPOSSE_ALB: Tree = {
  'context.tf': `module "this" {
  source  = "cloudposse/label/null"
  version = "0.25.0"

  enabled = var.enabled
}

variable "enabled" {
  type    = bool
  default = null
}
`,
  'variables.tf': `variable "https_ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "drop_invalid_header_fields" {
  type    = bool
  default = true
}

variable "access_logs_enabled" {
  type    = bool
  default = true
}

variable "access_logs_s3_bucket_id" {
  type    = string
  default = null
}

variable "https_ingress_cidr_blocks" {
  type    = list(string)
  default = ["0.0.0.0/0", "::/0"]
}
`,
  'main.tf': `locals {
  https_ingress_cidr_blocks_v4 = [for cidr in var.https_ingress_cidr_blocks : cidr if can(cidrnetmask(cidr))]
  https_ingress_cidr_blocks_v6 = [for cidr in var.https_ingress_cidr_blocks : cidr if !can(cidrnetmask(cidr)) && can(cidrhost(cidr, 0))]
}

resource "aws_security_group_rule" "https_ingress" {
  count             = module.this.enabled ? 1 : 0
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = local.https_ingress_cidr_blocks_v4
  ipv6_cidr_blocks  = local.https_ingress_cidr_blocks_v6
  security_group_id = "sg-0123456789abcdef0"
}

module "access_logs" {
  source  = "cloudposse/lb-s3-bucket/aws"
  version = "0.19.0"

  context = module.this.context
}

resource "aws_lb" "default" {
  count                      = module.this.enabled ? 1 : 0
  name                       = module.this.id
  tags                       = module.this.tags
  internal                   = true
  load_balancer_type         = "application"
  drop_invalid_header_fields = var.drop_invalid_header_fields

  access_logs {
    bucket  = try(element(compact([var.access_logs_s3_bucket_id, module.access_logs.bucket_id]), 0), "")
    enabled = var.access_logs_enabled
  }
}

resource "aws_lb_listener" "https" {
  count             = module.this.enabled ? 1 : 0
  load_balancer_arn = one(aws_lb.default[*].arn)
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.https_ssl_policy
  certificate_arn   = "arn:aws:acm:us-east-2:123456789012:certificate/0"

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}
`,
};

describe('cloudposse-style modules: a registry label module (module.this) without .terraform/modules', () => {
  it('decides every verdict that does not depend on the label module', async () => {
    const result = await analyzeInfra({ base: [], head: files(CLOUDPOSSE_ALB), now: NOW });
    // The label's values (name, tags) and the log bucket's id are unknown, but no rule needs them:
    // nothing is unknown, and the strong defaults pass.
    expect(result.unknown).toEqual([]);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('IAC-SG-OPEN-INGRESS');
    expect(result.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('module.this (source "cloudposse/label/null") is not available locally'),
        expect.stringContaining('module.access_logs (source "cloudposse/lb-s3-bucket/aws") is not available locally'),
      ]),
    );
  });

  it('a weak value set beside the label module is still a fail', async () => {
    const weak = {
      ...CLOUDPOSSE_ALB,
      'variables.tf': CLOUDPOSSE_ALB['variables.tf']!.replace(
        'default = "ELBSecurityPolicy-TLS13-1-2-2021-06"',
        'default = "ELBSecurityPolicy-TLS-1-0-2015-04"',
      ),
    };
    const result = await analyzeInfra({ base: [], head: files(weak), now: NOW });
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC-LB-TLS-POLICY')).toEqual([
      expect.objectContaining({ change: 'introduced', evidence: expect.objectContaining({ actual: 'ELBSecurityPolicy-TLS-1-0-2015-04' }) }),
    ]);
  });
});

describe('a module source that is not in the checkout (git or registry, no modules.json)', () => {
  const tree: Tree = {
    'main.tf': `module "tls" {
  source = "git::https://git.example.org/platform/tls-policies.git?ref=v3"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/phi/1"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = module.tls.recommended_policy
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/0"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1"
  }
}
`,
  };

  it('every verdict that needs a value from it is unknown, and the report says "module source not available locally"', async () => {
    const result = await analyzeInfra({ base: [], head: files(tree), now: NOW });
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC-LB-TLS-POLICY')).toEqual([]);
    expect(result.unknown).toEqual([
      expect.objectContaining({
        ruleId: 'IAC-LB-TLS-POLICY',
        message:
          'aws_lb_listener.https: ssl_policy depends on ${module.tls.recommended_policy}, which could not be resolved (module source not available locally)',
        location: expect.objectContaining({ path: 'main.tf', startLine: 9, endLine: 9 }),
      }),
    ]);
    expect(result.notes).toEqual([
      expect.stringContaining('module.tls (source "git::https://git.example.org/platform/tls-policies.git?ref=v3") is not available locally'),
    ]);
  });
});

describe("terraform-aws-s3-bucket style: encryption rules flattened from the caller's map", () => {
  const tree: Tree = {
    'modules/bucket/main.tf': `variable "bucket" {
  type = string
}

variable "server_side_encryption_configuration" {
  type    = any
  default = {}
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = length(keys(var.server_side_encryption_configuration)) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id

  dynamic "rule" {
    for_each = try(flatten([var.server_side_encryption_configuration["rule"]]), [])

    content {
      bucket_key_enabled = try(rule.value.bucket_key_enabled, null)

      dynamic "apply_server_side_encryption_by_default" {
        for_each = try([rule.value.apply_server_side_encryption_by_default], [])

        content {
          sse_algorithm     = apply_server_side_encryption_by_default.value.sse_algorithm
          kms_master_key_id = try(apply_server_side_encryption_by_default.value.kms_master_key_id, null)
        }
      }
    }
  }
}
`,
    'examples/complete/main.tf': `resource "aws_kms_key" "objects" {
  description = "KMS key for the bucket's objects"
}

module "s3_bucket" {
  source = "../../modules/bucket"

  bucket = "phi-records"

  server_side_encryption_configuration = {
    rule = {
      apply_server_side_encryption_by_default = {
        kms_master_key_id = aws_kms_key.objects.arn
        sse_algorithm     = "aws:kms"
      }
    }
  }
}
`,
  };

  it('is decided although the KMS key ARN is known only after apply, and a weakening there is caught at the caller', async () => {
    const result = await analyzeInfra({ base: [], head: files(tree), now: NOW });
    expect(result.unknown.filter((outcome) => outcome.ruleId === 'IAC-S3-ENCRYPTION')).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC-S3-ENCRYPTION')).toEqual([]);

    const weak = { ...tree, 'examples/complete/main.tf': tree['examples/complete/main.tf']!.replace('"aws:kms"', '"none"') };
    const weakened = await analyzeInfra({ base: files(tree), head: files(weak), now: NOW });
    expect(weakened.findings.filter((finding) => finding.ruleId === 'IAC-S3-ENCRYPTION')).toEqual([
      expect.objectContaining({ change: 'weakened', location: expect.objectContaining({ path: 'examples/complete/main.tf' }) }),
    ]);
  });
});

describe('terraform-aws-alb style: examples pass listener maps to `source = "../../"`', () => {
  const root: Tree = {
    'variables.tf': `variable "listeners" {
  type    = any
  default = {}
}
`,
    'main.tf': `resource "aws_lb_listener" "this" {
  for_each = var.listeners

  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/phi/1"
  port              = try(each.value.port, 443)
  protocol          = try(each.value.protocol, "HTTPS")
  ssl_policy        = contains(["HTTPS", "TLS"], try(each.value.protocol, "HTTPS")) ? lookup(each.value, "ssl_policy", "ELBSecurityPolicy-TLS13-1-2-2021-06") : null
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/0"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1"
  }
}
`,
  };
  const example = (policy: string) => `module "alb" {
  source = "../../"

  listeners = {
    ex-http = {
      port     = 80
      protocol = "HTTP"
    }
    ex-https = {
      port       = 443
      protocol   = "HTTPS"
      ssl_policy = "${policy}"
    }
  }
}
`;

  it("a weaker policy in one listener of the caller's map points at that key's line, with the module resource related", async () => {
    const base = files({ ...root, 'examples/complete-alb/main.tf': example('ELBSecurityPolicy-TLS13-1-2-Res-2021-06') });
    const head = files({ ...root, 'examples/complete-alb/main.tf': example('ELBSecurityPolicy-TLS-1-0-2015-04') });
    const result = await analyzeInfra({ base, head, now: NOW });
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC-LB-TLS-POLICY')).toEqual([
      expect.objectContaining({
        change: 'weakened',
        evidence: expect.objectContaining({ resource: 'module.alb.aws_lb_listener.this["ex-https"]' }),
        location: { kind: 'file', path: 'examples/complete-alb/main.tf', startLine: 12, endLine: 12 },
        related: [{ kind: 'file', path: 'main.tf', startLine: 1, endLine: 14 }],
      }),
    ]);
  });
});

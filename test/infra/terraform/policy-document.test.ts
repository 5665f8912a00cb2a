/**
 * `data "aws_iam_policy_document"` rendered as the AWS provider does, on shapes copied in
 * miniature from terraform-aws-modules/terraform-aws-s3-bucket (written for these tests): policy
 * documents counted on `attach_*` inputs, merged into one with `source_policy_documents`, the
 * bucket ARN put in with `replace()` on placeholders, and the result known only partly before
 * apply. The known statements decide; what hangs on an unknown one is unknown, with the reason.
 */
import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { isUnresolved, unresolved } from '../../../checks/infra/model.js';
import { renderPolicyDocument } from '../../../checks/infra/terraform/policy-document.js';
import type { Tree } from './fixtures.js';

const NOW = new Date('2026-02-01T09:00:00Z');
const files = (tree: Tree) => Object.entries(tree).map(([path, text]) => ({ path, text }));

const S3_MODULE: Tree = {
  'variables.tf': `variable "bucket" {
  type    = string
  default = null
}

variable "attach_deny_insecure_transport_policy" {
  type    = bool
  default = false
}

variable "attach_lb_log_delivery_policy" {
  type    = bool
  default = false
}

variable "attach_elb_log_delivery_policy" {
  type    = bool
  default = false
}

variable "attach_policy" {
  type    = bool
  default = false
}

variable "policy" {
  type    = string
  default = null
}
`,
  'main.tf': `data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  attach_policy = var.attach_deny_insecure_transport_policy || var.attach_lb_log_delivery_policy || var.attach_elb_log_delivery_policy || var.attach_policy

  policy_placeholders = {
    "_S3_BUCKET_ARN_"  = try(aws_s3_bucket.this[0].arn, null)
    "_AWS_ACCOUNT_ID_" = try(data.aws_caller_identity.current.account_id, null)
  }

  policy = local.attach_policy ? replace(
    replace(data.aws_iam_policy_document.combined[0].json, "_S3_BUCKET_ARN_", local.policy_placeholders["_S3_BUCKET_ARN_"]),
    "_AWS_ACCOUNT_ID_", local.policy_placeholders["_AWS_ACCOUNT_ID_"]
  ) : ""
}

resource "aws_s3_bucket" "this" {
  count  = 1
  bucket = var.bucket
}

resource "aws_s3_bucket_policy" "this" {
  count  = local.attach_policy ? 1 : 0
  bucket = aws_s3_bucket.this[0].id
  policy = local.policy
}

data "aws_iam_policy_document" "combined" {
  count = local.attach_policy ? 1 : 0

  source_policy_documents = compact([
    var.attach_elb_log_delivery_policy ? data.aws_iam_policy_document.elb_log_delivery[0].json : "",
    var.attach_lb_log_delivery_policy ? data.aws_iam_policy_document.lb_log_delivery[0].json : "",
    var.attach_deny_insecure_transport_policy ? data.aws_iam_policy_document.deny_insecure_transport[0].json : "",
    var.attach_policy ? var.policy : "",
  ])
}

locals {
  elb_service_accounts = {
    us-east-1 = "127311923021"
    eu-west-1 = "156460612806"
  }
}

data "aws_iam_policy_document" "elb_log_delivery" {
  count = var.attach_elb_log_delivery_policy ? 1 : 0

  dynamic "statement" {
    for_each = { for k, v in local.elb_service_accounts : k => v if k == data.aws_region.current.region }

    content {
      sid = format("ELBRegion%s", title(statement.key))

      principals {
        type        = "AWS"
        identifiers = [format("arn:aws:iam::%s:root", statement.value)]
      }

      effect    = "Allow"
      actions   = ["s3:PutObject"]
      resources = ["\${aws_s3_bucket.this[0].arn}/*"]
    }
  }
}

data "aws_iam_policy_document" "lb_log_delivery" {
  count = var.attach_lb_log_delivery_policy ? 1 : 0

  statement {
    sid = "AlbNlbLogDeliveryWrite"

    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }

    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = ["\${aws_s3_bucket.this[0].arn}/*"]

    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }
  }
}

data "aws_iam_policy_document" "deny_insecure_transport" {
  count = var.attach_deny_insecure_transport_policy ? 1 : 0

  statement {
    sid     = "denyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]

    resources = [
      aws_s3_bucket.this[0].arn,
      "\${aws_s3_bucket.this[0].arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
`,
};

const caller = (inputs: string, extra = ''): Tree => ({
  ...S3_MODULE,
  'examples/complete/main.tf': `${extra}module "log_bucket" {
  source = "../../"

  bucket = "logs-phi"
${inputs}}
`,
});

const TLS = 'IAC-S3-TLS-ONLY-POLICY';
const PUBLIC = 'IAC-S3-PUBLIC';
const of = (ruleId: string, outcomes: readonly { ruleId: string }[]) => outcomes.filter((outcome) => outcome.ruleId === ruleId);

describe('a bucket policy built from aws_iam_policy_document blocks (terraform-aws-s3-bucket)', () => {
  const strong = caller('  attach_deny_insecure_transport_policy = true\n  attach_lb_log_delivery_policy         = true\n');

  it('is decided although the bucket ARN is known only after apply: the TLS Deny passes, no statement is public', async () => {
    const result = await analyzeInfra({ base: [], head: files(strong), now: NOW });
    expect(of(TLS, result.unknown)).toEqual([]);
    expect(of(PUBLIC, result.unknown)).toEqual([]);
    expect(of(TLS, result.findings)).toEqual([]);
    expect(of(PUBLIC, result.findings)).toEqual([]);
  });

  it('turning the TLS policy off in the caller is caught: the Deny that provided it is removed', async () => {
    const weak = caller('  attach_deny_insecure_transport_policy = false\n  attach_lb_log_delivery_policy         = true\n');
    const result = await analyzeInfra({ base: files(strong), head: files(weak), now: NOW });
    expect(of(TLS, result.findings)).toEqual([
      expect.objectContaining({
        change: 'removed',
        evidence: expect.objectContaining({ before: 'module.log_bucket.aws_s3_bucket_policy.this[0]', after: null }),
        message: expect.stringContaining(
          'module.log_bucket.aws_s3_bucket.this[0] (terraform:examples/complete): the bucket policy (module.log_bucket.aws_s3_bucket_policy.this[0]) does not deny requests made without TLS',
        ),
      }),
    ]);
    expect(of(TLS, result.unknown)).toEqual([]);
  });

  it('a statement for every principal, passed in by the caller as a policy document, is a fail', async () => {
    const everyone = `data "aws_iam_policy_document" "bucket_policy" {
  statement {
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    actions   = ["s3:GetObject"]
    resources = ["_S3_BUCKET_ARN_/*"]
  }
}

`;
    const tree = caller('  attach_policy = true\n  policy        = data.aws_iam_policy_document.bucket_policy.json\n', everyone);
    const result = await analyzeInfra({ base: [], head: files(tree), now: NOW });
    expect(of(PUBLIC, result.findings)).toEqual([
      expect.objectContaining({
        location: expect.objectContaining({ path: 'examples/complete/main.tf' }),
        evidence: expect.objectContaining({ resource: 'module.log_bucket.aws_s3_bucket_policy.this[0]', actual: 'Allow to Principal "*"' }),
      }),
    ]);
    // No Deny of plain HTTP among known statements, and none unknown: a fail, not a guess.
    expect(of(TLS, result.findings)).toHaveLength(1);
  });

  it('a statement whose for_each needs the region (a data source) leaves "public?" unknown with the reason, while the TLS Deny still passes', async () => {
    const tree = caller('  attach_deny_insecure_transport_policy = true\n  attach_elb_log_delivery_policy        = true\n');
    const result = await analyzeInfra({ base: [], head: files(tree), now: NOW });
    expect(of(TLS, result.unknown)).toEqual([]);
    expect(of(TLS, result.findings)).toEqual([]);
    expect(of(PUBLIC, result.unknown)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^module\.log_bucket\.aws_s3_bucket_policy\.this\[0\] .*dynamic "statement".*a data source, read when Terraform runs/),
      }),
    ]);
  });

  it('a principal known only after apply leaves "public?" unknown, naming the principal', async () => {
    const role = `resource "aws_iam_role" "reader" {
  name = "reader"
}

data "aws_iam_policy_document" "bucket_policy" {
  statement {
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.reader.arn]
    }
    actions   = ["s3:ListBucket"]
    resources = ["_S3_BUCKET_ARN_"]
  }
}

`;
    const tree = caller('  attach_policy = true\n  policy        = data.aws_iam_policy_document.bucket_policy.json\n', role);
    const result = await analyzeInfra({ base: [], head: files(tree), now: NOW });
    expect(of(PUBLIC, result.unknown)).toEqual([expect.objectContaining({ message: expect.stringContaining('aws_iam_role.reader.arn') })]);
    expect(of(PUBLIC, result.findings)).toEqual([]);
  });
});

describe('renderPolicyDocument', () => {
  const statement = (sid: string, effect?: string) => ({ sid, ...(effect ? { effect } : {}), actions: ['s3:GetObject'], resources: ['arn:aws:s3:::phi/*'] });

  it('renders statements as the provider does: Effect defaults to Allow, one element is a string, principals and conditions become maps', () => {
    const document = renderPolicyDocument({
      statement: [
        {
          ...statement('Read'),
          principals: [
            { type: 'AWS', identifiers: ['arn:aws:iam::111122223333:root'] },
            { type: 'Service', identifiers: ['delivery.logs.amazonaws.com', 'logging.s3.amazonaws.com'] },
          ],
          condition: [
            { test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] },
            { test: 'StringEquals', variable: 's3:x-amz-acl', values: ['bucket-owner-full-control'] },
          ],
        },
        { sid: '', effect: 'Deny', actions: ['s3:*'], resources: ['*'], principals: [{ type: '*', identifiers: ['*'] }] },
        { actions: ['s3:GetObject'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] },
      ],
    });
    expect(document).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::phi/*',
          Principal: { AWS: 'arn:aws:iam::111122223333:root', Service: ['delivery.logs.amazonaws.com', 'logging.s3.amazonaws.com'] },
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 's3:x-amz-acl': 'bucket-owner-full-control' } },
        },
        { Effect: 'Deny', Action: 's3:*', Resource: '*', Principal: '*' },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Principal: { AWS: '*' } },
      ],
    });
  });

  it('adds up the values of condition blocks with the same test and variable', () => {
    const condition = [
      { test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] },
      { test: 'Bool', variable: 'aws:SecureTransport', values: ['0'] },
    ];
    const document = renderPolicyDocument({ statement: [{ effect: 'Deny', actions: ['s3:*'], resources: ['*'], condition }] });
    expect(!isUnresolved(document) && document.Statement).toEqual([
      { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': ['false', '0'] } } },
    ]);
  });

  it('merges source documents, then its own statements and override documents by Sid', () => {
    const source = {
      Statement: [
        { Sid: 'Keep', Effect: 'Deny' },
        { Sid: 'Swap', Effect: 'Allow' },
      ],
    };
    const override = JSON.stringify({
      Statement: [
        { Sid: 'Swap', Effect: 'Deny' },
        { Effect: 'Allow', Action: 'x:Y' },
      ],
    });
    const document = renderPolicyDocument({
      source_policy_documents: [source],
      statement: [statement('Keep', 'Allow')],
      override_policy_documents: [override],
    });
    expect(document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Keep', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' },
        { Sid: 'Swap', Effect: 'Deny' },
        { Effect: 'Allow', Action: 'x:Y' },
      ],
    });
  });

  it('is unknown, with the reason, where Terraform would refuse it or the merge hangs on an unknown Sid', () => {
    const repeated = renderPolicyDocument({ source_policy_documents: [{ Statement: [{ Sid: 'A' }] }, { Statement: [{ Sid: 'A' }] }] });
    expect(isUnresolved(repeated) && repeated.reason).toBe('the source policy documents repeat the Sid "A", which Terraform refuses');
    const sid = unresolved('${var.sid}', undefined, 'var.sid has no default');
    const blind = renderPolicyDocument({ source_policy_documents: [{ Statement: [{ Sid: 'A', Effect: 'Deny' }] }], statement: [{ sid }] });
    expect(isUnresolved(blind) && blind.reason).toContain("a statement's Sid is not known");
  });
});

import { describe, expect, it } from 'vitest';
import { lineContexts } from '../../checks/environments/blocks.js';

function contextAt(path: string, text: string, line: number) {
  return lineContexts(path, text.split('\n'))[line - 1];
}

describe('lineContexts for HCL', () => {
  const terraform = `terraform {
  backend "s3" {
    bucket = "state"   # a { in a comment
  }
}

resource "aws_iam_policy" "p" {
  policy = <<EOF
{ "Statement": [ { "Resource": "arn:aws:s3:::prod-x" } ] }
EOF
  name = "\${var.prefix}-{x}"
}

resource "aws_vpc_peering_connection" "to_prod" {
  peer_vpc_id = "vpc-1"
}
`;

  it('knows the backend block and its enclosing terraform block', () => {
    expect(contextAt('main.tf', terraform, 3)).toMatchObject({ backend: 's3', block: { type: 'terraform', startLine: 1, endLine: 5 } });
    expect(contextAt('main.tf', terraform, 2)?.backend).toBe('s3');
  });

  it('ignores braces inside heredocs, strings, interpolations and comments', () => {
    expect(contextAt('main.tf', terraform, 9)?.block).toMatchObject({ type: 'aws_iam_policy', name: 'p', startLine: 7, endLine: 12 });
    expect(contextAt('main.tf', terraform, 15)?.block).toMatchObject({ type: 'aws_vpc_peering_connection', name: 'to_prod', startLine: 14, endLine: 16 });
  });

  it('gives lines outside any block no context', () => {
    expect(contextAt('main.tf', terraform, 6)).toEqual({});
  });

  it('treats a whole .tfbackend file as a backend', () => {
    expect(contextAt('prod.s3.tfbackend', 'bucket = "x"\nkey = "y"\n', 2)).toEqual({ backend: 'file' });
  });
});

describe('lineContexts for YAML', () => {
  it('gives each Kubernetes document its kind and metadata.name', () => {
    const manifests =
      'kind: Service\nmetadata:\n  name: api\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow\nspec:\n  podSelector: {}\n';
    expect(contextAt('k.yaml', manifests, 2)?.block).toMatchObject({ type: 'Service', name: 'api', startLine: 1, endLine: 3 });
    expect(contextAt('k.yaml', manifests, 10)?.block).toMatchObject({ type: 'NetworkPolicy', name: 'allow', startLine: 4, endLine: 10 });
  });

  it('gives each CloudFormation resource its Type, short tags and all', () => {
    const template = `Resources:
  Peering:
    Type: AWS::EC2::VPCPeeringConnection
    Properties:
      VpcId: !Ref Vpc
      PeerVpcId: vpc-0prod1234
  Bucket:
    Type: "AWS::S3::Bucket"
Outputs:
  X: y
`;
    expect(contextAt('cfn.yaml', template, 6)?.block).toMatchObject({ type: 'AWS::EC2::VPCPeeringConnection', name: 'Peering', startLine: 2, endLine: 6 });
    expect(contextAt('cfn.yaml', template, 8)?.block).toMatchObject({ type: 'AWS::S3::Bucket', name: 'Bucket' });
    expect(contextAt('cfn.yaml', template, 10)).toEqual({});
  });

  it('gives other formats no context', () => {
    expect(contextAt('app.env', 'DB_HOST=x\n', 1)).toEqual({});
  });
});

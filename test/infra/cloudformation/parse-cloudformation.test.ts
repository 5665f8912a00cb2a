import { describe, expect, it } from 'vitest';
import { looksLikeCloudFormation, parseCloudFormation } from '../../../checks/infra/cloudformation/parse-cloudformation.js';
import { isUnresolved, type InfraResource } from '../../../checks/infra/model.js';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Encrypted:
    Type: String
    Default: "true"
  Policy:
    Type: String
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: !Ref Encrypted
      KmsKeyId: !GetAtt Key.Arn
      DBName: !Sub "\${AWS::StackName}-db"
      Tags:
        - Key: tier
          Value: !If [IsProd, prod, dev]
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      SslPolicy: !Ref Policy
      Certificates: !Split [",", !ImportValue certs]
      Other: !Join ["", [!Base64 x, !Select [0, !GetAZs ""], !FindInMap [M, K, V], !Cidr [a, 1, 2]]]
      Flag: !And [!Equals [a, b], !Or [!Not [!Condition C], !Condition D]]
`;

function only(path: string, text: string): InfraResource[] {
  const result = parseCloudFormation(path, text);
  if (!result.ok) throw new Error(result.message);
  return result.resources;
}

describe('parseCloudFormation', () => {
  it('reads every short intrinsic tag, resolves a Ref to a parameter default and leaves the rest unresolved', () => {
    const [database, listener] = only('stack.yaml', TEMPLATE);
    expect(database!.type).toBe('AWS::RDS::DBInstance');
    expect(database!.values.StorageEncrypted).toBe('true');
    const key = database!.values.KmsKeyId;
    expect(isUnresolved(key) && key.expression).toBe('!GetAtt ["Key","Arn"]');
    expect(isUnresolved(listener!.values.SslPolicy)).toBe(true);
    expect(isUnresolved(listener!.values.Other)).toBe(true);
    const certificates = listener!.values.Certificates;
    expect(isUnresolved(certificates) && certificates.expression).toBe(
      '!Split [",",{"Fn::ImportValue":"certs"}]: !ImportValue "certs" (another stack\'s export, known only where this stack is deployed)',
    );
  });

  it('gives exact line ranges for resources and properties', () => {
    const [database, listener] = only('stack.yaml', TEMPLATE);
    expect(database!.range).toEqual({ startLine: 9, endLine: 17 });
    expect(database!.locate(['StorageEncrypted'])).toEqual({ startLine: 12, endLine: 12 });
    expect(database!.locate(['Tags', 0, 'Value'])).toEqual({ startLine: 17, endLine: 17 });
    expect(listener!.locate(['SslPolicy'])).toEqual({ startLine: 21, endLine: 21 });
  });

  it('reads JSON templates with line ranges', () => {
    const json = JSON.stringify(
      { Resources: { Logs: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Suspended' } } } } },
      null,
      2,
    );
    const [bucket] = only('stack.json', json);
    expect(bucket!.values).toEqual({ VersioningConfiguration: { Status: 'Suspended' } });
    expect(bucket!.locate(['VersioningConfiguration', 'Status'])).toEqual({ startLine: 7, endLine: 7 });
  });

  it('reports a syntax error with its line', () => {
    const result = parseCloudFormation('broken.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n   bad: [\n');
    expect(result).toMatchObject({ ok: false, path: 'broken.yaml', format: 'cloudformation', line: 4 });
  });

  it('is told apart from other YAML by content', () => {
    expect(looksLikeCloudFormation(TEMPLATE)).toBe(true);
    expect(looksLikeCloudFormation('apiVersion: v1\nkind: Service\n')).toBe(false);
  });
});

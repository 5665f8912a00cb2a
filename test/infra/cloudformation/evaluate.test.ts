import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { parseCloudFormation } from '../../../checks/infra/cloudformation/parse-cloudformation.js';
import type { InfraFileText } from '../../../checks/infra/formats.js';
import { isUnresolved, type InfraResource } from '../../../checks/infra/model.js';
import { INFRA_RULES } from '../../../checks/infra/rules/index.js';
import { placeOf } from '../../support/infra-findings.js';

const NOW = new Date('2026-01-15T00:00:00Z');

/** A records-service template shaped like the healthcare reference stacks: environment mappings, conditions on parameters, optional KMS key. */
function recordsTemplate(listenerPolicy: string, options: { environment?: string; databaseCondition?: string } = {}): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: Patient records service
Parameters:
  Environment:
    Type: String
    Default: ${options.environment ?? 'prod'}
    AllowedValues: [dev, prod]
  KmsKeyArn:
    Type: String
    Description: Customer managed key; empty for the AWS managed key
  Tier:
    Type: String
Mappings:
  EnvironmentSettings:
    prod:
      TlsPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Encrypted: "true"
    dev:
      TlsPolicy: ELBSecurityPolicy-2016-08
      Encrypted: "false"
Conditions:
  IsProd: !Equals [!Ref Environment, prod]
  IsDev: !Not [!Condition IsProd]
  HasKmsKey: !Not [!Equals [!Ref KmsKeyArn, ""]]
  IsCritical: !Equals [!Ref Tier, critical]
  CriticalProd: !And [!Condition IsProd, !Condition IsCritical]
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      LoadBalancerArn: !Ref LoadBalancer
      SslPolicy: ${listenerPolicy}
  Database:
    Type: AWS::RDS::DBInstance${options.databaseCondition ? `\n    Condition: ${options.databaseCondition}` : ''}
    Properties:
      Engine: postgres
      DBName: !Sub "\${Environment}-records"
      StorageEncrypted: !FindInMap [EnvironmentSettings, !Ref Environment, Encrypted]
      KmsKeyId: !If [HasKmsKey, !Ref KmsKeyArn, !Ref AWS::NoValue]
  DevSandbox:
    Type: AWS::S3::Bucket
    Condition: IsDev
    Properties:
      BucketName: !Sub "records-sandbox-\${AWS::AccountId}"
`;
}

const MAPPED = '!FindInMap [EnvironmentSettings, !Ref Environment, TlsPolicy]';

function resources(path: string, text: string): Map<string, InfraResource> {
  const parsed = parseCloudFormation(path, text);
  if (!parsed.ok) throw new Error(`${parsed.path}:${parsed.line}: ${parsed.message}`);
  return new Map(parsed.resources.map((resource) => [resource.address, resource]));
}

async function scan(base: readonly InfraFileText[], head: readonly InfraFileText[], ruleIds: readonly string[]) {
  return analyzeInfra({ base, head, rules: INFRA_RULES.filter((rule) => ruleIds.includes(rule.id)), now: NOW });
}

describe('CloudFormation: parameters, mappings, conditions', () => {
  it('Given parameter defaults, then FindInMap, Sub and conditions resolve, and a resource whose condition is false does not exist', () => {
    const template = resources('records.yaml', recordsTemplate(MAPPED));

    expect([...template.keys()]).toEqual(['Listener', 'Database']);
    expect(template.get('Listener')?.values.SslPolicy).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
    expect(template.get('Database')?.values).toMatchObject({ DBName: 'prod-records', StorageEncrypted: 'true' });
  });

  it('Given the environment default switched to dev, then the sandbox bucket exists and the mapped values follow', () => {
    const template = resources('records.yaml', recordsTemplate(MAPPED, { environment: 'dev' }));

    expect([...template.keys()]).toEqual(['Listener', 'Database', 'DevSandbox']);
    expect(template.get('Listener')?.values.SslPolicy).toBe('ELBSecurityPolicy-2016-08');
    const bucketName = template.get('DevSandbox')?.values.BucketName;
    expect(isUnresolved(bucketName) && bucketName.expression).toBe(
      '!Sub "records-sandbox-${AWS::AccountId}": Ref AWS::AccountId (a pseudo parameter, known at deploy time)',
    );
  });

  it('Given an If on a condition over a parameter without default, then the value carries both branches, AWS::NoValue as absent', () => {
    const key = resources('records.yaml', recordsTemplate(MAPPED)).get('Database')?.values.KmsKeyId;

    expect(isUnresolved(key) && key.branches?.length).toBe(2);
    expect(isUnresolved(key) && key.branches?.[1]).toBeUndefined();
    expect(isUnresolved(key) && key.expression).toBe(
      '!If [HasKmsKey, ...] (Condition HasKmsKey: !Not [{"Fn::Equals":[{"Ref":"KmsKeyArn"},""]}]: !Equals [{"Ref":"KmsKeyArn"},""]: Ref KmsKeyArn (a parameter without default))',
    );
  });

  it('Given an If whose branches are objects, then the branches are kept per key, where rules read them', () => {
    const text = `Parameters:
  Tier:
    Type: String
Conditions:
  IsCritical: !Equals [!Ref Tier, critical]
Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption: !If
        - IsCritical
        - ServerSideEncryptionConfiguration:
            - ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" }
        - ServerSideEncryptionConfiguration:
            - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }
`;
    const encryption = resources('bucket.yaml', text).get('Records')?.values.BucketEncryption as {
      ServerSideEncryptionConfiguration: { ServerSideEncryptionByDefault: { SSEAlgorithm: unknown } }[];
    };

    const algorithm = encryption.ServerSideEncryptionConfiguration[0]?.ServerSideEncryptionByDefault.SSEAlgorithm;
    expect(isUnresolved(algorithm) && algorithm.branches).toEqual(['aws:kms', 'AES256']);
  });

  it('Given a listener policy chosen by a condition nobody can decide, then a fail whichever way is a fail, and one good branch makes it unknown', async () => {
    const bothWeak = recordsTemplate('!If [IsCritical, ELBSecurityPolicy-TLS-1-1-2017-01, ELBSecurityPolicy-2016-08]');
    const oneGood = recordsTemplate('!If [IsCritical, ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-2016-08]');

    const failing = await scan([], [{ path: 'records.yaml', text: bothWeak }], ['IAC-LB-TLS-POLICY']);
    const undecided = await scan([], [{ path: 'records.yaml', text: oneGood }], ['IAC-LB-TLS-POLICY']);

    expect(failing.findings.map((finding) => [finding.ruleId, placeOf(finding.location)])).toEqual([['IAC-LB-TLS-POLICY', 'records.yaml:33']]);
    expect(failing.findings[0]?.message).toContain('"ELBSecurityPolicy-TLS-1-1-2017-01" or "ELBSecurityPolicy-2016-08" whichever way');
    expect(undecided.findings).toEqual([]);
    expect(undecided.unknown.map((outcome) => [outcome.ruleId, placeOf(outcome.location)])).toEqual([['IAC-LB-TLS-POLICY', 'records.yaml:33']]);
  });

  it('Given the environment default changed from prod to dev, then the mapped TLS policy and encryption are reported weakened', async () => {
    const base = [{ path: 'records.yaml', text: recordsTemplate(MAPPED) }];
    const head = [{ path: 'records.yaml', text: recordsTemplate(MAPPED, { environment: 'dev' }) }];

    const result = await scan(base, head, ['IAC-LB-TLS-POLICY', 'IAC-RDS-ENCRYPTION']);

    expect(
      result.findings.map((finding) => [finding.ruleId, finding.change, placeOf(finding.location), finding.evidence.before, finding.evidence.after]),
    ).toEqual([
      ['IAC-LB-TLS-POLICY', 'weakened', 'records.yaml:33', 'ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-2016-08'],
      ['IAC-RDS-ENCRYPTION', 'weakened', 'records.yaml:39', 'true', 'false'],
    ]);
  });

  it('Given a resource whose condition cannot be decided, then its verdicts are unknown, not fails', async () => {
    const text = recordsTemplate(MAPPED, { environment: 'dev', databaseCondition: 'CriticalProd' }).replace('Default: dev', 'Default: prod');
    const unencrypted = text.replace('StorageEncrypted: !FindInMap [EnvironmentSettings, !Ref Environment, Encrypted]', 'StorageEncrypted: false');

    const result = await scan([], [{ path: 'records.yaml', text: unencrypted }], ['IAC-RDS-ENCRYPTION']);

    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => outcome.message)).toEqual([
      'Database: SourceDBInstanceIdentifier depends on the resource exists only if Condition CriticalProd: !And [{"Condition":"IsProd"},{"Condition":"IsCritical"}]: Condition IsCritical: !Equals [{"Ref":"Tier"},"critical"]: Ref Tier (a parameter without default), which could not be resolved',
    ]);
  });

  it('Given a flow log that refers to its VPC with !Ref, then the reference is still seen through the evaluation', async () => {
    const text = `Resources:
  DevVPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.10.0.0/16
  DevVPCFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref DevVPC
      ResourceType: VPC
      TrafficType: ALL
`;
    const withoutFlowLog = text.slice(0, text.indexOf('  DevVPCFlowLog:'));

    expect((await scan([], [{ path: 'dev.yaml', text }], ['IAC-VPC-FLOW-LOGS'])).findings).toEqual([]);
    expect((await scan([], [{ path: 'dev.yaml', text: withoutFlowLog }], ['IAC-VPC-FLOW-LOGS'])).findings.map((finding) => placeOf(finding.location))).toEqual([
      'dev.yaml:2',
    ]);
  });

  it('Given a JSON template with the long forms, then it is evaluated the same', () => {
    const json = JSON.stringify(
      {
        Parameters: { Environment: { Type: 'String', Default: 'prod' } },
        Mappings: { Policies: { prod: { Tls: 'ELBSecurityPolicy-TLS13-1-2-2021-06' } } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Environment' }, 'prod'] } },
        Resources: {
          Listener: {
            Type: 'AWS::ElasticLoadBalancingV2::Listener',
            Properties: {
              Protocol: 'HTTPS',
              SslPolicy: { 'Fn::If': ['IsProd', { 'Fn::FindInMap': ['Policies', { Ref: 'Environment' }, 'Tls'] }, 'ELBSecurityPolicy-2016-08'] },
              Name: { 'Fn::Join': ['-', [{ Ref: 'Environment' }, 'front']] },
            },
          },
        },
      },
      null,
      2,
    );

    expect(resources('records.json', json).get('Listener')?.values).toMatchObject({ SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', Name: 'prod-front' });
  });

  it('Given a UTF-8 byte order mark before the template, then it is read', () => {
    expect([...resources('records.yaml', `\uFEFF${recordsTemplate(MAPPED)}`).keys()]).toEqual(['Listener', 'Database']);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { cloudFormationParser } from '../../../checks/infra/cloudformation/format.js';
import type { InfraFileText } from '../../../checks/infra/formats.js';
import { INFRA_RULES } from '../../../checks/infra/rules/index.js';
import { findingPlaces } from '../../support/infra-findings.js';

const NOW = new Date('2026-01-15T00:00:00Z');

/**
 * Shaped like aws-samples/aws-refarch-wordpress: a master template runs its stacks from S3 URLs
 * that end in the repository's own paths, is gated on the region, and is deployed with a
 * parameter file kept under samples/.
 */
const MASTER = `AWSTemplateFormatVersion: "2010-09-09"
Metadata:
  AWS::CloudFormation::Interface:
    ParameterLabels:
      DatabaseEncryptedBoolean:
        default: Encrypted DB Cluster
Parameters:
  AdminEmail:
    Type: String
  DatabaseEncryptedBoolean:
    Type: String
    AllowedValues: [true, false]
    Default: true
Conditions:
  AvailableAWSRegion: !Or
    - !Equals [!Ref "AWS::Region", us-east-1]
    - !Equals [!Ref "AWS::Region", us-east-2]
Resources:
  rds:
    Condition: AvailableAWSRegion
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/aws-refarch/wordpress/latest/templates/wordpress-03-rds.yaml
      Parameters:
        DatabaseEncryptedBoolean: !Ref DatabaseEncryptedBoolean
`;

const RDS = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  DatabaseEncryptedBoolean:
    Type: String
    Default: true
Resources:
  DatabaseCluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      StorageEncrypted: !Ref DatabaseEncryptedBoolean
`;

function cliParameters(encrypted: string): string {
  return `[
  { "ParameterKey": "AdminEmail",               "ParameterValue": "admin@example.org" },
  { "ParameterKey": "DatabaseEncryptedBoolean", "ParameterValue": "${encrypted}" }
]
`;
}

function layout(parameters: Record<string, string> = { 'samples/wordpress-parameters-newvpc.json': cliParameters('true') }): InfraFileText[] {
  return [
    { path: 'templates/wordpress-master-newvpc.yaml', text: MASTER },
    { path: 'templates/wordpress-03-rds.yaml', text: RDS },
    ...Object.entries(parameters).map(([path, text]) => ({ path, text })),
  ];
}

const RULES = INFRA_RULES.filter((rule) => rule.id === 'IAC-AURORA-ENCRYPTION');

async function scan(base: readonly InfraFileText[], head: readonly InfraFileText[], parameterFiles?: Record<string, string[]>) {
  return analyzeInfra({ base, head, rules: RULES, now: NOW, ...(parameterFiles ? { parseOptions: { cloudFormationParameterFiles: parameterFiles } } : {}) });
}

describe('CloudFormation: parameter files and stacks run from S3 URLs', () => {
  it('Given the sample deployment unchanged, then the nested cluster passes with the value the parameter file gives', async () => {
    const result = await scan(layout(), layout());

    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it("Given the parameter file's value weakened, then the cluster of the stack the S3 URL names is reported at the parameter file's line, the template's resource related", async () => {
    const result = await scan(layout(), layout({ 'samples/wordpress-parameters-newvpc.json': cliParameters('false') }));

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'IAC-AURORA-ENCRYPTION', change: 'weakened', at: 'samples/wordpress-parameters-newvpc.json:3', related: ['templates/wordpress-03-rds.yaml:7'] },
    ]);
  });

  it('Given the master default weakened while the parameter file sets the value, then nothing is reported: every deployment overrides that default', async () => {
    const weakDefault = layout().map((file) =>
      file.path.includes('master') ? { ...file, text: MASTER.replace('    Default: true\n', '    Default: false\n') } : file,
    );

    const result = await scan(layout(), weakDefault);

    expect(result.findings).toEqual([]);
  });

  it('Given no parameter file, then the master default reaches the nested cluster (reported at the line passing it), and the region condition leaves it judged as created, with a note', async () => {
    const alone = layout({});
    const weakDefault = alone.map((file) =>
      file.path.includes('master') ? { ...file, text: MASTER.replace('    Default: true\n', '    Default: false\n') } : file,
    );

    const result = await scan(alone, weakDefault);

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'IAC-AURORA-ENCRYPTION', change: 'weakened', at: 'templates/wordpress-master-newvpc.yaml:25', related: ['templates/wordpress-03-rds.yaml:7'] },
    ]);
    expect(result.notes).toContain(
      'infra: resources of templates/wordpress-03-rds.yaml exist only where the stack is deployed in a region or account that meets Condition AvailableAWSRegion: !Or [{"Fn::Equals":[{"Ref":"AWS::Region"},"us-east-1"]},{"Fn::Equals":[{"Ref":"AWS::Region"},"us-east-2"]}]: !Equals [{"Ref":"AWS::Region"},"us-east-1"]: Ref AWS::Region (a pseudo parameter, known at deploy time); they are judged as they are when created',
    );
  });

  it('Given two parameter files, then each is its own deployment: the weakened one is reported at its line, the other stays quiet', async () => {
    const two = {
      'samples/wordpress-parameters-newvpc.json': cliParameters('true'),
      'samples/wordpress-parameters-newvpc-staging.json': cliParameters('true'),
    };

    const result = await scan(layout(two), layout({ ...two, 'samples/wordpress-parameters-newvpc-staging.json': cliParameters('false') }));

    expect(findingPlaces(result.findings)).toEqual([
      {
        ruleId: 'IAC-AURORA-ENCRYPTION',
        change: 'weakened',
        at: 'samples/wordpress-parameters-newvpc-staging.json:3',
        related: ['templates/wordpress-03-rds.yaml:7'],
      },
    ]);
    const parsed = await cloudFormationParser.parseGroup!(layout(two));
    const clusters = parsed.flatMap((file) => (file.ok ? file.resources : [])).filter((resource) => resource.address === 'DatabaseCluster');
    expect(clusters.map((resource) => resource.scope).sort()).toEqual([
      'cloudformation:templates/wordpress-03-rds.yaml@samples/wordpress-parameters-newvpc-staging.json>templates/wordpress-master-newvpc.yaml:rds',
      'cloudformation:templates/wordpress-03-rds.yaml@samples/wordpress-parameters-newvpc.json>templates/wordpress-master-newvpc.yaml:rds',
    ]);
  });

  it('Given a network template nested by two masters, then each deployment finds the flow log of its own VPC by !Ref: no false alarm for the second', async () => {
    const network = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  VpcFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: ALL
`;
    const master = (name: string) =>
      `Resources:\n  newvpc:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://s3.amazonaws.com/refarch/${name}/templates/network.yaml\n`;
    const files = [
      { path: 'templates/master-newvpc.yaml', text: master('a') },
      { path: 'templates/master-existing.yaml', text: master('b') },
      { path: 'templates/network.yaml', text: network },
    ];

    const result = await analyzeInfra({ base: [], head: files, rules: INFRA_RULES.filter((rule) => rule.id === 'IAC-VPC-FLOW-LOGS'), now: NOW });

    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('Given a template-configuration file in YAML named in infra.cloudformation.parameter-files, then its Parameters are the deployment, located on their lines', async () => {
    const configuration = (encrypted: string) =>
      `Parameters:\n  AdminEmail: admin@example.org\n  DatabaseEncryptedBoolean: "${encrypted}"\nTags:\n  project: portal\n`;
    const configured = { 'templates/wordpress-master-newvpc.yaml': ['deploy/prod/*.yml'] };

    const result = await scan(
      layout({ 'deploy/prod/stack.yml': configuration('true') }),
      layout({ 'deploy/prod/stack.yml': configuration('false') }),
      configured,
    );

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'IAC-AURORA-ENCRYPTION', change: 'weakened', at: 'deploy/prod/stack.yml:3', related: ['templates/wordpress-03-rds.yaml:7'] },
    ]);
  });

  it('Given a parameter file that fits no template near it, then a note names it and says how to apply it', async () => {
    const stray = `[{ "ParameterKey": "SomethingElse", "ParameterValue": "x" }]\n`;

    const result = await scan([], layout({ 'samples/wordpress-parameters-newvpc.json': cliParameters('true'), 'samples/other-parameters.json': stray }));

    expect(result.notes).toContain(
      'infra: samples/other-parameters.json is a CloudFormation parameter file, but no root template near it declares all its parameters; name its template in infra.cloudformation.parameter-files to apply it',
    );
  });

  it('Given infra.cloudformation.parameter-files naming a template that is not in the version (or is nested), then a note says so instead of applying it silently elsewhere', async () => {
    const result = await scan([], layout(), { 'templates/wordpress-03-rds.yaml': ['samples/*.json'], 'templates/gone.yaml': ['samples/*.json'] });

    expect(result.notes).toContain(
      'infra: infra.cloudformation.parameter-files names templates/wordpress-03-rds.yaml, templates/gone.yaml for samples/wordpress-parameters-newvpc.json, which is not a root template of the repository (one no other template nests); it is not applied there',
    );
  });

  it("Given UsePreviousValue, then the value is the running stack's and the verdict unknown, not a pass or a fail", async () => {
    const previous = `[\n  { "ParameterKey": "DatabaseEncryptedBoolean", "UsePreviousValue": true }\n]\n`;

    const result = await scan([], layout({ 'samples/wordpress-parameters-newvpc.json': previous }));

    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => outcome.message)).toEqual([
      "DatabaseCluster: StorageEncrypted depends on DatabaseEncryptedBoolean (UsePreviousValue in samples/wordpress-parameters-newvpc.json: the running stack's value), which could not be resolved",
    ]);
  });

  it('Given files that look alike, then parameter files are told from other JSON, and a parameter file depends on the templates near it', () => {
    expect(cloudFormationParser.matchesContent('samples/wordpress-parameters-newvpc.json', cliParameters('true'))).toBe(true);
    expect(cloudFormationParser.matchesContent('deploy/prod/stack.json', '{"Parameters": {"DatabaseEncryptedBoolean": "true"}, "Tags": {}}')).toBe(true);
    expect(cloudFormationParser.matchesContent('package.json', '{"name": "portal", "Parameters": {"nested": {"a": 1}}}')).toBe(false);
    expect(cloudFormationParser.matchesContent('ci/matrix.json', '[{"ParameterKey": 1}]')).toBe(false);
    expect(cloudFormationParser.dependenciesOf!('samples/wordpress-parameters-newvpc.json', cliParameters('true'))).toEqual([
      'samples/*.{yaml,yml,json,template}',
      '*.{yaml,yml,json,template}',
      '*/*.{yaml,yml,json,template}',
    ]);
  });
});

/** Shaped like aws-quickstart/quickstart-compliance-hipaa: stacks run from `!Sub` S3 URLs under a key prefix. */
describe('CloudFormation: quick-start stacks run from !Sub S3 URLs', () => {
  const entrypoint = (retention: number) => `Parameters:
  QSS3BucketName:
    Type: String
    Default: aws-quickstart
  QSS3KeyPrefix:
    Type: String
    Default: quickstart-compliance-hipaa/
  CloudTrailLogRetentionDays:
    Type: Number
    Default: ${retention}
Resources:
  LoggingStack:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: !Sub
        - 'https://\${S3Bucket}.s3.\${AWS::Region}.\${AWS::URLSuffix}/\${QSS3KeyPrefix}templates/compliance-hipaa-logging.template.yaml'
        - S3Bucket: !Ref QSS3BucketName
      Parameters:
        CloudTrailLogRetentionDays: !Ref CloudTrailLogRetentionDays
`;
  const logging = `Parameters:
  CloudTrailLogRetentionDays:
    Type: Number
Resources:
  CloudTrailLogGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref CloudTrailLogRetentionDays
`;
  const files = (retention: number): InfraFileText[] => [
    { path: 'templates/compliance-hipaa-entrypoint.template.yaml', text: entrypoint(retention) },
    { path: 'templates/compliance-hipaa-logging.template.yaml', text: logging },
  ];
  const rules = INFRA_RULES.filter((rule) => rule.id === 'IAC-LOG-RETENTION-LOWERED');

  it('Given the entrypoint lowers the retention it passes, then the nested log group is reported at the entrypoint line passing it, not unknown for want of a default', async () => {
    const unchanged = await analyzeInfra({ base: files(2192), head: files(2192), rules, now: NOW });
    const result = await analyzeInfra({ base: files(2192), head: files(30), rules, now: NOW });

    expect(unchanged.unknown).toEqual([]);
    expect(findingPlaces(result.findings)).toEqual([
      {
        ruleId: 'IAC-LOG-RETENTION-LOWERED',
        change: 'weakened',
        at: 'templates/compliance-hipaa-entrypoint.template.yaml:19',
        related: ['templates/compliance-hipaa-logging.template.yaml:5'],
      },
    ]);
  });
});

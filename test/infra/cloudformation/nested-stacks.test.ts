import { describe, expect, it } from 'vitest';
import { analyzeInfra } from '../../../checks/infra/evaluate.js';
import { cloudFormationParser } from '../../../checks/infra/cloudformation/format.js';
import type { InfraFileText } from '../../../checks/infra/formats.js';
import { INFRA_RULES } from '../../../checks/infra/rules/index.js';
import { findingPlaces } from '../../support/infra-findings.js';

const NOW = new Date('2026-01-15T00:00:00Z');

/** The parent stack (packaged with `aws cloudformation package`): a local frontend stack, given its TLS policy. */
function mainTemplate(frontendPolicy: string): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: Patient portal
Parameters:
  Environment:
    Type: String
    Default: prod
Resources:
  Frontend:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./stacks/frontend.yaml
      Parameters:
        Environment: !Ref Environment
        TlsPolicy: ${frontendPolicy}
  Records:
    Type: AWS::Serverless::Application
    Properties:
      Location: ./stacks/records.yaml
      Parameters:
        Encrypted: "true"
`;
}

const FRONTEND = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Environment:
    Type: String
  TlsPolicy:
    Type: String
    Default: ELBSecurityPolicy-TLS13-1-2-2021-06
Resources:
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
      LoadBalancerArn: !Ref LoadBalancer
      SslPolicy: !Ref TlsPolicy
`;

const RECORDS = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Encrypted:
    Type: String
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: !Ref Encrypted
`;

const GOOD_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

function layout(main: string, records = RECORDS): InfraFileText[] {
  return [
    { path: 'infra/main.yaml', text: main },
    { path: 'infra/stacks/frontend.yaml', text: FRONTEND },
    { path: 'infra/stacks/records.yaml', text: records },
  ];
}

async function scan(base: readonly InfraFileText[], head: readonly InfraFileText[]) {
  return analyzeInfra({ base, head, rules: INFRA_RULES.filter((rule) => ['IAC-LB-TLS-POLICY', 'IAC-RDS-ENCRYPTION'].includes(rule.id)), now: NOW });
}

describe('CloudFormation: local nested stacks', () => {
  it('Given the parent passes a TLS 1.2+ policy and encryption, then the nested resources pass', async () => {
    const result = await scan(layout(mainTemplate(GOOD_POLICY)), layout(mainTemplate(GOOD_POLICY)));

    expect(result.findings).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('Given the parent passes a weaker TLS policy, then the nested listener is reported weakened at the parent line that passes it', async () => {
    const result = await scan(layout(mainTemplate(GOOD_POLICY)), layout(mainTemplate('ELBSecurityPolicy-TLS-1-1-2017-01')));

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'IAC-LB-TLS-POLICY', change: 'weakened', at: 'infra/main.yaml:14', related: ['infra/stacks/frontend.yaml:9'] },
    ]);
    expect(result.findings[0]?.evidence).toMatchObject({ before: GOOD_POLICY, after: 'ELBSecurityPolicy-TLS-1-1-2017-01' });
  });

  it("Given a parent parameter passed on to the child, then the finding points at the parent's own line where the value is set", async () => {
    const forwarding = (policy: string) =>
      mainTemplate('!Ref FrontendPolicy').replace(
        '  Environment:\n    Type: String\n    Default: prod\n',
        `  Environment:\n    Type: String\n    Default: prod\n  FrontendPolicy:\n    Type: String\n    Default: ${policy}\n`,
      );

    const result = await scan(layout(forwarding(GOOD_POLICY)), layout(forwarding('ELBSecurityPolicy-2016-08')));

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'IAC-LB-TLS-POLICY', change: 'weakened', at: 'infra/main.yaml:17', related: ['infra/stacks/frontend.yaml:9'] },
    ]);
  });

  it('Given the SAM application stops passing encryption, then the nested database is reported at the parent line', async () => {
    const result = await scan(layout(mainTemplate(GOOD_POLICY)), layout(mainTemplate(GOOD_POLICY).replace('Encrypted: "true"', 'Encrypted: "false"')));

    expect(findingPlaces(result.findings)).toEqual([
      { ruleId: 'IAC-RDS-ENCRYPTION', change: 'weakened', at: 'infra/main.yaml:20', related: ['infra/stacks/records.yaml:6'] },
    ]);
  });

  it('Given a nested stack that exists only under a condition nobody can decide, then its resources have unknown verdicts, not fails', async () => {
    const conditional = mainTemplate(GOOD_POLICY)
      .replace('Encrypted: "true"', 'Encrypted: "false"')
      .replace('Resources:\n', 'Conditions:\n  WithRecords: !Equals [!Ref RecordsMode, hosted]\nResources:\n')
      .replace(
        '  Environment:\n    Type: String\n    Default: prod\n',
        '  Environment:\n    Type: String\n    Default: prod\n  RecordsMode:\n    Type: String\n',
      )
      .replace('    Type: AWS::Serverless::Application\n', '    Type: AWS::Serverless::Application\n    Condition: WithRecords\n');

    const result = await scan([], layout(conditional));

    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => outcome.message)).toEqual([
      'Database: SourceDBInstanceIdentifier depends on the resource exists only if Condition WithRecords: !Equals [{"Ref":"RecordsMode"},"hosted"]: Ref RecordsMode (a parameter without default), which could not be resolved',
    ]);
  });

  it('Given the child template alone, then a parameter without default is unknown, not a fail', async () => {
    const result = await scan([], [{ path: 'infra/stacks/records.yaml', text: RECORDS }]);

    expect(result.findings).toEqual([]);
    expect(result.unknown.map((outcome) => outcome.message)).toEqual([
      'Database: StorageEncrypted depends on Ref Encrypted (a parameter without default), which could not be resolved',
    ]);
  });

  it('Given local, S3 and escaping nested stacks, then local paths and the file names S3 URLs end in are dependencies, never a path outside the repository', () => {
    const text = `${mainTemplate(GOOD_POLICY)}  Remote:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/quickstart/templates/logging.yaml
  Outside:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ../../../shared/escape.yaml
  Computed:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: !Sub "https://\${Bucket}.s3.amazonaws.com/child.yaml"
`;

    expect(cloudFormationParser.dependenciesOf!('infra/main.yaml', text)).toEqual([
      'infra/stacks/frontend.yaml',
      'infra/stacks/records.yaml',
      '**/logging.yaml',
      '**/child.yaml',
    ]);
  });

  it('Given a template that nests itself, then it is evaluated once, not forever', async () => {
    const loop = `Resources:
  Self:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./loop.yaml
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: true
`;
    const parsed = await cloudFormationParser.parseGroup!([{ path: 'loop.yaml', text: loop }]);

    expect(parsed.flatMap((file) => (file.ok ? file.resources.map((resource) => resource.address) : []))).toEqual(['Self', 'Database']);
  });
});

import { BlockList, isIP } from 'node:net';
import picomatch from 'picomatch';
import { z } from 'zod';
import { FAIL_ON } from '../model/finding.js';
import { BACKENDS } from '../endpoint/model.js';

/** The TLS profiles shipped with hipaa-guard (versioned data in checks/endpoint/profiles). */
export const PROFILE_NAMES = ['hipaa', 'nist-800-52r2', 'mozilla-intermediate', 'mozilla-modern'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export function isCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (!address || prefix === undefined || rest.length || !/^\d{1,3}$/.test(prefix)) return false;
  const family = isIP(address);
  if (family === 0 || Number(prefix) > (family === 4 ? 32 : 128)) return false;
  try {
    new BlockList().addSubnet(address, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    return true;
  } catch {
    return false;
  }
}

function isGlob(value: string): boolean {
  try {
    // strictBrackets: an unclosed [ { ( is an error, not a pattern that silently matches nothing.
    picomatch.makeRe(value, { strictBrackets: true });
    return value.trim().length > 0;
  } catch {
    return false;
  }
}

const glob = z.string().refine(isGlob, { message: 'expected a glob pattern such as "infra/prod/**"' });
const globs = z.array(glob);

const httpsUrl = z.string().refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
  message: 'expected an https:// URL such as "https://api.example.org"',
});
const httpUrl = z.string().refine((value) => URL.canParse(value) && new URL(value).protocol === 'http:', {
  message: 'expected an http:// URL such as "http://api.example.org/"',
});

const profile = z.enum(PROFILE_NAMES).describe('TLS profile the endpoints are judged against.');
const engine = z.enum(BACKENDS).describe('Which backend probes TLS: the embedded prober (native) or an external scanner.');
const enginePath = z.string().min(1).describe('Path of the external backend binary (tls-scan, testssl.sh).');

export const endpointSchema = z
  .strictObject({
    url: httpsUrl.describe('The HTTPS endpoint to probe: https://host[:port][/path].'),
    http: httpUrl.optional().describe('Plain-HTTP URL whose redirect to HTTPS is checked; default http://<host>/ on port 80.'),
    address: z
      .string()
      .refine((value) => isIP(value) !== 0, { message: 'expected an IPv4 or IPv6 address such as "203.0.113.7"' })
      .optional()
      .describe('Connect to this address while sending the URL host as SNI and Host (like curl --resolve).'),
    ca: z.string().min(1).optional().describe('PEM file of extra trust anchors, relative to the repository root.'),
    profile: profile.optional(),
    engine: engine.optional(),
    'engine-path': enginePath.optional(),
  })
  .describe('One deployed endpoint.');

const identifiers = z
  .strictObject({
    accounts: z
      .array(z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id'))
      .default([])
      .describe('Cloud account ids.'),
    vpcs: z.array(z.string().min(1)).default([]).describe('VPC / network ids.'),
    cidrs: z
      .array(z.string().refine(isCidr, { message: 'expected a CIDR such as "10.10.0.0/16"' }))
      .default([])
      .describe('Network ranges.'),
    domains: z.array(glob).default([]).describe('Host names; `*.` patterns allowed.'),
    namespaces: z.array(z.string().min(1)).default([]).describe('Kubernetes namespaces.'),
    names: z.array(glob).default([]).describe('Resource name patterns: buckets, databases, secrets, clusters.'),
  })
  .describe("Anything that names this environment's resources.");

export const environmentSchema = z
  .strictObject({
    paths: globs.default([]).describe('Files that belong to this environment.'),
    identifiers: identifiers.default({ accounts: [], vpcs: [], cidrs: [], domains: [], namespaces: [], names: [] }),
  })
  .describe('One environment (production, staging, dev...).');

export const configSchema = z
  .strictObject({
    _extends: z.string().optional().describe('Inherit from another repository\'s config ("org/.github").'),
    profile: profile.default('hipaa'),
    'fail-on': z.enum(FAIL_ON).default('high').describe('Lowest severity that fails the run.'),
    'issue-on': z
      .enum(FAIL_ON)
      .optional()
      .describe('Lowest severity that opens an endpoint issue (default: fail-on); lower findings are listed in an issue that exists anyway, never open one.'),
    engine: engine.default('native'),
    'engine-path': enginePath.optional(),
    probe: z
      .strictObject({
        timeout: z.number().int().min(100).max(300_000).default(10_000).describe('Milliseconds per endpoint.'),
        concurrency: z.number().int().min(1).max(256).default(16).describe('Endpoints probed at once.'),
        'on-pull-request': z.boolean().default(false).describe('Also probe the endpoints on pull requests.'),
      })
      .default({ timeout: 10_000, concurrency: 16, 'on-pull-request': false })
      .describe('How endpoints are probed.'),
    endpoints: z.array(endpointSchema).default([]).describe('Deployed endpoints to probe.'),
    infra: z
      .strictObject({
        include: globs.default([]).describe('Extra files to treat as infrastructure.'),
        exclude: globs.default([]).describe('Files never treated as infrastructure.'),
        'block-existing': z.boolean().default(false).describe('Let unchanged, pre-existing violations fail the run too.'),
        terraform: z
          .strictObject({
            'var-files': globs
              .default([])
              .describe(
                'Var files (like `terraform plan -var-file`) applied, in this order and after terraform.tfvars and *.auto.tfvars, to the root module in their own directory, e.g. "envs/prod/prod.tfvars".',
              ),
          })
          .default({ 'var-files': [] })
          .describe('How Terraform configurations are evaluated.'),
        cloudformation: z
          .strictObject({
            'parameter-files': z
              .record(z.string().min(1), globs)
              .default({})
              .describe(
                'Parameter files (the AWS CLI\'s `[{"ParameterKey": ..., "ParameterValue": ...}]` or a template-configuration `{"Parameters": {...}}`, JSON or YAML) by the root template they deploy, e.g. {"templates/main.yaml": ["params/prod.json"]}. Each file is one evaluation of the template. Without an entry, a parameter file is tied to the template near it that declares all its parameters.',
              ),
          })
          .default({ 'parameter-files': {} })
          .describe('How CloudFormation templates are evaluated.'),
      })
      .default({ include: [], exclude: [], 'block-existing': false, terraform: { 'var-files': [] }, cloudformation: { 'parameter-files': {} } })
      .describe('Infrastructure-as-code scanning.'),
    environments: z
      .record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected an environment name of letters, digits, - or _'), environmentSchema)
      .optional()
      .describe('Environments that must stay separate; inferred from the layout when absent.'),
  })
  .describe('hipaa-guard configuration (.github/hipaa-guard.yml).');

/** An endpoint as configured; `line` is where its `url:` stands in the config file, when it was read from one. */
export type EndpointConfig = z.output<typeof endpointSchema> & { line?: number };
export type Config = Omit<z.output<typeof configSchema>, 'endpoints'> & { endpoints: EndpointConfig[] };

/** The config used when a repository has none. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

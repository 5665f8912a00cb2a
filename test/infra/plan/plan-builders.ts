/**
 * Plan JSON written the way `terraform show -json tfplan` writes it (internal/command/jsonplan,
 * jsonconfig), per format version: 0.1 (Terraform 0.12-0.14: no sensitivity marks),
 * 0.2 (0.15-1.0), 1.0 (1.1), 1.2 (1.6+). Values are the provider's full objects: every schema
 * attribute present, `null` when unset, nested blocks as lists.
 */
export type FormatVersion = '0.1' | '0.2' | '1.0' | '1.2';

const TERRAFORM_VERSION: Record<FormatVersion, string> = { '0.1': '0.12.31', '0.2': '1.0.11', '1.0': '1.1.9', '1.2': '1.9.5' };
const AWS = 'registry.terraform.io/hashicorp/aws';

export type Actions = ['no-op'] | ['create'] | ['read'] | ['update'] | ['delete', 'create'] | ['create', 'delete'] | ['delete'] | ['forget'];

export interface ChangeSpec {
  address: string;
  type: string;
  actions: Actions;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  afterUnknown?: Record<string, unknown>;
  beforeSensitive?: Record<string, unknown> | boolean;
  afterSensitive?: Record<string, unknown> | boolean;
  previousAddress?: string;
  mode?: 'managed' | 'data';
  deposed?: string;
  providerName?: string;
}

/** `module.a["x"].aws_lb.front[0]` → its module address, name and index, as Terraform splits them. */
function addressParts(address: string): { moduleAddress?: string; name: string; index?: string | number } {
  const match = /^(?<module>(?:module\.[\w-]+(?:\[[^\]]+\])?\.)*)(?:data\.)?[\w-]+\.(?<name>[\w-]+)(?:\[(?<index>[^\]]+)\])?$/.exec(address);
  const groups = match?.groups ?? {};
  const index = groups.index === undefined ? undefined : groups.index.startsWith('"') ? (JSON.parse(groups.index) as string) : Number(groups.index);
  return {
    ...(groups.module ? { moduleAddress: groups.module.slice(0, -1) } : {}),
    name: groups.name ?? address,
    ...(index === undefined ? {} : { index }),
  };
}

function resourceChange(spec: ChangeSpec, format: FormatVersion = '1.2'): Record<string, unknown> {
  const parts = addressParts(spec.address);
  const actions: readonly string[] = spec.actions;
  const before = spec.before ?? null;
  const after = spec.after ?? null;
  const change: Record<string, unknown> = {
    actions: spec.actions,
    before,
    after,
    after_unknown: spec.afterUnknown ?? {},
  };
  if (format !== '0.1') {
    change.before_sensitive = spec.beforeSensitive ?? (before === null ? false : {});
    change.after_sensitive = spec.afterSensitive ?? (after === null ? false : {});
  }
  return {
    address: spec.address,
    ...(spec.previousAddress && format !== '0.1' && format !== '0.2' ? { previous_address: spec.previousAddress } : {}),
    ...(parts.moduleAddress ? { module_address: parts.moduleAddress } : {}),
    mode: spec.mode ?? 'managed',
    type: spec.type,
    name: parts.name,
    ...(parts.index === undefined ? {} : { index: parts.index }),
    provider_name: format === '0.1' ? 'aws' : (spec.providerName ?? AWS),
    ...(spec.deposed ? { deposed: spec.deposed } : {}),
    change,
    ...(actions.includes('delete') && actions.includes('create') && format !== '0.1' ? { action_reason: 'replace_because_cannot_update' } : {}),
  };
}

export interface PlanSpec {
  format?: FormatVersion;
  changes: ChangeSpec[];
  /** The `configuration.root_module`. */
  rootModule?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  drift?: ChangeSpec[];
}

export function planJson(spec: PlanSpec): string {
  const format = spec.format ?? '1.2';
  const plan: Record<string, unknown> = {
    format_version: format,
    terraform_version: TERRAFORM_VERSION[format],
    ...(spec.variables ? { variables: Object.fromEntries(Object.entries(spec.variables).map(([name, value]) => [name, { value }])) } : {}),
    planned_values: { root_module: {} },
    ...(spec.drift ? { resource_drift: spec.drift.map((change) => resourceChange(change, format)) } : {}),
    resource_changes: spec.changes.map((change) => resourceChange(change, format)),
    configuration: { provider_config: { aws: { name: 'aws', ...(format === '0.1' ? {} : { full_name: AWS }) } }, root_module: spec.rootModule ?? {} },
  };
  if (format === '1.2') Object.assign(plan, { timestamp: '2026-01-30T10:00:00Z', applyable: true, complete: true, errored: false });
  return JSON.stringify(plan, null, 2);
}

/** An in-place update of an HTTPS listener at `address` from TLS policy `from` to `to`. */
export function listenerPolicyUpdate(address: string, from: string, to: string): ChangeSpec {
  return {
    address,
    type: 'aws_lb_listener',
    actions: ['update'],
    before: listener({ protocol: 'HTTPS', ssl_policy: from }),
    after: listener({ protocol: 'HTTPS', ssl_policy: to }),
  };
}

// ---------- provider objects (hashicorp/aws v5 schemas, trimmed to what matters and then some) ----------

export function listener(values: { protocol: string; ssl_policy?: string | null; port?: number; arn?: string; redirect?: boolean }): Record<string, unknown> {
  const arn = values.arn ?? 'arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2';
  return {
    alpn_policy: null,
    arn,
    certificate_arn: values.protocol === 'HTTPS' ? 'arn:aws:acm:us-east-1:111111111111:certificate/0d4c5b6a' : null,
    default_action: [
      values.redirect
        ? {
            authenticate_cognito: [],
            authenticate_oidc: [],
            fixed_response: [],
            forward: [],
            order: 1,
            redirect: [{ host: '#{host}', path: '/#{path}', port: '443', protocol: 'HTTPS', query: '#{query}', status_code: 'HTTP_301' }],
            target_group_arn: '',
            type: 'redirect',
          }
        : {
            authenticate_cognito: [],
            authenticate_oidc: [],
            fixed_response: [],
            forward: [],
            order: 1,
            redirect: [],
            target_group_arn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/app/943f017f100becff',
            type: 'forward',
          },
    ],
    id: arn,
    load_balancer_arn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/front/50dc6c495c0c9188',
    mutual_authentication: [],
    port: values.port ?? (values.protocol === 'HTTPS' ? 443 : 80),
    protocol: values.protocol,
    ssl_policy: values.ssl_policy === undefined ? null : values.ssl_policy,
    tags: null,
    tags_all: {},
    timeouts: null,
  };
}

export function dbInstance(values: { identifier: string; storage_encrypted: boolean; password?: string | null }): Record<string, unknown> {
  return {
    allocated_storage: 20,
    backup_retention_period: 14,
    deletion_protection: true,
    engine: 'postgres',
    engine_version: '16.3',
    identifier: values.identifier,
    instance_class: 'db.t4g.micro',
    kms_key_id: null,
    password: values.password === undefined ? null : values.password,
    publicly_accessible: false,
    storage_encrypted: values.storage_encrypted,
    tags: null,
    username: 'app',
  };
}

export function trail(values: { name: string; enable_logging: boolean }): Record<string, unknown> {
  return {
    arn: `arn:aws:cloudtrail:us-east-1:111111111111:trail/${values.name}`,
    enable_log_file_validation: true,
    enable_logging: values.enable_logging,
    id: values.name,
    is_multi_region_trail: true,
    name: values.name,
    s3_bucket_name: 'org-trail-logs',
  };
}

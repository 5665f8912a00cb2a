/** GCP and Azure transmission security: minimum TLS versions and HTTPS-only settings. */
import { isUnresolved, type InfraResource } from '../model.js';
import {
  attributeRule,
  decide,
  judgeValue,
  mustBeFalse,
  mustBeTrue,
  refersTo,
  valueAt,
  type Expectation,
  type InfraRule,
  type InfraRuleContext,
  type Verdict,
} from '../rule.js';
import { allOf, tf, tlsAtLeast, IN_TRANSIT } from './support.js';

const GCP_TLS = ['TLS_1_0', 'TLS_1_1', 'TLS_1_2', 'TLS_1_3'];

const gcpSslPolicy = attributeRule({
  id: 'IAC-GCP-SSL-POLICY',
  title: 'GCP SSL policy allows TLS older than 1.2',
  ...IN_TRANSIT,
  description: 'A `google_compute_ssl_policy` without `min_tls_version` accepts TLS 1.0 on every load balancer that uses it.',
  remediation: 'Set `min_tls_version = "TLS_1_2"` and `profile = "MODERN"` or `"RESTRICTED"`.',
  targets: [tf('google_compute_ssl_policy', ['min_tls_version'], { absent: 'TLS_1_0' })],
  expect: tlsAtLeast(GCP_TLS, 2),
  examples: {
    bad: [{ path: 'gcp.tf', line: 1, text: `resource "google_compute_ssl_policy" "front" {\n  name    = "front"\n  profile = "MODERN"\n}\n` }],
    good: [
      {
        path: 'gcp.tf',
        text: `resource "google_compute_ssl_policy" "front" {\n  name            = "front"\n  profile         = "MODERN"\n  min_tls_version = "TLS_1_2"\n}\n`,
      },
    ],
  },
});

/** A cipher suite with forward secrecy and without 3DES: ECDHE key exchange, or a TLS 1.3 suite. */
const isStrongSuite = (suite: unknown) =>
  typeof suite === 'string' && (/^TLS_ECDHE_/.test(suite) || /^TLS_(AES|CHACHA20)_/.test(suite)) && !suite.includes('3DES');

export const gcpSslPolicyCiphers = attributeRule({
  id: 'IAC-GCP-SSL-POLICY-CIPHERS',
  title: 'GCP SSL policy offers cipher suites without forward secrecy',
  ...IN_TRANSIT,
  description:
    'A `google_compute_ssl_policy` with `profile = "CUSTOM"` offers exactly the suites in `custom_features`. A suite with RSA key exchange (`TLS_RSA_WITH_…`) has no forward secrecy: whoever obtains the certificate\'s private key later decrypts every recorded session, PHI included; 3DES suites are broken outright. (The predefined profiles are judged by `IAC-GCP-SSL-POLICY` on their minimum TLS version.)',
  remediation:
    'Keep only ECDHE suites with AES-GCM or ChaCha20 in `custom_features` (e.g. `TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384`, `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`), or use `profile = "RESTRICTED"`.',
  targets: [
    tf('google_compute_ssl_policy', ['custom_features'], { absent: [], when: (resource) => decide(resource, ['profile'], (profile) => profile === 'CUSTOM') }),
  ],
  expect: {
    expected: 'only ECDHE or TLS 1.3 suites, no 3DES',
    test: (value) => Array.isArray(value) && value.every(isStrongSuite),
  },
  examples: {
    bad: [
      {
        path: 'gcp.tf',
        line: 5,
        text: `resource "google_compute_ssl_policy" "front" {\n  name            = "front"\n  profile         = "CUSTOM"\n  min_tls_version = "TLS_1_2"\n  custom_features = ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384"]\n}\n`,
      },
    ],
    good: [
      {
        path: 'gcp.tf',
        text: `resource "google_compute_ssl_policy" "front" {\n  name            = "front"\n  profile         = "CUSTOM"\n  min_tls_version = "TLS_1_2"\n  custom_features = ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]\n}\n`,
      },
    ],
  },
});

const SINGLE_SERVERS = ['azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_mariadb_server'];
const AZURE_STORAGE_TLS = ['TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3'];
const AZURE_TLS = ['1.0', '1.1', '1.2', '1.3'];
/** Apps whose `site_config` calls it `minimum_tls_version` (azurerm 3+). */
const WEB_APPS = [
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
  'azurerm_linux_web_app_slot',
  'azurerm_windows_web_app_slot',
  'azurerm_linux_function_app_slot',
  'azurerm_windows_function_app_slot',
];
/** The older app resources, whose `site_config` calls it `min_tls_version`. */
const LEGACY_APPS = ['azurerm_app_service', 'azurerm_function_app', 'azurerm_app_service_slot', 'azurerm_function_app_slot'];

export const azureMinTls = attributeRule({
  id: 'IAC-AZURE-MIN-TLS',
  title: 'Azure service accepts TLS older than 1.2',
  ...IN_TRANSIT,
  description:
    'Storage accounts, SQL servers, PostgreSQL and MySQL single servers, Redis caches, Service Bus and Event Hubs namespaces, and App Service and Function apps (and their slots) each carry their own minimum TLS version; 1.0 or 1.1 (or `TLSEnforcementDisabled`) lets clients negotiate broken protocols. Where the default depends on the provider or API version (storage accounts, Redis caches, Service Bus namespaces, PostgreSQL and MySQL single servers), an absent attribute is judged as the weaker default, which an older or imported resource keeps: write the version down.',
  remediation:
    'Set `min_tls_version = "TLS1_2"` (storage), `minimum_tls_version = "1.2"` (SQL, Redis, `site_config` of `azurerm_*_web_app` / `azurerm_*_function_app` and slots), `site_config { min_tls_version = "1.2" }` (`azurerm_app_service`, `azurerm_function_app`).',
  targets: [
    // azurerm 2 and the Azure API before 2023 default to TLS1_0 (azurerm 3 sends TLS1_2): judge the weaker.
    tf('azurerm_storage_account', ['min_tls_version'], { absent: 'TLS1_0' }),
    tf('azurerm_mssql_server', ['minimum_tls_version'], { absent: '1.2' }),
    // azurerm 3 sends "1.0" when the attribute is absent (4 sends "1.2"): judge the weaker.
    tf('azurerm_redis_cache', ['minimum_tls_version'], { absent: '1.0' }),
    ...WEB_APPS.map((type) => tf(type, ['site_config', 0, 'minimum_tls_version'], { absent: '1.2' })),
    ...LEGACY_APPS.map((type) => tf(type, ['site_config', 0, 'min_tls_version'], { absent: '1.2' })),
    // Namespaces made through an API version before 2022-01-01-preview (azurerm 2) default to 1.0, and an imported one keeps it.
    tf('azurerm_servicebus_namespace', ['minimum_tls_version'], { absent: '1.0' }),
    tf('azurerm_eventhub_namespace', ['minimum_tls_version'], { absent: '1.2' }),
    // azurerm 2 and the Azure API default to TLSEnforcementDisabled (azurerm 3 sends TLS1_2): judge the weaker.
    ...SINGLE_SERVERS.filter((type) => type !== 'azurerm_mariadb_server').map((type) =>
      tf(type, ['ssl_minimal_tls_version_enforced'], { absent: 'TLSEnforcementDisabled' }),
    ),
  ],
  expect: {
    expected: '"TLS1_2" / "1.2" or later',
    test: (value) => [...AZURE_STORAGE_TLS.slice(2), ...AZURE_TLS.slice(2)].includes(String(value)),
    strength: (value) => {
      const index = Math.max(AZURE_STORAGE_TLS.indexOf(String(value)), AZURE_TLS.indexOf(String(value)));
      return index < 0 ? undefined : index;
    },
  },
  examples: {
    bad: [
      { path: 'azure.tf', line: 3, text: `resource "azurerm_storage_account" "phi" {\n  name            = "phirecords"\n  min_tls_version = "TLS1_0"\n}\n` },
      {
        path: 'azure.tf',
        line: 1,
        text: `resource "azurerm_postgresql_server" "phi" {\n  name                    = "phi-db"\n  ssl_enforcement_enabled = true\n}\n`,
      },
    ],
    good: [{ path: 'azure.tf', text: `resource "azurerm_storage_account" "phi" {\n  name            = "phirecords"\n  min_tls_version = "TLS1_2"\n}\n` }],
  },
});

const azureHttpsOnly = attributeRule({
  id: 'IAC-AZURE-HTTPS-ONLY',
  title: 'Azure app or storage account accepts plain HTTP',
  ...IN_TRANSIT,
  description: 'App Service apps serve plain HTTP unless `https_only = true`; storage accounts do unless HTTPS-only traffic stays on.',
  remediation: 'Set `https_only = true` on apps; keep `https_traffic_only_enabled` (`enable_https_traffic_only` before azurerm 4) true on storage accounts.',
  targets: [
    ...[...WEB_APPS, ...LEGACY_APPS].map((type) => tf(type, ['https_only'], { absent: false })),
    tf('azurerm_storage_account', ['https_traffic_only_enabled'], {
      absent: true,
      when: (resource) => resource.values.enable_https_traffic_only === undefined,
    }),
    tf('azurerm_storage_account', ['enable_https_traffic_only']),
  ],
  expect: mustBeTrue,
  examples: {
    bad: [{ path: 'azure.tf', line: 1, text: `resource "azurerm_linux_web_app" "portal" {\n  name = "portal"\n}\n` }],
    good: [{ path: 'azure.tf', text: `resource "azurerm_linux_web_app" "portal" {\n  name       = "portal"\n  https_only = true\n}\n` }],
  },
});

const FLEXIBLE_CONFIGURATIONS = ['azurerm_postgresql_flexible_server_configuration', 'azurerm_mysql_flexible_server_configuration'];
const sslEnforced: Expectation = {
  expected: 'true (flexible servers: require_secure_transport "ON")',
  test: (value) => value === true || (typeof value === 'string' && ['true', 'on'].includes(value.toLowerCase())),
  strength: (value) => (value === true || (typeof value === 'string' && ['true', 'on'].includes(value.toLowerCase())) ? 1 : 0),
};

const azureDatabaseSsl = attributeRule({
  id: 'IAC-AZURE-DB-SSL',
  title: 'Azure database server accepts connections without TLS',
  ...IN_TRANSIT,
  description:
    'An Azure Database for PostgreSQL, MySQL or MariaDB single server with `ssl_enforcement_enabled = false`, or a flexible server whose `require_secure_transport` configuration is `OFF`, accepts clients that send PHI and credentials in clear text.',
  remediation:
    'Set `ssl_enforcement_enabled = true` on single servers; on flexible servers keep `require_secure_transport` at `ON` (remove the configuration resource that turns it off).',
  targets: [
    ...SINGLE_SERVERS.map((type) => tf(type, ['ssl_enforcement_enabled'], { absent: false })),
    ...FLEXIBLE_CONFIGURATIONS.map((type) =>
      tf(type, ['value'], { when: (resource: InfraResource) => decide(resource, ['name'], (name) => name === 'require_secure_transport') }),
    ),
  ],
  expect: sslEnforced,
  examples: {
    bad: [
      {
        path: 'db.tf',
        line: 3,
        text: `resource "azurerm_postgresql_server" "phi" {\n  name                    = "phi"\n  ssl_enforcement_enabled = false\n}\n`,
      },
      {
        path: 'flexible.tf',
        line: 4,
        text: `resource "azurerm_mysql_flexible_server_configuration" "tls" {\n  name      = "require_secure_transport"\n  server_id = azurerm_mysql_flexible_server.phi.id\n  value     = "OFF"\n}\n`,
      },
    ],
    good: [
      {
        path: 'db.tf',
        text: `resource "azurerm_postgresql_server" "phi" {\n  name                             = "phi"\n  ssl_enforcement_enabled          = true\n  ssl_minimal_tls_version_enforced = "TLS1_2"\n}\n`,
      },
    ],
  },
});

const azureRedisNonSslPort = attributeRule({
  id: 'IAC-AZURE-REDIS-NON-SSL-PORT',
  title: 'Azure Cache for Redis opens its non-TLS port',
  ...IN_TRANSIT,
  description: 'With the non-TLS port (6379) enabled, clients can read and write cached data, PHI included, in clear text.',
  remediation: 'Set `non_ssl_port_enabled = false` (`enable_non_ssl_port` before azurerm 4) and connect on 6380 with TLS.',
  targets: [
    tf('azurerm_redis_cache', ['non_ssl_port_enabled'], { when: (resource) => resource.values.non_ssl_port_enabled !== undefined }),
    tf('azurerm_redis_cache', ['enable_non_ssl_port'], { absent: false }),
  ],
  expect: mustBeFalse,
  examples: {
    bad: [
      {
        path: 'cache.tf',
        line: 3,
        text: `resource "azurerm_redis_cache" "sessions" {\n  name                = "sessions"\n  enable_non_ssl_port = true\n  minimum_tls_version = "1.2"\n}\n`,
      },
    ],
    good: [
      {
        path: 'cache.tf',
        text: `resource "azurerm_redis_cache" "sessions" {\n  name                 = "sessions"\n  non_ssl_port_enabled = false\n  minimum_tls_version  = "1.2"\n}\n`,
      },
    ],
  },
});

/** API Management's `security` flags for SSL 3.0, TLS 1.0 and 1.1 (azurerm 2, 3 and 4 names). */
const APIM_LEGACY_FLAGS = ['ssl30', 'tls10', 'tls11'].flatMap((version) =>
  ['frontend', 'backend'].flatMap((side) => [`enable_${side}_${version}`, `enable_${side.replace('end', '_end')}_${version}`, `${side}_${version}_enabled`]),
);

const azureApiManagementTls: InfraRule = {
  id: 'IAC-AZURE-APIM-LEGACY-TLS',
  title: 'Azure API Management accepts SSL 3.0, TLS 1.0 or 1.1',
  ...IN_TRANSIT,
  description:
    'An API Management service whose `security` block enables SSL 3.0, TLS 1.0 or TLS 1.1 on the frontend (clients) or backend (APIs) lets that leg negotiate a broken protocol. Each enabled flag is its own finding.',
  remediation:
    'Remove the `enable_*_ssl30` / `enable_*_tls10` / `enable_*_tls11` flags (azurerm 4: `*_ssl30_enabled`, `*_tls10_enabled`, `*_tls11_enabled`) or set them to false.',
  formats: ['terraform'],
  resourceTypes: ['azurerm_api_management'],
  strength: mustBeFalse.strength,
  check: (resource) =>
    allOf(
      resource,
      APIM_LEGACY_FLAGS.map((flag) => ({ path: ['security', 0, flag], absent: false, expect: mustBeFalse })),
    ),
  examples: {
    bad: [
      {
        path: 'apim.tf',
        line: 4,
        text: `resource "azurerm_api_management" "gateway" {\n  name = "gateway"\n  security {\n    enable_frontend_tls10 = true\n  }\n}\n`,
      },
    ],
    good: [
      { path: 'apim.tf', text: `resource "azurerm_api_management" "gateway" {\n  name = "gateway"\n  security {\n    enable_frontend_tls10 = false\n  }\n}\n` },
    ],
  },
};

const SQL_SSL_MODES = ['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'];

/** Cloud SQL: `ssl_mode` decides when set; otherwise the older `require_ssl`. */
function checkCloudSqlSsl(resource: InfraResource): Verdict {
  const base = ['settings', 0, 'ip_configuration', 0];
  const mode = valueAt(resource.values, [...base, 'ssl_mode']);
  if (mode !== undefined)
    return judgeValue(
      [...base, 'ssl_mode'],
      mode,
      { expected: SQL_SSL_MODES.map((name) => `"${name}"`).join(' or '), test: (value) => SQL_SSL_MODES.includes(String(value)) },
      'ssl_mode',
    );
  return judgeValue([...base, 'require_ssl'], valueAt(resource.values, [...base, 'require_ssl']) ?? false, mustBeTrue, 'ip_configuration.require_ssl');
}

const gcpCloudSqlSsl: InfraRule = {
  id: 'IAC-GCP-SQL-REQUIRE-SSL',
  title: 'Cloud SQL instance accepts connections without TLS',
  ...IN_TRANSIT,
  description:
    'A Cloud SQL instance accepts unencrypted client connections unless `ip_configuration` sets `ssl_mode` to `ENCRYPTED_ONLY` or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` (or, in older configurations, `require_ssl = true`).',
  remediation: 'Set `settings { ip_configuration { ssl_mode = "ENCRYPTED_ONLY" } }`.',
  formats: ['terraform'],
  resourceTypes: ['google_sql_database_instance'],
  check: checkCloudSqlSsl,
  examples: {
    bad: [
      {
        path: 'sql.tf',
        line: 5,
        text: `resource "google_sql_database_instance" "phi" {\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    ip_configuration {\n      ipv4_enabled = false\n    }\n  }\n}\n`,
      },
    ],
    good: [
      {
        path: 'sql.tf',
        text: `resource "google_sql_database_instance" "phi" {\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    ip_configuration {\n      ssl_mode = "ENCRYPTED_ONLY"\n    }\n  }\n}\n`,
      },
    ],
  },
};

/** An HTTP proxy's URL map must redirect every request to HTTPS. */
function checkHttpsRedirect(resource: InfraResource, context: InfraRuleContext): Verdict {
  const reference = valueAt(resource.values, ['url_map']);
  const map = context.resources.find((candidate) => candidate.type === 'google_compute_url_map' && refersTo(reference, candidate));
  if (!map) {
    const expression = isUnresolved(reference) ? reference.expression : String(reference);
    return { verdict: 'unknown', path: ['url_map'], expression: `${expression} (the URL map is not in this module)` };
  }
  const verdict = judgeValue(
    ['url_map'],
    valueAt(map.values, ['default_url_redirect', 0, 'https_redirect']) ?? false,
    mustBeTrue,
    `${map.address} default_url_redirect.https_redirect`,
  );
  return verdict.verdict === 'fail'
    ? {
        ...verdict,
        message: `plain-HTTP proxy serves ${map.address}, which does not redirect to HTTPS (default_url_redirect.https_redirect is not true); expected a URL map that redirects every request`,
      }
    : verdict;
}

const gcpHttpsRedirect: InfraRule = {
  id: 'IAC-GCP-HTTP-NO-REDIRECT',
  title: 'GCP HTTP load balancer does not redirect to HTTPS',
  ...IN_TRANSIT,
  description:
    'A `google_compute_target_http_proxy` serves plain HTTP: unless its URL map is a redirect (`default_url_redirect { https_redirect = true }`), clients that start on `http://` send PHI in clear text. The URL map is looked up in the same module.',
  remediation: 'Point the HTTP proxy at a URL map with `default_url_redirect { https_redirect = true, strip_query = false }`.',
  formats: ['terraform'],
  resourceTypes: ['google_compute_target_http_proxy'],
  check: checkHttpsRedirect,
  examples: {
    bad: [
      {
        path: 'lb.tf',
        line: 7,
        text: `resource "google_compute_url_map" "web" {\n  name            = "web"\n  default_service = google_compute_backend_service.web.id\n}\nresource "google_compute_target_http_proxy" "web" {\n  name    = "web"\n  url_map = google_compute_url_map.web.id\n}\n`,
      },
    ],
    good: [
      {
        path: 'lb.tf',
        text: `resource "google_compute_url_map" "redirect" {\n  name = "redirect"\n  default_url_redirect {\n    https_redirect = true\n    strip_query    = false\n  }\n}\nresource "google_compute_target_http_proxy" "web" {\n  name    = "web"\n  url_map = google_compute_url_map.redirect.id\n}\n`,
      },
    ],
  },
};

export const GCP_AZURE_RULES: readonly InfraRule[] = [
  gcpSslPolicy,
  gcpSslPolicyCiphers,
  azureMinTls,
  azureHttpsOnly,
  azureDatabaseSsl,
  azureRedisNonSslPort,
  azureApiManagementTls,
  gcpCloudSqlSsl,
  gcpHttpsRedirect,
];

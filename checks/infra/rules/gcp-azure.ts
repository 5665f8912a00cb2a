/** GCP and Azure transmission security: minimum TLS versions and HTTPS-only settings. */
import { CITATIONS } from '../../model/safeguards.js';
import { attributeRule, mustBeTrue, type InfraRule } from '../rule.js';
import { tf, tlsAtLeast } from './support.js';

const GCP_TLS = ['TLS_1_0', 'TLS_1_1', 'TLS_1_2', 'TLS_1_3'];

export const gcpSslPolicy = attributeRule({
  id: 'IAC-GCP-SSL-POLICY',
  title: 'GCP SSL policy allows TLS older than 1.2',
  family: 'terraform',
  severity: 'high',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  description: 'A `google_compute_ssl_policy` without `min_tls_version` accepts TLS 1.0 on every load balancer that uses it.',
  remediation: 'Set `min_tls_version = "TLS_1_2"` and `profile = "MODERN"` or `"RESTRICTED"`.',
  targets: [tf('google_compute_ssl_policy', ['min_tls_version'], { absent: 'TLS_1_0' })],
  expect: tlsAtLeast(GCP_TLS, 2),
  examples: {
    bad: [{ path: 'gcp.tf', line: 1, text: `resource "google_compute_ssl_policy" "front" {\n  name    = "front"\n  profile = "MODERN"\n}\n` }],
    good: [{ path: 'gcp.tf', text: `resource "google_compute_ssl_policy" "front" {\n  name            = "front"\n  profile         = "MODERN"\n  min_tls_version = "TLS_1_2"\n}\n` }],
  },
});

const AZURE_STORAGE_TLS = ['TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3'];
const AZURE_TLS = ['1.0', '1.1', '1.2', '1.3'];
/** Apps whose `site_config` calls it `minimum_tls_version` (azurerm 3+). */
const WEB_APPS = ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app', 'azurerm_linux_web_app_slot', 'azurerm_windows_web_app_slot', 'azurerm_linux_function_app_slot', 'azurerm_windows_function_app_slot'];
/** The older app resources, whose `site_config` calls it `min_tls_version`. */
const LEGACY_APPS = ['azurerm_app_service', 'azurerm_function_app', 'azurerm_app_service_slot', 'azurerm_function_app_slot'];

export const azureMinTls = attributeRule({
  id: 'IAC-AZURE-MIN-TLS',
  title: 'Azure service accepts TLS older than 1.2',
  family: 'terraform',
  severity: 'high',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  description: 'Storage accounts, SQL servers, Redis caches and App Service and Function apps (and their slots) each carry their own minimum TLS version; an explicit 1.0 or 1.1 lets clients negotiate broken protocols.',
  remediation: 'Set `min_tls_version = "TLS1_2"` (storage), `minimum_tls_version = "1.2"` (SQL, Redis, `site_config` of `azurerm_*_web_app` / `azurerm_*_function_app` and slots), `site_config { min_tls_version = "1.2" }` (`azurerm_app_service`, `azurerm_function_app`).',
  targets: [
    tf('azurerm_storage_account', ['min_tls_version'], { absent: 'TLS1_2' }),
    tf('azurerm_mssql_server', ['minimum_tls_version'], { absent: '1.2' }),
    // azurerm 3 sends "1.0" when the attribute is absent (4 sends "1.2"): judge the weaker.
    tf('azurerm_redis_cache', ['minimum_tls_version'], { absent: '1.0' }),
    ...WEB_APPS.map((type) => tf(type, ['site_config', 0, 'minimum_tls_version'], { absent: '1.2' })),
    ...LEGACY_APPS.map((type) => tf(type, ['site_config', 0, 'min_tls_version'], { absent: '1.2' })),
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
    bad: [{ path: 'azure.tf', line: 3, text: `resource "azurerm_storage_account" "phi" {\n  name            = "phirecords"\n  min_tls_version = "TLS1_0"\n}\n` }],
    good: [{ path: 'azure.tf', text: `resource "azurerm_storage_account" "phi" {\n  name            = "phirecords"\n  min_tls_version = "TLS1_2"\n}\n` }],
  },
});

export const azureHttpsOnly = attributeRule({
  id: 'IAC-AZURE-HTTPS-ONLY',
  title: 'Azure app or storage account accepts plain HTTP',
  family: 'terraform',
  severity: 'high',
  safeguard: 'transmission-security',
  citation: CITATIONS.transmissionEncryption,
  description: 'App Service apps serve plain HTTP unless `https_only = true`; storage accounts do unless HTTPS-only traffic stays on.',
  remediation: 'Set `https_only = true` on apps; keep `https_traffic_only_enabled` (`enable_https_traffic_only` before azurerm 4) true on storage accounts.',
  targets: [
    ...[...WEB_APPS, ...LEGACY_APPS].map((type) => tf(type, ['https_only'], { absent: false })),
    tf('azurerm_storage_account', ['https_traffic_only_enabled'], { absent: true, when: (resource) => resource.values.enable_https_traffic_only === undefined }),
    tf('azurerm_storage_account', ['enable_https_traffic_only']),
  ],
  expect: mustBeTrue,
  examples: {
    bad: [{ path: 'azure.tf', line: 1, text: `resource "azurerm_linux_web_app" "portal" {\n  name = "portal"\n}\n` }],
    good: [{ path: 'azure.tf', text: `resource "azurerm_linux_web_app" "portal" {\n  name       = "portal"\n  https_only = true\n}\n` }],
  },
});

export const GCP_AZURE_RULES: readonly InfraRule[] = [gcpSslPolicy, azureMinTls, azureHttpsOnly];

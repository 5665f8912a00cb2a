import type { Rule, RuleExamples } from '../model/rule.js';
import { CITATIONS, SAFEGUARDS } from '../model/safeguards.js';
import { ENDPOINT_EXAMPLES, type EndpointExample } from './examples.js';

type EndpointRuleMetadata = Omit<Rule, 'id' | 'family'>;

const encryption = { safeguard: 'transmission-security', citation: CITATIONS.transmissionEncryption } as const;
const transmission = { safeguard: 'transmission-security', citation: SAFEGUARDS['transmission-security'].citation } as const;
const authentication = { safeguard: 'authentication', citation: SAFEGUARDS.authentication.citation } as const;

const ALB_POLICY = 'On an AWS ALB/NLB listener choose `ELBSecurityPolicy-TLS13-1-2-2021-06` (or a FIPS variant)';

/** The endpoint family's rules. The keys are public interface: never rename one (add an alias instead). */
const METADATA = {
  'TLS-PROTOCOL-LEGACY': {
    ...encryption,
    title: 'Legacy TLS/SSL protocol accepted',
    severity: 'high',
    description:
      'The server completes a handshake with SSLv3, TLS 1.0 or TLS 1.1. These versions rely on MD5/SHA-1 in the handshake and CBC constructions broken by POODLE and BEAST; NIST SP 800-52r2 forbids them for protecting sensitive data.',
    remediation: `Accept only TLS 1.2 and 1.3. nginx: \`ssl_protocols TLSv1.2 TLSv1.3;\`; Apache: \`SSLProtocol -all +TLSv1.2 +TLSv1.3\`. ${ALB_POLICY}.`,
  },
  'TLS-PROTOCOL-NOT-ALLOWED': {
    ...encryption,
    title: 'TLS version outside the profile',
    severity: 'medium',
    description:
      'The server accepts a protocol version that is not legacy but that the selected profile does not allow (for example TLS 1.2 under `mozilla-modern`, which allows TLS 1.3 only).',
    remediation:
      "Restrict the accepted versions to the profile's list, e.g. nginx `ssl_protocols TLSv1.3;` for `mozilla-modern`, or choose a profile that matches the clients you must serve.",
  },
  'TLS-PROTOCOL-NO-TLS13': {
    ...encryption,
    title: 'TLS 1.3 not supported',
    severity: 'medium',
    description:
      'The server does not accept TLS 1.3. NIST SP 800-52r2 requires servers to support TLS 1.3 (since January 2024); TLS 1.3 removes static RSA, CBC and renegotiation entirely.',
    remediation: `Enable TLS 1.3: nginx \`ssl_protocols TLSv1.2 TLSv1.3;\` with OpenSSL >= 1.1.1; Apache \`SSLProtocol -all +TLSv1.2 +TLSv1.3\`. ${ALB_POLICY}.`,
  },
  'TLS-PROTOCOL-NO-TLS12': {
    ...encryption,
    title: 'TLS 1.2 not supported',
    severity: 'medium',
    description:
      'The profile requires TLS 1.2 (NIST SP 800-52r2: servers shall support TLS 1.2) and the server does not accept it, so clients without TLS 1.3 cannot connect securely and may be pushed to weaker channels.',
    remediation:
      "Accept TLS 1.2 next to TLS 1.3 (nginx `ssl_protocols TLSv1.2 TLSv1.3;`), with the profile's TLS 1.2 cipher suites, or select `mozilla-modern` if TLS 1.3 only is intended.",
  },
  'TLS-CIPHER-WEAK': {
    ...encryption,
    title: 'Weak cipher suite accepted',
    severity: 'high',
    description:
      'The server accepts a cipher suite that gives no or broken protection: NULL encryption, anonymous (unauthenticated) key exchange, EXPORT-grade keys, single DES, 3DES or IDEA (64-bit blocks, Sweet32), RC2 or RC4.',
    remediation:
      "Remove the suite from the server's list. nginx: `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384;` (never `ALL`, `DEFAULT` or `!aNULL`-less lists); Java: `jdk.tls.disabledAlgorithms`; " +
      `${ALB_POLICY}.`,
  },
  'TLS-CIPHER-NO-FORWARD-SECRECY': {
    ...encryption,
    title: 'Cipher suite without forward secrecy',
    severity: 'medium',
    description:
      'The server accepts a suite with static RSA or static (EC)DH key exchange: whoever obtains the server key later can decrypt every recorded session, including past PHI.',
    remediation:
      'Offer only ECDHE (or DHE) suites: drop `AES128-GCM-SHA256`, `AES256-SHA` and other `TLS_RSA_*` suites from `ssl_ciphers`; on AWS use an `ELBSecurityPolicy-TLS13-*` policy.',
  },
  'TLS-CIPHER-NOT-ALLOWED': {
    ...encryption,
    title: 'Cipher suite outside the profile',
    severity: 'low',
    description:
      "The server accepts a suite that is not weak by itself but is not on the selected profile's list (for example CBC or ChaCha20 suites under the `hipaa` profile, which allows only the NIST-approved AEAD suites).",
    remediation:
      "Set the server's suite list to the profile's (see `docs/endpoint-rules.md` for each profile's list), e.g. nginx `ssl_ciphers` for TLS 1.2 and `ssl_conf_command Ciphersuites` for TLS 1.3.",
  },
  'TLS-DH-WEAK': {
    ...encryption,
    title: 'Weak ephemeral key exchange',
    severity: 'high',
    description:
      'An ephemeral Diffie-Hellman group is smaller than the profile minimum (2048 bits for finite-field DH, 224-256 bits for elliptic curves); Logjam-class attacks break small groups.',
    remediation:
      'Use ECDHE with X25519/P-256, or finite-field groups of 2048 bits or more: nginx `ssl_dhparam` with a 2048-bit file (`openssl dhparam 2048`) or `ssl_ecdh_curve X25519:prime256v1:secp384r1;`.',
  },
  'CERT-UNTRUSTED': {
    ...authentication,
    title: 'Certificate not trusted',
    severity: 'high',
    description:
      'The served chain does not verify against the system trust store plus the configured anchors (self-signed, unknown CA, revoked or otherwise invalid). Clients cannot authenticate the server, which opens the door to interception.',
    remediation:
      'Serve a certificate from a publicly trusted CA (or add the internal root with `ca:` in `.github/hipaa-guard.yml` when the endpoint is internal).',
  },
  'CERT-CHAIN-INCOMPLETE': {
    ...authentication,
    title: 'Certificate chain incomplete',
    severity: 'medium',
    description:
      'The server does not send the intermediate certificate(s); clients that do not fetch them (many non-browser clients, APIs, devices) fail to verify the server.',
    remediation:
      'Serve the full chain: nginx `ssl_certificate` must point at leaf + intermediates (`fullchain.pem`); Apache 2.4.8+ the same in `SSLCertificateFile`; on AWS import the chain with the certificate.',
  },
  'CERT-HOSTNAME-MISMATCH': {
    ...authentication,
    title: 'Certificate does not match the host name',
    severity: 'high',
    description: "No subject alternative name of the leaf certificate matches the endpoint's host name, so clients cannot tell the server from an impostor.",
    remediation:
      'Issue a certificate whose subjectAltName includes the host name (or a matching wildcard), and make sure the server selects it for this SNI name.',
  },
  'CERT-EXPIRED': {
    ...authentication,
    title: 'Certificate expired',
    severity: 'critical',
    description: "The leaf certificate's validity ended; clients refuse it or users learn to click through warnings.",
    remediation: 'Renew the certificate now and automate renewal (ACME/certbot, AWS ACM managed renewal), then reload the server.',
  },
  'CERT-NOT-YET-VALID': {
    ...authentication,
    title: 'Certificate not yet valid',
    severity: 'high',
    description: "The leaf certificate's validity starts in the future (a wrong clock at issuance or a certificate deployed too early); clients reject it.",
    remediation: 'Deploy a certificate that is valid now, and check the clock (NTP) of the issuing system.',
  },
  'CERT-EXPIRING-SOON': {
    ...authentication,
    title: 'Certificate expires soon',
    severity: 'medium',
    description: "The leaf certificate expires within the profile's warning window; once it does, the endpoint stops authenticating.",
    remediation: 'Renew the certificate before it expires and automate renewal (ACME/certbot, AWS ACM) with monitoring of the renewal job.',
  },
  'CERT-LIFESPAN-TOO-LONG': {
    ...authentication,
    title: 'Certificate lifespan too long',
    severity: 'low',
    description:
      'The leaf certificate is valid for longer than the profile allows (398 days for public CAs, 366 days per Mozilla intermediate, 90 days per Mozilla modern), which lengthens the exposure of a compromised key.',
    remediation: 'Issue certificates with a shorter validity, ideally 90 days with automated renewal (ACME).',
  },
  'CERT-WEAK-KEY': {
    ...authentication,
    title: 'Certificate key too small',
    severity: 'high',
    description: "The leaf certificate's public key is smaller than the profile minimum (RSA/DSA 2048 bits, EC 224 or 256 bits).",
    remediation: 'Generate a new key (`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` or RSA 2048+) and reissue the certificate.',
  },
  'CERT-WEAK-SIGNATURE': {
    ...authentication,
    title: 'Certificate signature algorithm not allowed',
    severity: 'high',
    description:
      "A certificate of the served chain (other than a self-signed root) is signed with an algorithm outside the profile's list; MD5 and SHA-1 signatures can be forged.",
    remediation:
      'Reissue the certificate signed with SHA-256 or better (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`); replace intermediates signed with SHA-1.',
  },
  'CERT-OCSP-NOT-STAPLED': {
    ...authentication,
    title: 'OCSP response not stapled',
    severity: 'low',
    description:
      'The certificate names an OCSP responder but the server does not staple a response, so clients either skip revocation checking or leak the visited host to the CA.',
    remediation: 'Enable stapling: nginx `ssl_stapling on; ssl_stapling_verify on;` with a `resolver`; Apache `SSLUseStapling on` with an `SSLStaplingCache`.',
  },
  'HTTP-NO-REDIRECT': {
    ...encryption,
    title: 'Plain HTTP not redirected to HTTPS',
    severity: 'high',
    description: 'The plaintext port answers without redirecting to HTTPS, so requests (and any PHI or credentials in them) can travel unencrypted.',
    remediation:
      'Answer every plain-HTTP request with a permanent redirect: nginx `return 301 https://$host$request_uri;`; AWS ALB an HTTP:80 listener with a `redirect` action `HTTP_301` to `HTTPS:443`; or close port 80.',
  },
  'HTTP-REDIRECT-TEMPORARY': {
    ...transmission,
    title: 'HTTP to HTTPS redirect is temporary',
    severity: 'low',
    description: 'The first plain-HTTP hop redirects with 302/303/307 instead of 301/308, so clients and caches keep using the plaintext URL.',
    remediation: 'Use a permanent redirect: nginx `return 301 https://$host$request_uri;` (or 308), ALB redirect action `HTTP_301`.',
  },
  'HTTP-REDIRECT-OFF-HOST': {
    ...transmission,
    title: 'HTTP redirect leaves the host',
    severity: 'medium',
    description:
      'The first plain-HTTP hop redirects to a different host, so the original host never upgrades to HTTPS itself and HSTS cannot take effect for it.',
    remediation: 'Redirect first to `https://` on the same host (`return 301 https://$host$request_uri;`), then to other hosts from there.',
  },
  'HTTP-REDIRECT-INSECURE': {
    ...encryption,
    title: 'HTTP redirect chain is insecure',
    severity: 'high',
    description: 'The plain-HTTP redirect chain never reaches HTTPS, returns from HTTPS to HTTP, or loops, so clients stay on (or come back to) plaintext.',
    remediation: 'Make the first hop a permanent redirect to the same URL over `https://`, and make sure no HTTPS response redirects back to `http://`.',
  },
  'HSTS-MISSING': {
    ...encryption,
    title: 'HSTS header missing',
    severity: 'medium',
    description:
      'The HTTPS response carries no `Strict-Transport-Security` header (a header sent only over plain HTTP does not count, RFC 6797), so a network attacker can strip the upgrade to HTTPS.',
    remediation:
      'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on HTTPS responses: nginx `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;`.',
  },
  'HSTS-MAX-AGE-TOO-SHORT': {
    ...encryption,
    title: 'HSTS max-age too short',
    severity: 'medium',
    description: "The HSTS `max-age` is below the profile minimum (one year, or two years for Mozilla's profiles), so the protection lapses between visits.",
    remediation: 'Raise `max-age` to at least the profile minimum, e.g. `max-age=31536000` (one year) or `63072000` (two years).',
  },
  'HSTS-NO-SUBDOMAINS': {
    ...encryption,
    title: 'HSTS without includeSubDomains',
    severity: 'low',
    description: 'The HSTS header lacks `includeSubDomains`, so sibling hosts (and cookies scoped to the parent domain) can still be reached over plaintext.',
    remediation: 'Add `includeSubDomains` once every subdomain serves HTTPS: `Strict-Transport-Security: max-age=31536000; includeSubDomains`.',
  },
  'HSTS-DUPLICATE': {
    ...encryption,
    title: 'Several HSTS headers',
    severity: 'low',
    description:
      'The HTTPS response carries more than one `Strict-Transport-Security` header (often one from the application and one from the proxy); RFC 6797 makes clients honour only the first, which may be the weaker one.',
    remediation:
      'Set the header in one place only (e.g. the proxy with `add_header ... always;`) and remove it from the application, or `proxy_hide_header Strict-Transport-Security`.',
  },
  'HTTP2-NOT-SUPPORTED': {
    ...transmission,
    title: 'HTTP/2 not offered',
    severity: 'info',
    description:
      'The server does not agree to `h2` in ALPN. Not a safeguard by itself: HTTP/2 requires TLS 1.2+ with AEAD suites, so offering it tends to go with a modern configuration.',
    remediation: 'Enable HTTP/2: nginx `listen 443 ssl; http2 on;` (1.25+) or `listen 443 ssl http2;`; Apache `Protocols h2 http/1.1`.',
  },
  'ENDPOINT-UNREACHABLE': {
    ...transmission,
    title: 'Endpoint unreachable',
    severity: 'high',
    description:
      'The endpoint could not be probed (DNS failure, refused or reset connection, timeout, TLS alert, protocol error), so none of its safeguards could be verified.',
    remediation:
      'Check the URL, the address override and that the prober can reach the host and port (firewall, security group); a TLS alert usually means no protocol or suite in common.',
  },
  'ENDPOINT-MISBEHAVED': {
    ...transmission,
    title: 'Endpoint answered in a way that could not be measured',
    severity: 'high',
    description:
      'The endpoint was reachable, but a safeguard could not be measured because the server misbehaved: it hung in the middle of a handshake or a request, sent an oversized or malformed message, or answered the plain-HTTP port with something that is not HTTP. What cannot be measured cannot pass, so this fails like an unreachable endpoint; the finding names the measurement and the reason.',
    remediation:
      'Make the server answer a standard TLS client and a plain HTTP GET within the probe budget (`probe.timeout`): check load balancer idle timeouts, proxies that hold connections open, and services on port 80 that are not HTTP. Raise `probe.timeout` only if the server is merely slow.',
  },
} satisfies Record<string, EndpointRuleMetadata>;

export type EndpointRuleId = keyof typeof METADATA;

/** An endpoint rule: its metadata and its recorded bad and good observations (./examples.ts). */
export type EndpointRule = Rule<EndpointExample> & { examples: RuleExamples<EndpointExample> };

export const ENDPOINT_RULE: { readonly [Id in EndpointRuleId]: EndpointRule } = Object.fromEntries(
  Object.entries(METADATA).map(([id, metadata]): [string, EndpointRule] => [
    id,
    { id, family: 'endpoint', ...metadata, examples: ENDPOINT_EXAMPLES[id as EndpointRuleId] },
  ]),
) as { [Id in EndpointRuleId]: EndpointRule };

export const ENDPOINT_RULES: readonly EndpointRule[] = Object.values(ENDPOINT_RULE);

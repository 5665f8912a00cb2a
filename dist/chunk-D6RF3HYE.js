import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  blockingFindings
} from "./chunk-YWFXNLSI.js";
import {
  CHANGES,
  CITATIONS,
  SAFEGUARDS,
  SAFEGUARD_IDS,
  SEVERITIES,
  citationOf,
  locationLabel,
  safeguardTitle
} from "./chunk-WQ6PL2OD.js";

// checks/model/verdict.ts
var plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;
function verdictOf(report, policy) {
  const blocking = blockingFindings(report, policy.failOn, policy.blockExisting);
  const errors = policy.failOn === "never" ? [] : report.errors;
  const fails = policy.failOn !== "never" && (blocking.length > 0 || errors.length > 0);
  const reasons = [
    ...blocking.length ? [`${plural(blocking.length, "blocking finding")} at or above fail-on: ${policy.failOn}`] : [],
    ...errors.length ? [
      `${plural(errors.length, "check")} could not run (${errors.map((error) => error.target).slice(0, 3).join(", ")}${errors.length > 3 ? ", ..." : ""})`
    ] : []
  ];
  const unknown = report.unknown.length;
  const held = `no blocking findings at or above fail-on: ${policy.failOn}${unknown ? `; ${plural(unknown, "rule")} could not decide (unknown)` : ""}`;
  return { outcome: fails ? "fail" : "pass", blocking, errors, unknown, summary: fails ? reasons.join("; ") : held };
}

// checks/report/summary.ts
var CHANGE_COLUMNS = [...CHANGES, "observed"];
function countBySeverity(findings) {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0]));
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function countBySafeguard(findings) {
  return SAFEGUARD_IDS.map((safeguard) => {
    const byChange = Object.fromEntries(CHANGE_COLUMNS.map((column) => [column, 0]));
    const mine = findings.filter((finding) => finding.safeguard === safeguard);
    for (const finding of mine) byChange[finding.change ?? "observed"]++;
    return { safeguard, total: mine.length, byChange };
  });
}
function plural2(count, noun, pluralNoun = `${noun}s`) {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
function summaryLine(report) {
  const counts = countBySeverity(report.findings);
  const severities = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity}`);
  const parts = [plural2(report.findings.length, "finding") + (severities.length ? ` (${severities.join(", ")})` : "")];
  if (report.suppressed.length) parts.push(`${report.suppressed.length} suppressed`);
  if (report.unknown.length) parts.push(`${report.unknown.length} unknown`);
  if (report.errors.length) parts.push(plural2(report.errors.length, "error"));
  if (report.strengthened.length) parts.push(`${report.strengthened.length} strengthened`);
  return parts.join(" \xB7 ");
}
function targetLabel(target) {
  if (target.kind === "endpoint") {
    const details = [target.address, target.engine].filter(Boolean).join(", ");
    return `${target.url} (${details})`;
  }
  if (target.kind === "plan") return `plan ${target.source} (${plural2(target.changes, "resource change")})`;
  const range = `${target.base ?? "working tree"}..${target.head ?? "working tree"}`;
  return `repository ${target.root} ${range} (${plural2(target.files, "file")})`;
}
function stripControl(text) {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}
function oneLine(text) {
  return stripControl(text.replace(/\s*\r?\n\s*/g, " "));
}
function errorPlace(entry) {
  const label = entry.location ? locationLabel(entry.location) : void 0;
  return label === entry.target ? void 0 : label;
}

// checks/endpoint/examples.ts
var EXAMPLE_NOW = /* @__PURE__ */ new Date("2026-06-01T12:00:00.000Z");
var EXAMPLE_HOST = "api.example.org";
var EXAMPLE_URL = `https://${EXAMPLE_HOST}/`;
var PLAIN_URL = `http://${EXAMPLE_HOST}/`;
var DAY_MS = 864e5;
function daysFromNow(days) {
  return new Date(EXAMPLE_NOW.getTime() + days * DAY_MS).toISOString();
}
function measured(value) {
  return { status: "measured", value };
}
function leaf(overrides = {}) {
  return {
    subject: `CN=${EXAMPLE_HOST}`,
    issuer: "CN=Example Issuing CA 1",
    serialNumber: "01",
    notBefore: daysFromNow(-30),
    notAfter: daysFromNow(60),
    keyType: "EC",
    keyBits: 256,
    signatureAlgorithm: "ecdsa-with-SHA256",
    subjectAltNames: [EXAMPLE_HOST],
    ocspUrls: ["http://ocsp.example.org"],
    isCA: false,
    selfSigned: false,
    sha256: "aa".repeat(32),
    ...overrides
  };
}
function intermediate(overrides = {}) {
  return leaf({
    subject: "CN=Example Issuing CA 1",
    issuer: "CN=Example Root CA",
    notBefore: daysFromNow(-1e3),
    notAfter: daysFromNow(1e3),
    keyBits: 384,
    signatureAlgorithm: "ecdsa-with-SHA384",
    subjectAltNames: [],
    ocspUrls: [],
    isCA: true,
    sha256: "bb".repeat(32),
    ...overrides
  });
}
function certificate(overrides = {}, leafOverrides = {}) {
  return {
    chain: [leaf(leafOverrides), intermediate()],
    trusted: true,
    chainComplete: true,
    hostnameMatches: true,
    ocspStapled: true,
    ...overrides
  };
}
function httpSide(hops2, overrides = {}) {
  return {
    start: PLAIN_URL,
    portOpen: true,
    hops: hops2 ?? [
      { url: PLAIN_URL, status: 301, location: EXAMPLE_URL },
      { url: EXAMPLE_URL, status: 200 }
    ],
    ...overrides
  };
}
function protocols(accepted) {
  const versions = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
  return measured(Object.fromEntries(versions.map((version) => [version, accepted.includes(version)])));
}
var AEAD_SUITES = [
  { version: "TLSv1.2", name: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" },
  { version: "TLSv1.2", name: "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384" },
  { version: "TLSv1.3", name: "TLS_AES_128_GCM_SHA256" },
  { version: "TLSv1.3", name: "TLS_AES_256_GCM_SHA384" }
];
var PASSING = {
  url: EXAMPLE_URL,
  host: EXAMPLE_HOST,
  port: 443,
  address: "203.0.113.7",
  engine: "native",
  observedAt: EXAMPLE_NOW.toISOString(),
  durationMs: 120,
  reachability: { reachable: true },
  protocols: protocols(["TLSv1.2", "TLSv1.3"]),
  ciphers: measured(AEAD_SUITES),
  keyExchanges: measured([
    { version: "TLSv1.2", cipher: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", type: "ECDH", group: "X25519", bits: 253 },
    { version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", type: "ECDH", group: "prime256v1", bits: 256 }
  ]),
  certificate: measured(certificate()),
  alpn: measured(["h2", "http/1.1"]),
  http: measured(httpSide()),
  hsts: measured({ headers: ["max-age=63072000; includeSubDomains"] })
};
var PASSING_MODERN = {
  ...PASSING,
  protocols: protocols(["TLSv1.3"]),
  ciphers: measured([
    { version: "TLSv1.3", name: "TLS_AES_128_GCM_SHA256" },
    { version: "TLSv1.3", name: "TLS_AES_256_GCM_SHA384" },
    { version: "TLSv1.3", name: "TLS_CHACHA20_POLY1305_SHA256" }
  ]),
  keyExchanges: measured([{ version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", type: "ECDH", group: "X25519", bits: 253 }])
};
var ALL = ["hipaa", "nist-800-52r2", "mozilla-intermediate", "mozilla-modern"];
var NOT_MODERN = ["hipaa", "nist-800-52r2", "mozilla-intermediate"];
var suites = (...extra) => ({ ciphers: measured([{ version: "TLSv1.3", name: "TLS_AES_128_GCM_SHA256" }, ...extra]) });
var keyExchange = (exchange) => ({ keyExchanges: measured([exchange]) });
var cert = (overrides = {}, leafOverrides = {}) => ({
  certificate: measured(certificate(overrides, leafOverrides))
});
var hops = (...chain) => ({ http: measured(httpSide(chain)) });
var hsts = (...headers) => ({ hsts: measured({ headers }) });
function split(when, observation, firesFor, passesFor) {
  return { bad: { when, observation, profiles: firesFor }, good: { when, observation, profiles: passesFor } };
}
var tls12 = split("TLS 1.2 is accepted next to TLS 1.3", { protocols: protocols(["TLSv1.2", "TLSv1.3"]) }, ["mozilla-modern"], NOT_MODERN);
var only12 = split("only TLS 1.2 is accepted", { protocols: protocols(["TLSv1.2"]) }, ["hipaa", "nist-800-52r2", "mozilla-modern"], ["mozilla-intermediate"]);
var only13 = split("only TLS 1.3 is accepted", { protocols: protocols(["TLSv1.3"]) }, ["hipaa", "nist-800-52r2"], ["mozilla-intermediate", "mozilla-modern"]);
var chacha12 = split(
  "ECDHE-RSA ChaCha20 is accepted with TLS 1.2",
  suites({ version: "TLSv1.2", name: "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" }),
  ["hipaa", "nist-800-52r2"],
  ["mozilla-intermediate"]
);
var ccm13 = split(
  "TLS_AES_128_CCM_SHA256 is accepted with TLS 1.3",
  suites({ version: "TLSv1.3", name: "TLS_AES_128_CCM_SHA256" }),
  ["hipaa", "mozilla-intermediate", "mozilla-modern"],
  ["nist-800-52r2"]
);
var curve224 = split(
  "a 224-bit curve is used",
  keyExchange({ version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", type: "ECDH", group: "secp224r1", bits: 224 }),
  ["hipaa", "mozilla-intermediate", "mozilla-modern"],
  ["nist-800-52r2"]
);
var lifespan200 = split(
  "the certificate lasts 200 days",
  cert({}, { notBefore: daysFromNow(-140), notAfter: daysFromNow(60) }),
  ["mozilla-modern"],
  NOT_MODERN
);
var rsaSha256 = split(
  "the leaf is signed with RSA-SHA256",
  cert({}, { keyType: "RSA", keyBits: 2048, signatureAlgorithm: "sha256WithRSAEncryption" }),
  ["mozilla-modern"],
  NOT_MODERN
);
var hstsOneYear = split(
  "max-age is one year",
  hsts("max-age=31536000; includeSubDomains"),
  ["mozilla-intermediate", "mozilla-modern"],
  ["hipaa", "nist-800-52r2"]
);
var aeadOnly = { when: "only AES-GCM suites with ECDHE are accepted", observation: { ciphers: measured(AEAD_SUITES) }, profiles: ALL };
var validChain = { when: "a trusted, complete chain for the host, valid for 60 more days", observation: cert(), profiles: ALL };
var permanentRedirect = {
  when: "port 80 answers a 301 to https on the same host",
  observation: hops({ url: PLAIN_URL, status: 301, location: EXAMPLE_URL }, { url: EXAMPLE_URL, status: 200 }),
  profiles: ALL
};
var twoYearHsts = {
  when: "one header, `max-age=63072000; includeSubDomains`",
  observation: hsts("max-age=63072000; includeSubDomains"),
  profiles: ALL
};
var ENDPOINT_EXAMPLES = {
  "TLS-PROTOCOL-LEGACY": {
    bad: [{ when: "TLS 1.0 is accepted", observation: { protocols: protocols(["TLSv1", "TLSv1.2", "TLSv1.3"]) }, profiles: ALL }],
    good: [tls12.good, only13.good]
  },
  "TLS-PROTOCOL-NOT-ALLOWED": { bad: [tls12.bad], good: [tls12.good] },
  "TLS-PROTOCOL-NO-TLS13": { bad: [only12.bad], good: [only12.good, tls12.good] },
  "TLS-PROTOCOL-NO-TLS12": { bad: [only13.bad], good: [only13.good, tls12.good] },
  "TLS-CIPHER-WEAK": {
    bad: [{ when: "3DES is accepted", observation: suites({ version: "TLSv1.2", name: "TLS_RSA_WITH_3DES_EDE_CBC_SHA" }), profiles: ALL }],
    good: [aeadOnly]
  },
  "TLS-CIPHER-NO-FORWARD-SECRECY": {
    bad: [{ when: "static RSA key exchange is accepted", observation: suites({ version: "TLSv1.2", name: "AES128-GCM-SHA256" }), profiles: ALL }],
    good: [aeadOnly]
  },
  "TLS-CIPHER-NOT-ALLOWED": { bad: [chacha12.bad, ccm13.bad], good: [chacha12.good, ccm13.good] },
  "TLS-DH-WEAK": {
    bad: [
      {
        when: "a 1024-bit DH group is used",
        observation: keyExchange({ version: "TLSv1.2", cipher: "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", type: "DH", bits: 1024 }),
        profiles: ALL
      },
      curve224.bad
    ],
    good: [
      {
        when: "X25519 is used",
        observation: keyExchange({ version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", type: "ECDH", group: "X25519", bits: 253 }),
        profiles: ALL
      },
      curve224.good
    ]
  },
  "CERT-UNTRUSTED": {
    bad: [
      {
        when: "the chain is self-signed",
        observation: cert({ trusted: false, trustError: "DEPTH_ZERO_SELF_SIGNED_CERT", chain: [leaf({ selfSigned: true, issuer: `CN=${EXAMPLE_HOST}` })] }),
        profiles: ALL
      }
    ],
    good: [validChain]
  },
  "CERT-CHAIN-INCOMPLETE": {
    bad: [
      {
        when: "the intermediate is missing",
        observation: cert({ trusted: false, trustError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", chainComplete: false, chain: [leaf()] }),
        profiles: ALL
      }
    ],
    good: [validChain]
  },
  "CERT-HOSTNAME-MISMATCH": {
    bad: [
      { when: "the certificate names another host", observation: cert({ hostnameMatches: false }, { subjectAltNames: ["other.example.org"] }), profiles: ALL }
    ],
    good: [validChain]
  },
  "CERT-EXPIRED": {
    bad: [
      {
        when: "the certificate ended yesterday",
        observation: cert({ trusted: false, trustError: "CERT_HAS_EXPIRED" }, { notBefore: daysFromNow(-80), notAfter: daysFromNow(-1) }),
        profiles: ALL
      }
    ],
    good: [validChain]
  },
  "CERT-NOT-YET-VALID": {
    bad: [{ when: "the certificate starts tomorrow", observation: cert({}, { notBefore: daysFromNow(1), notAfter: daysFromNow(80) }), profiles: ALL }],
    good: [validChain]
  },
  "CERT-EXPIRING-SOON": {
    bad: [{ when: "the certificate has 10 days left", observation: cert({}, { notBefore: daysFromNow(-70), notAfter: daysFromNow(10) }), profiles: ALL }],
    good: [{ when: "the certificate has 30 days left", observation: cert({}, { notBefore: daysFromNow(-50), notAfter: daysFromNow(30) }), profiles: ALL }]
  },
  "CERT-LIFESPAN-TOO-LONG": {
    bad: [
      { when: "the certificate lasts 460 days", observation: cert({}, { notBefore: daysFromNow(-400), notAfter: daysFromNow(60) }), profiles: ALL },
      lifespan200.bad
    ],
    good: [lifespan200.good, validChain]
  },
  "CERT-WEAK-KEY": {
    bad: [{ when: "the key is RSA 1024", observation: cert({}, { keyType: "RSA", keyBits: 1024 }), profiles: ALL }],
    good: [validChain, { when: "the key is RSA 2048", observation: cert({}, { keyType: "RSA", keyBits: 2048 }), profiles: ALL }]
  },
  "CERT-WEAK-SIGNATURE": {
    bad: [{ when: "the leaf is signed with SHA-1", observation: cert({}, { signatureAlgorithm: "sha1WithRSAEncryption" }), profiles: ALL }, rsaSha256.bad],
    good: [validChain, rsaSha256.good]
  },
  "CERT-OCSP-NOT-STAPLED": {
    bad: [{ when: "no OCSP response is stapled", observation: cert({ ocspStapled: false }), profiles: ALL }],
    good: [validChain, { when: "the certificate names no OCSP responder", observation: cert({ ocspStapled: false }, { ocspUrls: [] }), profiles: ALL }]
  },
  "HTTP-NO-REDIRECT": {
    bad: [{ when: "port 80 serves the page", observation: hops({ url: PLAIN_URL, status: 200 }), profiles: ALL }],
    good: [permanentRedirect, { when: "port 80 is closed", observation: { http: measured(httpSide([], { portOpen: false })) }, profiles: ALL }]
  },
  "HTTP-REDIRECT-TEMPORARY": {
    bad: [
      {
        when: "the first hop is a 302",
        observation: hops({ url: PLAIN_URL, status: 302, location: EXAMPLE_URL }, { url: EXAMPLE_URL, status: 200 }),
        profiles: ALL
      }
    ],
    good: [
      permanentRedirect,
      {
        when: "the first hop is a 308",
        observation: hops({ url: PLAIN_URL, status: 308, location: EXAMPLE_URL }, { url: EXAMPLE_URL, status: 200 }),
        profiles: ALL
      }
    ]
  },
  "HTTP-REDIRECT-OFF-HOST": {
    bad: [
      {
        when: "the first hop goes to another host",
        observation: hops({ url: PLAIN_URL, status: 301, location: "https://www.example.net/" }, { url: "https://www.example.net/", status: 200 }),
        profiles: ALL
      }
    ],
    good: [
      {
        when: "the first hop goes to https on the same host, which then moves to another https host",
        observation: hops(
          { url: PLAIN_URL, status: 301, location: EXAMPLE_URL },
          { url: EXAMPLE_URL, status: 302, location: "https://login.example.net/" },
          { url: "https://login.example.net/", status: 200 }
        ),
        profiles: ALL
      }
    ]
  },
  "HTTP-REDIRECT-INSECURE": {
    bad: [
      {
        when: "the chain never reaches https",
        observation: hops({ url: PLAIN_URL, status: 301, location: "/login" }, { url: `http://${EXAMPLE_HOST}/login`, status: 200 }),
        profiles: ALL
      }
    ],
    good: [permanentRedirect]
  },
  "HSTS-MISSING": { bad: [{ when: "no HSTS header is sent", observation: hsts(), profiles: ALL }], good: [twoYearHsts] },
  "HSTS-MAX-AGE-TOO-SHORT": {
    bad: [{ when: "max-age is one day", observation: hsts("max-age=86400; includeSubDomains"), profiles: ALL }, hstsOneYear.bad],
    good: [twoYearHsts, hstsOneYear.good]
  },
  "HSTS-NO-SUBDOMAINS": { bad: [{ when: "includeSubDomains is missing", observation: hsts("max-age=63072000"), profiles: ALL }], good: [twoYearHsts] },
  "HSTS-DUPLICATE": {
    bad: [{ when: "two HSTS headers are sent", observation: hsts("max-age=63072000; includeSubDomains", "max-age=0"), profiles: ALL }],
    good: [twoYearHsts]
  },
  "HTTP2-NOT-SUPPORTED": {
    bad: [{ when: "ALPN agrees only to http/1.1", observation: { alpn: measured(["http/1.1"]) }, profiles: ALL }],
    good: [{ when: "ALPN agrees to h2", observation: { alpn: measured(["h2", "http/1.1"]) }, profiles: ALL }]
  },
  "ENDPOINT-MISBEHAVED": {
    bad: [
      {
        when: "the plain-HTTP side answers with something that is not HTTP",
        observation: { http: { status: "error", reason: "Parse Error: Expected HTTP/ (203.0.113.7:80)" } },
        profiles: ALL
      }
    ],
    good: [permanentRedirect]
  },
  "ENDPOINT-UNREACHABLE": {
    bad: [
      {
        when: "the port refuses connections",
        observation: { reachability: { reachable: false, kind: "refused", detail: "connect ECONNREFUSED 203.0.113.7:443" } },
        profiles: ALL
      }
    ],
    good: [{ when: "the handshake completes", observation: { reachability: { reachable: true } }, profiles: ALL }]
  }
};

// checks/endpoint/rules.ts
var encryption = { safeguard: "transmission-security", citation: CITATIONS.transmissionEncryption };
var transmission = { safeguard: "transmission-security", citation: SAFEGUARDS["transmission-security"].citation };
var authentication = { safeguard: "authentication", citation: SAFEGUARDS.authentication.citation };
var ALB_POLICY = "On an AWS ALB/NLB listener choose `ELBSecurityPolicy-TLS13-1-2-2021-06` (or a FIPS variant)";
var METADATA = {
  "TLS-PROTOCOL-LEGACY": {
    ...encryption,
    title: "Legacy TLS/SSL protocol accepted",
    severity: "high",
    description: "The server completes a handshake with SSLv3, TLS 1.0 or TLS 1.1. These versions rely on MD5/SHA-1 in the handshake and CBC constructions broken by POODLE and BEAST; NIST SP 800-52r2 forbids them for protecting sensitive data.",
    remediation: `Accept only TLS 1.2 and 1.3. nginx: \`ssl_protocols TLSv1.2 TLSv1.3;\`; Apache: \`SSLProtocol -all +TLSv1.2 +TLSv1.3\`. ${ALB_POLICY}.`
  },
  "TLS-PROTOCOL-NOT-ALLOWED": {
    ...encryption,
    title: "TLS version outside the profile",
    severity: "medium",
    description: "The server accepts a protocol version that is not legacy but that the selected profile does not allow (for example TLS 1.2 under `mozilla-modern`, which allows TLS 1.3 only).",
    remediation: "Restrict the accepted versions to the profile's list, e.g. nginx `ssl_protocols TLSv1.3;` for `mozilla-modern`, or choose a profile that matches the clients you must serve."
  },
  "TLS-PROTOCOL-NO-TLS13": {
    ...encryption,
    title: "TLS 1.3 not supported",
    severity: "medium",
    description: "The server does not accept TLS 1.3. NIST SP 800-52r2 requires servers to support TLS 1.3 (since January 2024); TLS 1.3 removes static RSA, CBC and renegotiation entirely.",
    remediation: `Enable TLS 1.3: nginx \`ssl_protocols TLSv1.2 TLSv1.3;\` with OpenSSL >= 1.1.1; Apache \`SSLProtocol -all +TLSv1.2 +TLSv1.3\`. ${ALB_POLICY}.`
  },
  "TLS-PROTOCOL-NO-TLS12": {
    ...encryption,
    title: "TLS 1.2 not supported",
    severity: "medium",
    description: "The profile requires TLS 1.2 (NIST SP 800-52r2: servers shall support TLS 1.2) and the server does not accept it, so clients without TLS 1.3 cannot connect securely and may be pushed to weaker channels.",
    remediation: "Accept TLS 1.2 next to TLS 1.3 (nginx `ssl_protocols TLSv1.2 TLSv1.3;`), with the profile's TLS 1.2 cipher suites, or select `mozilla-modern` if TLS 1.3 only is intended."
  },
  "TLS-CIPHER-WEAK": {
    ...encryption,
    title: "Weak cipher suite accepted",
    severity: "high",
    description: "The server accepts a cipher suite that gives no or broken protection: NULL encryption, anonymous (unauthenticated) key exchange, EXPORT-grade keys, single DES, 3DES or IDEA (64-bit blocks, Sweet32), RC2 or RC4.",
    remediation: `Remove the suite from the server's list. nginx: \`ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384;\` (never \`ALL\`, \`DEFAULT\` or \`!aNULL\`-less lists); Java: \`jdk.tls.disabledAlgorithms\`; ${ALB_POLICY}.`
  },
  "TLS-CIPHER-NO-FORWARD-SECRECY": {
    ...encryption,
    title: "Cipher suite without forward secrecy",
    severity: "medium",
    description: "The server accepts a suite with static RSA or static (EC)DH key exchange: whoever obtains the server key later can decrypt every recorded session, including past PHI.",
    remediation: "Offer only ECDHE (or DHE) suites: drop `AES128-GCM-SHA256`, `AES256-SHA` and other `TLS_RSA_*` suites from `ssl_ciphers`; on AWS use an `ELBSecurityPolicy-TLS13-*` policy."
  },
  "TLS-CIPHER-NOT-ALLOWED": {
    ...encryption,
    title: "Cipher suite outside the profile",
    severity: "low",
    description: "The server accepts a suite that is not weak by itself but is not on the selected profile's list (for example CBC or ChaCha20 suites under the `hipaa` profile, which allows only the NIST-approved AEAD suites).",
    remediation: "Set the server's suite list to the profile's (see `docs/endpoint-rules.md` for each profile's list), e.g. nginx `ssl_ciphers` for TLS 1.2 and `ssl_conf_command Ciphersuites` for TLS 1.3."
  },
  "TLS-DH-WEAK": {
    ...encryption,
    title: "Weak ephemeral key exchange",
    severity: "high",
    description: "An ephemeral Diffie-Hellman group is smaller than the profile minimum (2048 bits for finite-field DH, 224-256 bits for elliptic curves); Logjam-class attacks break small groups.",
    remediation: "Use ECDHE with X25519/P-256, or finite-field groups of 2048 bits or more: nginx `ssl_dhparam` with a 2048-bit file (`openssl dhparam 2048`) or `ssl_ecdh_curve X25519:prime256v1:secp384r1;`."
  },
  "CERT-UNTRUSTED": {
    ...authentication,
    title: "Certificate not trusted",
    severity: "high",
    description: "The served chain does not verify against the system trust store plus the configured anchors (self-signed, unknown CA, revoked or otherwise invalid). Clients cannot authenticate the server, which opens the door to interception.",
    remediation: "Serve a certificate from a publicly trusted CA (or add the internal root with `ca:` in `.github/hipaa-guard.yml` when the endpoint is internal)."
  },
  "CERT-CHAIN-INCOMPLETE": {
    ...authentication,
    title: "Certificate chain incomplete",
    severity: "medium",
    description: "The server does not send the intermediate certificate(s); clients that do not fetch them (many non-browser clients, APIs, devices) fail to verify the server.",
    remediation: "Serve the full chain: nginx `ssl_certificate` must point at leaf + intermediates (`fullchain.pem`); Apache 2.4.8+ the same in `SSLCertificateFile`; on AWS import the chain with the certificate."
  },
  "CERT-HOSTNAME-MISMATCH": {
    ...authentication,
    title: "Certificate does not match the host name",
    severity: "high",
    description: "No subject alternative name of the leaf certificate matches the endpoint's host name, so clients cannot tell the server from an impostor.",
    remediation: "Issue a certificate whose subjectAltName includes the host name (or a matching wildcard), and make sure the server selects it for this SNI name."
  },
  "CERT-EXPIRED": {
    ...authentication,
    title: "Certificate expired",
    severity: "critical",
    description: "The leaf certificate's validity ended; clients refuse it or users learn to click through warnings.",
    remediation: "Renew the certificate now and automate renewal (ACME/certbot, AWS ACM managed renewal), then reload the server."
  },
  "CERT-NOT-YET-VALID": {
    ...authentication,
    title: "Certificate not yet valid",
    severity: "high",
    description: "The leaf certificate's validity starts in the future (a wrong clock at issuance or a certificate deployed too early); clients reject it.",
    remediation: "Deploy a certificate that is valid now, and check the clock (NTP) of the issuing system."
  },
  "CERT-EXPIRING-SOON": {
    ...authentication,
    title: "Certificate expires soon",
    severity: "medium",
    description: "The leaf certificate expires within the profile's warning window; once it does, the endpoint stops authenticating.",
    remediation: "Renew the certificate before it expires and automate renewal (ACME/certbot, AWS ACM) with monitoring of the renewal job."
  },
  "CERT-LIFESPAN-TOO-LONG": {
    ...authentication,
    title: "Certificate lifespan too long",
    severity: "low",
    description: "The leaf certificate is valid for longer than the profile allows (398 days for public CAs, 366 days per Mozilla intermediate, 90 days per Mozilla modern), which lengthens the exposure of a compromised key.",
    remediation: "Issue certificates with a shorter validity, ideally 90 days with automated renewal (ACME)."
  },
  "CERT-WEAK-KEY": {
    ...authentication,
    title: "Certificate key too small",
    severity: "high",
    description: "The leaf certificate's public key is smaller than the profile minimum (RSA/DSA 2048 bits, EC 224 or 256 bits).",
    remediation: "Generate a new key (`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` or RSA 2048+) and reissue the certificate."
  },
  "CERT-WEAK-SIGNATURE": {
    ...authentication,
    title: "Certificate signature algorithm not allowed",
    severity: "high",
    description: "A certificate of the served chain (other than a self-signed root) is signed with an algorithm outside the profile's list; MD5 and SHA-1 signatures can be forged.",
    remediation: "Reissue the certificate signed with SHA-256 or better (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`); replace intermediates signed with SHA-1."
  },
  "CERT-OCSP-NOT-STAPLED": {
    ...authentication,
    title: "OCSP response not stapled",
    severity: "low",
    description: "The certificate names an OCSP responder but the server does not staple a response, so clients either skip revocation checking or leak the visited host to the CA.",
    remediation: "Enable stapling: nginx `ssl_stapling on; ssl_stapling_verify on;` with a `resolver`; Apache `SSLUseStapling on` with an `SSLStaplingCache`."
  },
  "HTTP-NO-REDIRECT": {
    ...encryption,
    title: "Plain HTTP not redirected to HTTPS",
    severity: "high",
    description: "The plaintext port answers without redirecting to HTTPS, so requests (and any PHI or credentials in them) can travel unencrypted.",
    remediation: "Answer every plain-HTTP request with a permanent redirect: nginx `return 301 https://$host$request_uri;`; AWS ALB an HTTP:80 listener with a `redirect` action `HTTP_301` to `HTTPS:443`; or close port 80."
  },
  "HTTP-REDIRECT-TEMPORARY": {
    ...transmission,
    title: "HTTP to HTTPS redirect is temporary",
    severity: "low",
    description: "The first plain-HTTP hop redirects with 302/303/307 instead of 301/308, so clients and caches keep using the plaintext URL.",
    remediation: "Use a permanent redirect: nginx `return 301 https://$host$request_uri;` (or 308), ALB redirect action `HTTP_301`."
  },
  "HTTP-REDIRECT-OFF-HOST": {
    ...transmission,
    title: "HTTP redirect leaves the host",
    severity: "medium",
    description: "The first plain-HTTP hop redirects to a different host, so the original host never upgrades to HTTPS itself and HSTS cannot take effect for it.",
    remediation: "Redirect first to `https://` on the same host (`return 301 https://$host$request_uri;`), then to other hosts from there."
  },
  "HTTP-REDIRECT-INSECURE": {
    ...encryption,
    title: "HTTP redirect chain is insecure",
    severity: "high",
    description: "The plain-HTTP redirect chain never reaches HTTPS, returns from HTTPS to HTTP, or loops, so clients stay on (or come back to) plaintext.",
    remediation: "Make the first hop a permanent redirect to the same URL over `https://`, and make sure no HTTPS response redirects back to `http://`."
  },
  "HSTS-MISSING": {
    ...encryption,
    title: "HSTS header missing",
    severity: "medium",
    description: "The HTTPS response carries no `Strict-Transport-Security` header (a header sent only over plain HTTP does not count, RFC 6797), so a network attacker can strip the upgrade to HTTPS.",
    remediation: 'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on HTTPS responses: nginx `add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;`.'
  },
  "HSTS-MAX-AGE-TOO-SHORT": {
    ...encryption,
    title: "HSTS max-age too short",
    severity: "medium",
    description: "The HSTS `max-age` is below the profile minimum (one year, or two years for Mozilla's profiles), so the protection lapses between visits.",
    remediation: "Raise `max-age` to at least the profile minimum, e.g. `max-age=31536000` (one year) or `63072000` (two years)."
  },
  "HSTS-NO-SUBDOMAINS": {
    ...encryption,
    title: "HSTS without includeSubDomains",
    severity: "low",
    description: "The HSTS header lacks `includeSubDomains`, so sibling hosts (and cookies scoped to the parent domain) can still be reached over plaintext.",
    remediation: "Add `includeSubDomains` once every subdomain serves HTTPS: `Strict-Transport-Security: max-age=31536000; includeSubDomains`."
  },
  "HSTS-DUPLICATE": {
    ...encryption,
    title: "Several HSTS headers",
    severity: "low",
    description: "The HTTPS response carries more than one `Strict-Transport-Security` header (often one from the application and one from the proxy); RFC 6797 makes clients honour only the first, which may be the weaker one.",
    remediation: "Set the header in one place only (e.g. the proxy with `add_header ... always;`) and remove it from the application, or `proxy_hide_header Strict-Transport-Security`."
  },
  "HTTP2-NOT-SUPPORTED": {
    ...transmission,
    title: "HTTP/2 not offered",
    severity: "info",
    description: "The server does not agree to `h2` in ALPN. Not a safeguard by itself: HTTP/2 requires TLS 1.2+ with AEAD suites, so offering it tends to go with a modern configuration.",
    remediation: "Enable HTTP/2: nginx `listen 443 ssl; http2 on;` (1.25+) or `listen 443 ssl http2;`; Apache `Protocols h2 http/1.1`."
  },
  "ENDPOINT-UNREACHABLE": {
    ...transmission,
    title: "Endpoint unreachable",
    severity: "high",
    description: "The endpoint could not be probed (DNS failure, refused or reset connection, timeout, TLS alert, protocol error), so none of its safeguards could be verified.",
    remediation: "Check the URL, the address override and that the prober can reach the host and port (firewall, security group); a TLS alert usually means no protocol or suite in common."
  },
  "ENDPOINT-MISBEHAVED": {
    ...transmission,
    title: "Endpoint answered in a way that could not be measured",
    severity: "high",
    description: "The endpoint was reachable, but a safeguard could not be measured because the server misbehaved: it hung in the middle of a handshake or a request, sent an oversized or malformed message, or answered the plain-HTTP port with something that is not HTTP. What cannot be measured cannot pass, so this fails like an unreachable endpoint; the finding names the measurement and the reason.",
    remediation: "Make the server answer a standard TLS client and a plain HTTP GET within the probe budget (`probe.timeout`): check load balancer idle timeouts, proxies that hold connections open, and services on port 80 that are not HTTP. Raise `probe.timeout` only if the server is merely slow."
  }
};
var ENDPOINT_RULE = Object.fromEntries(
  Object.entries(METADATA).map(([id, metadata]) => [
    id,
    { id, family: "endpoint", ...metadata, examples: ENDPOINT_EXAMPLES[id] }
  ])
);
var ENDPOINT_RULES = Object.values(ENDPOINT_RULE);

// checks/report/markdown.ts
function escapeMarkdown(text) {
  return oneLine(text).replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`);
}
function inlineCode(text) {
  const clean = oneLine(text).replaceAll("|", "\\|");
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  return `${fence}${longestRun ? " " : ""}${clean}${longestRun ? " " : ""}${fence}`;
}
function where(location) {
  return inlineCode(locationLabel(location));
}
function capEntries(entries, maxLength, more) {
  const all = entries.join("\n");
  if (all.length <= maxLength) return all;
  const reserve = more(entries.length).length + 1;
  let kept = 0;
  let length = 0;
  for (const entry of entries) {
    if (length + entry.length + 1 + reserve > maxLength) break;
    kept++;
    length += entry.length + 1;
  }
  const omitted = entries.slice(kept).filter((entry) => entry.trim()).length;
  return [...entries.slice(0, kept), more(omitted)].join("\n").slice(0, maxLength);
}
function auditTable(report) {
  const profile = report.profile ? `${escapeMarkdown(report.profile.name)} ${escapeMarkdown(report.profile.version)} (${escapeMarkdown(report.profile.source)})` : "none (no endpoints probed)";
  const targets = report.targets.length ? report.targets.map((target) => inlineCode(targetLabel(target))).join("<br>") : "none";
  return [
    "| | |",
    "|---|---|",
    `| Started | ${report.startedAt} |`,
    `| Finished | ${report.finishedAt} |`,
    `| Tool | ${report.tool.name} ${escapeMarkdown(report.tool.version)} |`,
    `| Profile | ${profile} |`,
    `| Targets | ${targets} |`
  ].join("\n");
}
function safeguardCountsTable(findings) {
  const rows = countBySafeguard(findings).map(
    ({ safeguard, total, byChange }) => `| ${safeguardTitle(safeguard)} | ${citationOf(safeguard)} | ${total} | ${CHANGE_COLUMNS.map((column) => byChange[column]).join(" | ")} |`
  );
  return [
    `| Safeguard | Citation | Findings | ${CHANGE_COLUMNS.map((column) => capitalize(column)).join(" | ")} |`,
    `|---|---|---:|${CHANGE_COLUMNS.map(() => "---:").join("|")}|`,
    ...rows
  ].join("\n");
}
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function findingDetails(finding) {
  const lines = [
    `### ${finding.severity.toUpperCase()} ${inlineCode(finding.ruleId)} ${escapeMarkdown(finding.title)}`,
    "",
    `- **Where:** ${where(finding.location)}${(finding.related ?? []).map((related) => `, related ${where(related)}`).join("")}`,
    `- **Safeguard:** ${safeguardTitle(finding.safeguard)}, ${finding.citation}`
  ];
  if (finding.change) lines.push(`- **Change:** ${finding.change}`);
  lines.push(
    `- **Found:** ${escapeMarkdown(finding.message)}`,
    `- **Remediation:** ${finding.remediation}`,
    `- **Fingerprint:** ${inlineCode(finding.fingerprint)}`
  );
  if (Object.keys(finding.evidence).length) lines.push("", fencedJson(finding.evidence));
  return lines.join("\n");
}
function fencedJson(value) {
  const json = JSON.stringify(value, null, 2);
  const longestRun = Math.max(2, ...(json.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  return `${fence}json
${json}
${fence}`;
}
function suppressedRow(entry) {
  return `| ${inlineCode(entry.finding.ruleId)} | ${where(entry.finding.location)} | ${escapeMarkdown(entry.reason)} | ${entry.until ?? "no expiry"} |`;
}
function strengthenedRow(entry) {
  return `| ${inlineCode(entry.ruleId)} | ${where(entry.location)} | ${escapeMarkdown(entry.message)} |`;
}
function strengthenedTable(strengthened) {
  return ["| Rule | Location | What got stronger |", "|---|---|---|", ...strengthened.map(strengthenedRow)].join("\n");
}
function renderMarkdown(report, options = {}) {
  const entries = [
    "# hipaa-guard report: HIPAA technical safeguards (45 CFR 164.312)",
    "",
    auditTable(report),
    "",
    `**${summaryLine(report)}**`,
    "",
    "## Findings per safeguard",
    "",
    safeguardCountsTable(report.findings)
  ];
  if (report.findings.length) {
    entries.push("", "## Findings", "", ...report.findings.flatMap((finding) => [findingDetails(finding), ""]));
  }
  if (report.errors.length) {
    entries.push(
      "## Not evaluated (errors)",
      "",
      ...report.errors.map(
        (entry) => `- **${entry.category}** ${inlineCode(entry.target)}${errorPlace(entry) ? ` at ${inlineCode(errorPlace(entry) ?? "")}` : ""}: ${escapeMarkdown(entry.message)}`
      ),
      ""
    );
  }
  if (report.unknown.length) {
    entries.push(
      "## Unknown (could not decide)",
      "",
      ...report.unknown.map((entry) => `- ${inlineCode(entry.ruleId)} at ${where(entry.location)}: ${escapeMarkdown(entry.message)}`),
      ""
    );
  }
  if (report.suppressed.length) {
    entries.push("## Suppressed", "", "| Rule | Location | Reason | Until |", "|---|---|---|---|", ...report.suppressed.map(suppressedRow), "");
  }
  if (report.strengthened.length) entries.push("## Strengthened", "", strengthenedTable(report.strengthened), "");
  if (report.notes.length) entries.push("## Notes", "", ...report.notes.map((note) => `- ${escapeMarkdown(note)}`), "");
  const text = `${entries.join("\n").trimEnd()}
`;
  if (options.maxLength === void 0 || text.length <= options.maxLength) return text;
  return capEntries(
    entries,
    options.maxLength,
    (omitted) => `
\u2026and ${omitted} more entries (the Markdown was cut to ${options.maxLength} characters; the JSON report has everything)`
  );
}

export {
  ENDPOINT_RULE,
  ENDPOINT_RULES,
  verdictOf,
  countBySeverity,
  summaryLine,
  targetLabel,
  stripControl,
  oneLine,
  errorPlace,
  escapeMarkdown,
  inlineCode,
  capEntries,
  renderMarkdown
};

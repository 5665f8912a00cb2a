import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  BackendFailure,
  CERTIFICATE_OFFER,
  Deadline,
  coversHost,
  describeCertificate,
  followHttpChain,
  handshake,
  mapBounded,
  mapSettled,
  nativeBackend,
  observeHsts,
  requireBackendVersion,
  runBackendCommand
} from "./chunk-62G23UAV.js";
import {
  cipherSuiteByCode,
  cipherSuiteByName
} from "./chunk-YWFXNLSI.js";

// checks/endpoint/backends/http-side.ts
async function observeHttpSide(target, timeouts) {
  const deadline = new Deadline(timeouts.totalMs);
  const limits = () => ({ connectMs: deadline.limit(timeouts.connectMs), handshakeMs: deadline.limit(timeouts.handshakeMs) });
  const [alpn, http, hsts] = await Promise.all([
    handshake(target, { ...CERTIFICATE_OFFER, alpn: ["h2", "http/1.1"] }, limits()),
    followHttpChain(target, timeouts, deadline),
    observeHsts(target, limits())
  ]);
  return {
    alpn: alpn.ok ? { status: "measured", value: alpn.alpn ? [alpn.alpn] : [] } : { status: "error", reason: alpn.failure.detail },
    http,
    hsts
  };
}
function withNativeHttpSide(engine) {
  return {
    name: engine.name,
    async probe(targets, options) {
      const [observations, sides] = await Promise.all([
        engine.probe(targets, options),
        mapBounded(targets, options.concurrency, (target) => observeHttpSide(target, options.timeouts))
      ]);
      return observations.map((result, index) => {
        const side = sides[index];
        return result.status === "fulfilled" && result.value.reachability.reachable && side ? { status: "fulfilled", value: { ...result.value, ...side } } : result;
      });
    }
  };
}

// checks/endpoint/backends/testssl.ts
import { X509Certificate } from "node:crypto";
import { mkdtemp as mkdtemp2, readFile, rm as rm2 } from "node:fs/promises";
import { isIP } from "node:net";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join2 } from "node:path";

// checks/endpoint/backends/ca-bundle.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rootCertificates } from "node:tls";
async function withCaBundle(extraPem, use) {
  const directory = await mkdtemp(join(tmpdir(), "hipaa-guard-ca-"));
  const file = join(directory, "anchors.pem");
  try {
    await writeFile(file, [...rootCertificates, ...extraPem].join("\n"), { mode: 384 });
    return await use(file);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

// checks/endpoint/backends/unreachable.ts
function unreachableTlsSide(kind, detail) {
  const failed = { status: "error", reason: detail };
  return { reachability: { reachable: false, kind, detail }, protocols: failed, ciphers: failed, keyExchanges: failed, certificate: failed };
}

// checks/endpoint/backends/testssl.ts
var PROTOCOL_IDS = {
  SSLv3: "SSLv3",
  TLS1: "TLSv1",
  TLS1_1: "TLSv1.1",
  TLS1_2: "TLSv1.2",
  TLS1_3: "TLSv1.3"
};
var CIPHER_ID_VERSIONS = {
  ssl3: "SSLv3",
  tls1: "TLSv1",
  tls1_1: "TLSv1.1",
  tls1_2: "TLSv1.2",
  tls1_3: "TLSv1.3"
};
function parseTestsslJson(text) {
  const value = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error("expected a JSON array of findings");
  return value.filter(
    (entry) => typeof entry === "object" && entry !== null && typeof entry.id === "string" && typeof entry.finding === "string"
  );
}
var NOT_MEASURED = (what) => ({ status: "not-measured", reason: `testssl.sh does not report ${what}` });
function observationFromTestssl(entries, target, observedAt, durationMs) {
  const byId = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const id = entry.id.replace(/ <cert#(\d+)>$/, (_, n) => n === "1" ? "" : ` #${n}`);
    if (!byId.has(id)) byId.set(id, entry);
  }
  const base = {
    url: target.url,
    host: target.host,
    port: target.port,
    engine: "testssl",
    observedAt: observedAt.toISOString(),
    durationMs,
    http: NOT_MEASURED("the plaintext redirect"),
    hsts: NOT_MEASURED("HSTS on the probed path"),
    // testssl.sh 3.0's ALPN line missed h2 on servers that offer it: the native prober measures ALPN.
    alpn: NOT_MEASURED("ALPN reliably"),
    ...target.address ? { address: target.address } : {}
  };
  const problem = byId.get("scanProblem");
  if (problem && problem.severity === "FATAL") {
    return { ...base, ...unreachableTlsSide(unreachableKind(problem.finding), problem.finding) };
  }
  return {
    ...base,
    reachability: { reachable: true },
    protocols: protocolsFromTestssl(byId),
    ...ciphersFromTestssl(entries),
    certificate: certificateFromTestssl(byId, target.host)
  };
}
function unreachableKind(finding) {
  if (/can't connect|connection refused/i.test(finding)) return "refused";
  if (/timed? ?out/i.test(finding)) return "timeout";
  if (/resolve|DNS/i.test(finding)) return "dns";
  return "protocol";
}
function protocolsFromTestssl(byId) {
  const value = {};
  for (const [id, version] of Object.entries(PROTOCOL_IDS)) {
    const finding = byId.get(id)?.finding;
    if (finding === void 0) continue;
    if (/^not offered/i.test(finding)) value[version] = false;
    else if (/^offered/i.test(finding)) value[version] = true;
  }
  return Object.keys(value).length ? { status: "measured", value } : { status: "not-measured", reason: "testssl.sh ran without -p" };
}
function ciphersFromTestssl(entries) {
  const ciphers = [];
  const keyExchanges = [];
  for (const entry of entries) {
    const match = /^cipher-(ssl3|tls1(?:_[123])?)_x([0-9a-f]+)$/i.exec(entry.id);
    if (!match?.[1] || !match[2]) continue;
    const version = CIPHER_ID_VERSIONS[match[1].toLowerCase()];
    if (!version) continue;
    const columns = entry.finding.trim().split(/\s+/);
    const name = cipherSuiteByCode(parseInt(match[2], 16))?.iana ?? columns.at(-1) ?? match[2];
    ciphers.push({ version, name });
    const kx = /\s(ECDH|DH)\s+(\d+)\s/.exec(entry.finding);
    if (kx?.[1] && kx[2]) {
      const bits = Number(kx[2]);
      keyExchanges.push({ version, cipher: name, type: kx[1], bits, ...kx[1] === "ECDH" && bits === 253 ? { group: "X25519" } : {} });
    }
  }
  if (!ciphers.length) {
    const reason = "testssl.sh listed no cipher (run without -E)";
    return { ciphers: { status: "not-measured", reason }, keyExchanges: { status: "not-measured", reason } };
  }
  return { ciphers: { status: "measured", value: ciphers }, keyExchanges: { status: "measured", value: keyExchanges } };
}
function certificateFromTestssl(byId, host) {
  const pem = byId.get("cert")?.finding;
  if (!pem) return { status: "not-measured", reason: "testssl.sh reported no certificate (run without -S)" };
  let certificate;
  try {
    certificate = new X509Certificate(pemFromTestssl(pem));
  } catch (error) {
    return { status: "error", reason: `testssl.sh's certificate does not parse: ${error.message}` };
  }
  const chainVerdict = byId.get("cert_chain_of_trust")?.finding ?? "";
  const trusted = /^passed/i.test(chainVerdict);
  const leaf = describeCertificate(certificate);
  return {
    status: "measured",
    value: {
      chain: [leaf],
      trusted,
      ...trusted ? {} : { trustError: trustErrorCode(chainVerdict) },
      chainComplete: !/chain incomplete|issuer certificate/i.test(chainVerdict),
      hostnameMatches: coversHost(leaf.subjectAltNames, host),
      ocspStapled: /^offered/i.test(byId.get("OCSP_stapling")?.finding ?? "")
    }
  };
}
var TRUST_ERRORS = [
  [/expired/i, "CERT_HAS_EXPIRED"],
  [/not yet valid/i, "CERT_NOT_YET_VALID"],
  [/self signed CA in chain/i, "SELF_SIGNED_CERT_IN_CHAIN"],
  [/self signed/i, "DEPTH_ZERO_SELF_SIGNED_CERT"],
  [/chain incomplete|issuer certificate/i, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"]
];
function trustErrorCode(verdict) {
  return TRUST_ERRORS.find(([pattern]) => pattern.test(verdict))?.[1] ?? (verdict || "chain of trust not verified");
}
function pemFromTestssl(finding) {
  const body = finding.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "").replace(/\s+/g, "");
  return `-----BEGIN CERTIFICATE-----
${body.replace(/(.{64})/g, "$1\n")}
-----END CERTIFICATE-----
`;
}
function createTestsslBackend({ binary }) {
  return {
    name: "testssl",
    async probe(targets, options) {
      await requireBackendVersion(
        { engine: "testssl", file: binary, args: ["--version"], timeoutMs: 3e4 },
        /testssl(?:\.sh)?\s+(\d+\.\d+(?:\.\d+)?)/,
        [3, 0]
      );
      return mapSettled(targets, options.concurrency, async (target) => {
        const observation = await runTestssl(binary, target, options);
        options.onObservation?.(observation);
        return observation;
      });
    }
  };
}
var MIN_RUN_MS = 18e4;
async function runTestssl(binary, target, options) {
  const directory = await mkdtemp2(join2(tmpdir2(), "hipaa-guard-testssl-"));
  const jsonFile = join2(directory, "result.json");
  const started = options.now();
  const seconds = String(Math.max(1, Math.ceil(options.timeouts.handshakeMs / 1e3)));
  try {
    return await withCaBundle(target.caPem, async (caFile) => {
      const args = [
        "--quiet",
        "--warnings",
        "off",
        "--color",
        "0",
        "--nodns",
        "none",
        "--connect-timeout",
        seconds,
        "--openssl-timeout",
        seconds,
        "--add-ca",
        caFile,
        "--jsonfile",
        jsonFile,
        "-p",
        "-S",
        "-E",
        ...target.address ? ["--ip", isIP(target.address) === 6 ? `[${target.address}]` : target.address] : [],
        `https://${isIP(target.host) === 6 ? `[${target.host}]` : target.host}:${target.port}`
      ];
      const timeoutMs = Math.max(options.timeouts.totalMs, MIN_RUN_MS);
      await runBackendCommand({ engine: "testssl", file: binary, args, timeoutMs, acceptExitCode: () => true });
      let entries;
      try {
        entries = parseTestsslJson(await readFile(jsonFile, "utf8"));
      } catch (error) {
        throw new BackendFailure("testssl", [binary, ...args].join(" "), `its JSON output does not parse: ${error.message}`);
      }
      return observationFromTestssl(entries, target, started, options.now().getTime() - started.getTime());
    });
  } finally {
    await rm2(directory, { recursive: true, force: true });
  }
}

// checks/endpoint/backends/tls-scan.ts
import { isIP as isIP2 } from "node:net";
function parseTlsScanOutput(text) {
  const records = [];
  const problems = [];
  for (const chunk of jsonObjects(text)) {
    if (!chunk.complete) {
      problems.push(`truncated record at offset ${chunk.start}`);
      continue;
    }
    try {
      const value = JSON.parse(chunk.text);
      if (typeof value === "object" && value !== null && !Array.isArray(value)) records.push(value);
      else problems.push(`not a record at offset ${chunk.start}`);
    } catch (error) {
      problems.push(`malformed JSON at offset ${chunk.start}: ${error.message}`);
    }
  }
  return { records, problems };
}
function* jsonObjects(text) {
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"' && depth > 0) inString = true;
    else if (c === "{") {
      if (depth === 0) start = i;
      depth++;
    } else if (c === "}" && depth > 0) {
      depth--;
      if (depth === 0) yield { start, text: text.slice(start, i + 1), complete: true };
    }
  }
  if (depth > 0) yield { start, text: text.slice(start), complete: false };
}
var VERSION_NAMES = {
  SSLv3: "SSLv3",
  TLSv1: "TLSv1",
  TLSv1_1: "TLSv1.1",
  "TLSv1.1": "TLSv1.1",
  TLSv1_2: "TLSv1.2",
  "TLSv1.2": "TLSv1.2",
  TLSv1_3: "TLSv1.3",
  "TLSv1.3": "TLSv1.3"
};
var NOT_MEASURED2 = (what) => ({ status: "not-measured", reason: `tls-scan does not report ${what}` });
function observationFromTlsScan(record, target, observedAt) {
  const base = {
    url: target.url,
    host: target.host,
    port: target.port,
    engine: "tls-scan",
    observedAt: observedAt.toISOString(),
    durationMs: record.elapsedTime ?? 0,
    alpn: NOT_MEASURED2("ALPN"),
    http: NOT_MEASURED2("the plaintext redirect"),
    hsts: NOT_MEASURED2("HSTS"),
    ...record.ip ? { address: record.ip } : target.address ? { address: target.address } : {}
  };
  const chain = (record.certificateChain ?? []).map(certificateFromTlsScan);
  if (record.error || chain.length === 0) {
    return { ...base, ...unreachableTlsSide("protocol", record.error ?? "no handshake completed (no certificate in the record)") };
  }
  return {
    ...base,
    reachability: { reachable: true },
    protocols: protocolsFromTlsScan(record),
    ciphers: ciphersFromTlsScan(record),
    keyExchanges: keyExchangesFromTlsScan(record),
    certificate: { status: "measured", value: certificateObservation(record, chain, target.host) }
  };
}
function protocolsFromTlsScan(record) {
  if (!record.tlsVersions) return { status: "not-measured", reason: "tls-scan ran without --version-enum" };
  const accepted = new Set(record.tlsVersions.map((name) => VERSION_NAMES[name]).filter(Boolean));
  const value = {};
  for (const version of Object.values(VERSION_NAMES)) value[version] = accepted.has(version);
  return { status: "measured", value };
}
function ciphersFromTlsScan(record) {
  const supported = record.cipherSuite?.supported;
  if (!supported) return { status: "not-measured", reason: "tls-scan ran without --cipher-enum" };
  const versions = (record.tlsVersions ?? []).map((name) => VERSION_NAMES[name]).filter((v) => !!v);
  const legacyTop = ["TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"].find((v) => versions.includes(v)) ?? "TLSv1.2";
  const seen = /* @__PURE__ */ new Set();
  const ciphers = [];
  for (const name of supported) {
    const suite = cipherSuiteByName(name);
    const version = suite?.tls13 ? "TLSv1.3" : legacyTop;
    const iana = suite?.iana ?? name;
    if (seen.has(`${version} ${iana}`)) continue;
    seen.add(`${version} ${iana}`);
    ciphers.push({ version, name: iana });
  }
  return { status: "measured", value: ciphers };
}
function keyExchangesFromTlsScan(record) {
  if (!record.tempPublicKeyAlg || !record.tempPublicKeySize) {
    return { status: "not-measured", reason: "tls-scan reported no ephemeral key" };
  }
  const [type = "", group] = record.tempPublicKeyAlg.split(/\s+/);
  const [cipherName = "", versionName = ""] = (record.cipher ?? "").split(/\s+/);
  const exchange = {
    version: VERSION_NAMES[versionName] ?? VERSION_NAMES[record.tlsVersion ?? ""] ?? "TLSv1.2",
    cipher: cipherSuiteByName(cipherName)?.iana ?? cipherName,
    type,
    bits: record.tempPublicKeySize,
    ...group ? { group } : {}
  };
  return { status: "measured", value: [exchange] };
}
function certificateObservation(record, chain, host) {
  const error = record.verifyCertError ?? "";
  return {
    chain,
    trusted: record.verifyCertResult === true,
    ...record.verifyCertResult === true ? {} : { trustError: error || "verification failed" },
    // tls-scan says only OpenSSL's verify error; a missing intermediate shows as an unknown issuer.
    chainComplete: !/unable to get local issuer certificate/i.test(error),
    // Checked ourselves: tls-scan's verifyHostResult is made against what it connected to.
    hostnameMatches: coversHost(chain[0]?.subjectAltNames ?? [], host),
    ocspStapled: record.ocspStapled === true
  };
}
function certificateFromTlsScan(certificate) {
  const { subject, issuer } = certificate;
  return {
    ...subject ? { subject } : {},
    ...issuer ? { issuer } : {},
    serialNumber: (certificate.serialNo ?? "").replaceAll(":", ""),
    notBefore: isoDate(certificate.notBefore),
    notAfter: isoDate(certificate.notAfter),
    keyType: keyTypeOf(certificate.publicKeyAlg ?? ""),
    keyBits: certificate.publicKeySize ?? 0,
    signatureAlgorithm: certificate.signatureAlg ?? "",
    subjectAltNames: (certificate.subjectAltName ?? "").split(",").map((name) => name.trim()).filter(Boolean),
    // tls-scan does not print the certificate's OCSP responder URL.
    ocspUrls: [],
    isCA: /CA:TRUE/i.test(certificate.basicConstraints ?? ""),
    selfSigned: subject !== void 0 && subject !== "" && subject === issuer,
    // tls-scan prints a SHA-1 fingerprint only.
    sha256: ""
  };
}
function keyTypeOf(algorithm) {
  const [name = ""] = algorithm.split(/\s+/);
  return name === "ECC" || name === "id-ecPublicKey" ? "EC" : name;
}
function isoDate(text) {
  const time = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? "" : new Date(time).toISOString();
}
function createTlsScanBackend({ binary }) {
  return {
    name: "tls-scan",
    async probe(targets, options) {
      await requireBackendVersion(
        { engine: "tls-scan", file: binary, args: ["--version"], timeoutMs: options.timeouts.connectMs + 5e3 },
        /(\d+\.\d+(?:\.\d+)?)/,
        [1, 0]
      );
      const results = /* @__PURE__ */ new Map();
      await mapBounded(groupTargets(targets), 1, async (group) => {
        const started = options.now();
        let records;
        try {
          records = await withCaBundle(group.caPem, (caFile) => runTlsScan(binary, group, caFile, options.timeouts.totalMs, options.concurrency));
        } catch (reason) {
          for (const target of group.targets) results.set(target, { status: "rejected", reason });
          return;
        }
        for (const target of group.targets) {
          const record = group.address ? records[0] : records.find((r) => r.host === target.host && r.port === target.port);
          const observation = record ? observationFromTlsScan(record, target, started) : missingRecord(target, started);
          results.set(target, { status: "fulfilled", value: observation });
          options.onObservation?.(observation);
        }
      });
      return targets.map((target) => results.get(target) ?? { status: "rejected", reason: new Error("tls-scan was not run for this endpoint") });
    }
  };
}
function groupTargets(targets) {
  const groups = /* @__PURE__ */ new Map();
  const single = [];
  for (const target of targets) {
    if (target.address) {
      single.push({ targets: [target], caPem: target.caPem, address: target.address });
      continue;
    }
    const key = target.caPem.join("\n");
    const group = groups.get(key) ?? { targets: [], caPem: target.caPem };
    group.targets.push(target);
    groups.set(key, group);
  }
  return [...groups.values(), ...single];
}
async function runTlsScan(binary, group, caFile, totalMs, concurrency) {
  const common = ["--version-enum", "--cipher-enum", `--cacert=${caFile}`, `--timeout=${Math.max(1, Math.ceil(totalMs / 1e3))}`];
  const [first] = group.targets;
  const args = group.address && first ? [...common, `--connect=${bracketed(group.address)}:${first.port}`, "--ip", `--sni=${first.host}`] : [...common, `--concurrency=${Math.max(1, concurrency)}`];
  const input = group.address ? void 0 : group.targets.map((t) => `${bracketed(t.host)}:${t.port}
`).join("");
  const batches = Math.ceil(group.targets.length / Math.max(1, concurrency));
  const command = {
    engine: "tls-scan",
    file: binary,
    args,
    timeoutMs: totalMs * Math.max(1, batches) + 5e3,
    ...input === void 0 ? {} : { input }
  };
  const stdout = await runBackendCommand(command);
  const { records, problems } = parseTlsScanOutput(stdout);
  if (problems.length && !records.length) {
    throw new BackendFailure("tls-scan", [binary, ...args].join(" "), `output does not parse: ${problems[0]}`);
  }
  return records;
}
function bracketed(host) {
  return isIP2(host) === 6 ? `[${host}]` : host;
}
function missingRecord(target, at) {
  return observationFromTlsScan({ error: "tls-scan returned no record for this endpoint" }, target, at);
}

// checks/endpoint/backends/index.ts
var DEFAULT_ENGINE_BINARIES = { "tls-scan": "tls-scan", testssl: "testssl" };
var allBackends = (name, enginePath) => {
  switch (name) {
    case "native":
      return nativeBackend;
    case "tls-scan":
      return withNativeHttpSide(createTlsScanBackend({ binary: enginePath ?? DEFAULT_ENGINE_BINARIES["tls-scan"] }));
    case "testssl":
      return withNativeHttpSide(createTestsslBackend({ binary: enginePath ?? DEFAULT_ENGINE_BINARIES.testssl }));
  }
};

export {
  allBackends
};

import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  ENDPOINT_RULE
} from "./chunk-D6RF3HYE.js";
import {
  CIPHER_SUITES,
  cipherSuiteByCode,
  cipherSuiteByName,
  emptyReport
} from "./chunk-YWFXNLSI.js";
import {
  TOOL
} from "./chunk-D2S3YVWQ.js";
import {
  compareFindings,
  makeFinding
} from "./chunk-WQ6PL2OD.js";

// checks/endpoint/backend.ts
function timeoutsFor(totalMs) {
  return {
    totalMs,
    connectMs: Math.max(100, Math.min(5e3, Math.floor(totalMs / 2))),
    handshakeMs: Math.max(100, Math.min(5e3, Math.floor(totalMs / 2)))
  };
}
var BUDGET_GRACE_MS = 2e3;
var BudgetExceeded = class extends Error {
  constructor(url, budgetMs) {
    super(`the probe of ${url} did not finish within its budget of ${budgetMs} ms (plus ${BUDGET_GRACE_MS} ms grace)`);
    this.name = "BudgetExceeded";
  }
};
async function withinBudget(work, url, budgetMs) {
  let timer;
  const expiry = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceeded(url, budgetMs)), budgetMs + BUDGET_GRACE_MS);
  });
  try {
    return await Promise.race([work, expiry]);
  } finally {
    clearTimeout(timer);
  }
}
function mapSettled(items, limit, task) {
  return mapBounded(
    items,
    limit,
    (item, index) => task(item, index).then(
      (value) => ({ status: "fulfilled", value }),
      (reason) => ({ status: "rejected", reason })
    )
  );
}
async function mapBounded(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// checks/endpoint/backends/process.ts
var BackendFailure = class extends Error {
  constructor(engine, command, reason, stderrHead = "") {
    super(`${engine}: ${reason} (command: ${command})${stderrHead ? `; stderr: ${stderrHead}` : ""}`);
    this.engine = engine;
    this.command = command;
    this.stderrHead = stderrHead;
    this.name = "BackendFailure";
  }
  engine;
  command;
  stderrHead;
};
var STDERR_LINES = 5;
var MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
async function runBackendCommand(command) {
  const shown = [command.file, ...command.args].join(" ");
  const { execa } = await import("./chunk-HCIEN5NI.js");
  const subprocess = execa(command.file, command.args, {
    reject: false,
    detached: true,
    maxBuffer: MAX_OUTPUT_BYTES,
    stdin: command.input === void 0 ? "ignore" : "pipe",
    ...command.input === void 0 ? {} : { input: command.input },
    env: { LC_ALL: "C" }
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(subprocess.pid);
  }, command.timeoutMs);
  const result = await subprocess.finally(() => clearTimeout(timer));
  const stderrHead = firstLines(String(result.stderr ?? ""), STDERR_LINES);
  if (timedOut) {
    throw new BackendFailure(command.engine, shown, `no result within ${command.timeoutMs} ms`, stderrHead);
  }
  if (result.code === "ENOENT") {
    throw new BackendFailure(command.engine, shown, `binary not found at "${command.file}"; install it or set engine-path`);
  }
  const exitCode = result.exitCode;
  if (exitCode === void 0) {
    throw new BackendFailure(command.engine, shown, result.shortMessage ?? "could not be started", stderrHead);
  }
  const accepted = command.acceptExitCode ?? ((code) => code === 0);
  if (!accepted(exitCode)) {
    throw new BackendFailure(command.engine, shown, `exited with code ${exitCode}`, stderrHead);
  }
  return String(result.stdout ?? "");
}
async function requireBackendVersion(command, pattern, minimum) {
  const output = await runBackendCommand(command);
  const match = pattern.exec(output);
  const shown = [command.file, ...command.args].join(" ");
  if (!match?.[1]) {
    throw new BackendFailure(command.engine, shown, `could not read a version from: ${firstLines(output, 1) || "(no output)"}`);
  }
  const version = match[1];
  if (compareVersions(version.split(".").map(Number), minimum) < 0) {
    throw new BackendFailure(command.engine, shown, `version ${version} is older than the ${minimum.join(".")} hipaa-guard needs`);
  }
  return version;
}
function killGroup(pid) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
}
function compareVersions(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
function firstLines(text, count) {
  return text.split("\n").map((line) => line.trim()).filter(Boolean).slice(0, count).join(" | ");
}

// checks/endpoint/probe/certificate.ts
import { X509Certificate } from "node:crypto";

// checks/endpoint/host-name.ts
import { isIP } from "node:net";
function canonicalAddress(address) {
  if (isIP(address) !== 6) return address;
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail === void 0 ? [] : tail ? tail.split(":") : [];
  const groups = tail === void 0 ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((group) => group.padStart(4, "0")).join(":");
}
function dnsNameMatches(pattern, host) {
  const name = pattern.toLowerCase().replace(/\.$/, "");
  if (!name.startsWith("*.")) return name === host;
  const rest = name.slice(2);
  if (rest.split(".").length < 2 || rest.includes("*")) return false;
  const dot = host.indexOf(".");
  return dot > 0 && host.slice(dot + 1) === rest;
}
function coversHost(subjectAltNames, host) {
  const wanted = host.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (isIP(wanted)) {
    const address = canonicalAddress(wanted);
    return subjectAltNames.some((entry) => entry.startsWith("IP Address:") && canonicalAddress(entry.slice("IP Address:".length).trim()) === address);
  }
  return subjectAltNames.some((entry) => entry.startsWith("DNS:") && dnsNameMatches(entry.slice(4).trim(), wanted));
}

// checks/endpoint/probe/certificate.ts
var SIGNATURE_ALGORITHMS = {
  "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
  "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.113549.1.1.10": "rsassaPss",
  "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
  "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
  "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
  "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
  "1.2.840.10045.4.1": "ecdsa-with-SHA1",
  "1.2.840.10045.4.3.1": "ecdsa-with-SHA224",
  "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
  "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
  "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
  "1.2.840.10040.4.3": "dsaWithSHA1",
  "2.16.840.1.101.3.4.3.2": "dsa_with_SHA256",
  "1.3.101.112": "ED25519",
  "1.3.101.113": "ED448"
};
var HASHES = {
  "1.3.14.3.2.26": "SHA1",
  "2.16.840.1.101.3.4.2.4": "SHA224",
  "2.16.840.1.101.3.4.2.1": "SHA256",
  "2.16.840.1.101.3.4.2.2": "SHA384",
  "2.16.840.1.101.3.4.2.3": "SHA512"
};
var RSASSA_PSS = "1.2.840.113549.1.1.10";
var CURVE_BITS = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256, secp224r1: 224, prime192v1: 192 };
function derHeader(der, at) {
  const first = der[at + 1] ?? 0;
  if (first < 128) return { content: at + 2, length: first };
  const count = first & 127;
  return { content: at + 2 + count, length: der.readUIntBE(at + 2, count) };
}
function decodeOid(bytes) {
  const arcs = [Math.floor((bytes[0] ?? 0) / 40), (bytes[0] ?? 0) % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 127);
    if (!(byte & 128)) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join(".");
}
function pssHashOf(der, at, end) {
  if (at >= end || der[at] !== 48) return "SHA1";
  const parameters = derHeader(der, at);
  if (parameters.length === 0 || der[parameters.content] !== 160) return "SHA1";
  const hashAlgorithm = derHeader(der, derHeader(der, parameters.content).content);
  const oid = derHeader(der, hashAlgorithm.content);
  const dotted = decodeOid(der.subarray(oid.content, oid.content + oid.length));
  return HASHES[dotted] ?? dotted;
}
function signatureAlgorithmOf(der) {
  const certificate = derHeader(der, 0);
  const tbs = derHeader(der, certificate.content);
  const algorithm = derHeader(der, tbs.content + tbs.length);
  const oid = derHeader(der, algorithm.content);
  if (der[algorithm.content] !== 6) return "unknown";
  const dotted = decodeOid(der.subarray(oid.content, oid.content + oid.length));
  if (dotted === RSASSA_PSS) return `rsassaPss-with-${pssHashOf(der, oid.content + oid.length, algorithm.content + algorithm.length)}`;
  return SIGNATURE_ALGORITHMS[dotted] ?? dotted;
}
function keyFacts(x509) {
  let key;
  try {
    key = x509.publicKey;
  } catch {
    return { keyType: "unknown", keyBits: 0 };
  }
  const type = key.asymmetricKeyType ?? "unknown";
  const details = key.asymmetricKeyDetails ?? {};
  if (type === "rsa" || type === "rsa-pss" || type === "dsa") return { keyType: type === "dsa" ? "DSA" : "RSA", keyBits: details.modulusLength ?? 0 };
  if (type === "ec") return { keyType: "EC", keyBits: CURVE_BITS[details.namedCurve ?? ""] ?? 0 };
  if (type === "ed25519") return { keyType: "Ed25519", keyBits: 256 };
  if (type === "ed448") return { keyType: "Ed448", keyBits: 456 };
  return { keyType: type, keyBits: 0 };
}
function listOf(text, prefix) {
  return (text ?? "").split(/,\s*|\n/).map((entry) => entry.trim()).filter((entry) => entry.startsWith(prefix)).map((entry) => entry.slice(prefix.length));
}
function isSelfSigned(x509) {
  try {
    return x509.subject === x509.issuer && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}
function nameOf(name) {
  const line = (name ?? "").replace(/\n/g, ", ");
  return line === "" ? void 0 : line;
}
function describeCertificate(x509) {
  const subject = nameOf(x509.subject);
  const issuer = nameOf(x509.issuer);
  return {
    ...subject === void 0 ? {} : { subject },
    ...issuer === void 0 ? {} : { issuer },
    serialNumber: x509.serialNumber,
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    ...keyFacts(x509),
    signatureAlgorithm: signatureAlgorithmOf(x509.raw),
    subjectAltNames: (x509.subjectAltName ?? "").split(/,\s*/).filter((entry) => entry.length > 0),
    ocspUrls: listOf(x509.infoAccess, "OCSP - URI:"),
    isCA: x509.ca,
    selfSigned: isSelfSigned(x509),
    sha256: x509.fingerprint256.replace(/:/g, "").toLowerCase()
  };
}
function chainOf(peer) {
  const chain = [];
  const seen = /* @__PURE__ */ new Set();
  let current = peer;
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    current = "issuerCertificate" in current ? current.issuerCertificate : void 0;
  }
  return chain;
}
var HOSTNAME_ERROR = "ERR_TLS_CERT_ALTNAME_INVALID";
function observeCertificate({ peer, ...input }) {
  return observeChain({ ...input, chain: chainOf(peer) });
}
function observeChain(input) {
  const { chain } = input;
  const last = chain.at(-1);
  const trusted = input.authorized || input.authorizationError === HOSTNAME_ERROR;
  const described = chain.map(describeCertificate);
  const observation = {
    chain: described,
    trusted,
    chainComplete: last === void 0 || last.ca || isSelfSigned(last),
    hostnameMatches: coversHost(described[0]?.subjectAltNames ?? [], input.host),
    ocspStapled: input.ocspStapled
  };
  if (!trusted && input.authorizationError) observation.trustError = input.authorizationError;
  return observation;
}

// checks/endpoint/probe/failure.ts
var LOCAL_CODES = /* @__PURE__ */ new Set([
  "ERR_SSL_NO_PROTOCOLS_AVAILABLE",
  "ERR_SSL_NO_CIPHERS_AVAILABLE",
  "ERR_SSL_NO_CIPHER_MATCH",
  "ERR_SSL_NO_SUITABLE_KEY_SHARE",
  "ERR_TLS_INVALID_PROTOCOL_VERSION",
  "ERR_TLS_PROTOCOL_VERSION_CONFLICT",
  "ERR_SSL_DH_KEY_TOO_SMALL",
  "ERR_SSL_EE_KEY_TOO_SMALL",
  "ERR_SSL_CA_MD_TOO_WEAK",
  "ERR_SSL_CA_KEY_TOO_SMALL"
]);
function oneLine(message) {
  const first = message.split("\n")[0] ?? message;
  const openssl = /error:[0-9A-F]+:SSL routines:[^:]*:([^:]+)/.exec(first);
  return (openssl?.[1] ?? first).trim();
}
function failureOf(error, where) {
  const code = typeof error === "object" && error && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? oneLine(error.message) : String(error);
  const detail = message.includes(where) ? message : `${message} (${where})`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return { kind: "dns", detail, local: false, serverRefused: false };
  if (code === "ECONNREFUSED") return { kind: "refused", detail, local: false, serverRefused: false };
  if (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNABORTED") return { kind: "reset", detail, local: false, serverRefused: true };
  if (code === "ETIMEDOUT") return { kind: "timeout", detail, local: false, serverRefused: false };
  if (LOCAL_CODES.has(code)) return { kind: "protocol", detail: `our client refused: ${detail}`, local: true, serverRefused: false };
  if (code.includes("_ALERT_")) return { kind: "tls-alert", detail, local: false, serverRefused: true };
  return { kind: "protocol", detail, local: false, serverRefused: code === "ERR_SSL_UNSUPPORTED_PROTOCOL" };
}
function timeoutFailure(step, ms, where) {
  return { kind: "timeout", detail: `no answer to ${step} within ${Math.round(ms)} ms (${where})`, local: false, serverRefused: false };
}
function closedFailure(step, where) {
  return { kind: "reset", detail: `connection closed ${step} (${where})`, local: false, serverRefused: true };
}
var Deadline = class {
  #end;
  #clock;
  constructor(totalMs, clock = () => performance.now()) {
    this.#clock = clock;
    this.#end = clock() + totalMs;
  }
  /** Milliseconds a step may take: its own limit, cut to what is left of the total. */
  limit(stepMs) {
    return Math.max(0, Math.min(stepMs, this.#end - this.#clock()));
  }
  get expired() {
    return this.#clock() >= this.#end;
  }
};

// checks/endpoint/probe/http-chain.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

// checks/endpoint/probe/tls-handshake.ts
import { isIP as isIP2 } from "node:net";
import { connect } from "node:tls";
var EVERY_CIPHER = "ALL:COMPLEMENTOFALL:@SECLEVEL=0";
var CERTIFICATE_CIPHERS = "ALL:!aNULL:!eNULL:@SECLEVEL=0";
var CERTIFICATE_OFFER = { minVersion: "TLSv1", maxVersion: "TLSv1.3", ciphers: CERTIFICATE_CIPHERS };
var TLS_VERSION_NAMES = { SSLv3: "SSLv3", TLSv1: "TLSv1", "TLSv1.1": "TLSv1.1", "TLSv1.2": "TLSv1.2", "TLSv1.3": "TLSv1.3" };
function whereOf(target) {
  return `${target.address ?? target.host}:${target.port}`;
}
function handshake(target, request2, limits) {
  const where = whereOf(target);
  return new Promise((resolve2) => {
    let ocspResponse;
    let socket;
    try {
      socket = connect({
        host: target.address ?? target.host,
        port: target.port,
        ...isIpLiteral(target.host) ? {} : { servername: target.host },
        rejectUnauthorized: false,
        // Trust is recorded, the host name checked on its own (checkServerIdentity in certificate.ts).
        checkServerIdentity: () => void 0,
        ...request2.anchors ? { ca: [...request2.anchors] } : {},
        minVersion: request2.minVersion,
        maxVersion: request2.maxVersion,
        ciphers: request2.ciphers,
        minDHSize: 1,
        ...request2.alpn ? { ALPNProtocols: request2.alpn } : {},
        ...request2.requestOcsp ? { requestOCSP: true } : {}
      });
    } catch (error) {
      resolve2({ ok: false, failure: failureOf(error, where) });
      return;
    }
    const finish = (outcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve2(outcome);
    };
    let timer = setTimeout(() => finish({ ok: false, failure: timeoutFailure("TCP connect", limits.connectMs, where) }), limits.connectMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, failure: timeoutFailure("the TLS handshake", limits.handshakeMs, where) }), limits.handshakeMs);
    });
    socket.on("OCSPResponse", (response) => {
      ocspResponse = response;
    });
    socket.once("secureConnect", () => {
      const cipher = socket.getCipher();
      const version = TLS_VERSION_NAMES[socket.getProtocol() ?? ""];
      if (!version || !cipher) {
        finish({
          ok: false,
          failure: { kind: "protocol", detail: `unknown protocol ${socket.getProtocol() ?? "none"} (${where})`, local: false, serverRefused: false }
        });
        return;
      }
      const peer = socket.getPeerCertificate(true);
      const outcome = {
        ok: true,
        version,
        cipher: cipher.standardName,
        peer: peer.raw ? peer : void 0,
        authorized: socket.authorized
      };
      const ephemeral = socket.getEphemeralKeyInfo();
      if (ephemeral?.type) outcome.ephemeral = { type: ephemeral.type, bits: ephemeral.size ?? 0, ...ephemeral.name ? { group: ephemeral.name } : {} };
      if (socket.authorizationError) outcome.authorizationError = String(socket.authorizationError);
      if (typeof socket.alpnProtocol === "string") outcome.alpn = socket.alpnProtocol;
      if (ocspResponse?.length) outcome.ocspResponse = ocspResponse;
      finish(outcome);
    });
    socket.once("error", (error) => finish({ ok: false, failure: failureOf(error, where) }));
    socket.once("close", () => finish({ ok: false, failure: closedFailure("during the TLS handshake", where) }));
  });
}
function isIpLiteral(host) {
  return isIP2(host) !== 0;
}

// checks/endpoint/probe/http-chain.ts
var HOP_LIMIT = 10;
function headerValues(rawHeaders, name) {
  const values = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === name) values.push(rawHeaders[index + 1] ?? "");
  }
  return values;
}
function socketHost(hostname) {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}
function send(url, target, offer) {
  const host = socketHost(url.hostname);
  const options = {
    host: target.address ?? host,
    port: url.port || (url.protocol === "https:" ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: "GET",
    headers: { Host: url.host, "User-Agent": "hipaa-guard", Connection: "close" },
    agent: false
  };
  if (url.protocol === "http:") return httpRequest(options);
  return httpsRequest({ ...options, ...isIpLiteral(host) ? {} : { servername: host }, rejectUnauthorized: false, ...offer });
}
function get(url, target, limits, offer) {
  const where = `${target.address ?? socketHost(url.hostname)}:${url.port || (url.protocol === "https:" ? 443 : 80)}`;
  return new Promise((resolve2) => {
    const req = send(url, target, offer);
    const finish = (result) => {
      clearTimeout(timer);
      req.destroy();
      resolve2(result);
    };
    let timer = setTimeout(() => finish({ ok: false, failure: timeoutFailure("TCP connect", limits.connectMs, where) }), limits.connectMs);
    req.once("socket", (socket) => {
      socket.once("connect", () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ ok: false, failure: timeoutFailure("the HTTP request", limits.handshakeMs, where) }), limits.handshakeMs);
      });
    });
    req.once("response", (response) => {
      response.resume();
      finish({ ok: true, answer: { status: response.statusCode ?? 0, headers: response.rawHeaders } });
    });
    req.once("error", (error) => finish({ ok: false, failure: failureOf(error, where) }));
    req.end();
  });
}
function sameHost(a, b) {
  return a.hostname.toLowerCase() === b.hostname.toLowerCase();
}
async function followHttpChain(target, limits, deadline, offer = CERTIFICATE_OFFER) {
  const start = new URL(target.httpUrl);
  const observation = { start: start.href, portOpen: true, hops: [] };
  const visited = /* @__PURE__ */ new Set();
  let url = start;
  while (true) {
    if (observation.hops.length >= HOP_LIMIT) return { status: "measured", value: { ...observation, stoppedBecause: `hop limit of ${HOP_LIMIT} reached` } };
    visited.add(url.href);
    const result = await get(url, target, { connectMs: deadline.limit(limits.connectMs), handshakeMs: deadline.limit(limits.handshakeMs) }, offer);
    if (!result.ok) {
      if (observation.hops.length === 0) {
        if (result.failure.kind === "refused") return { status: "measured", value: { ...observation, portOpen: false } };
        return { status: "error", reason: result.failure.detail };
      }
      return { status: "measured", value: { ...observation, stoppedBecause: result.failure.detail } };
    }
    const hop = { url: url.href, status: result.answer.status };
    const [location] = headerValues(result.answer.headers, "location");
    if (location !== void 0) hop.location = location;
    const hsts = headerValues(result.answer.headers, "strict-transport-security");
    if (hsts.length) hop.hsts = hsts;
    observation.hops.push(hop);
    if (location === void 0 || result.answer.status < 300 || result.answer.status > 399) return { status: "measured", value: observation };
    const next = URL.canParse(location, url) ? new URL(location, url) : void 0;
    if (!next) return { status: "measured", value: { ...observation, stoppedBecause: `unreadable Location header` } };
    if (!sameHost(next, start) || next.protocol !== "http:" && next.protocol !== "https:")
      return { status: "measured", value: { ...observation, stoppedBecause: `redirect leaves ${start.hostname}; not followed` } };
    if (visited.has(next.href)) return { status: "measured", value: { ...observation, stoppedBecause: `redirect loop: ${next.href} was already requested` } };
    url = next;
  }
}

// checks/endpoint/probe/https-response.ts
import { request } from "node:https";
function observeHsts(target, limits, offer = CERTIFICATE_OFFER) {
  const where = whereOf(target);
  return new Promise((resolve2) => {
    const req = request({
      host: target.address ?? target.host,
      port: target.port,
      path: target.path,
      method: "GET",
      headers: { Host: target.port === 443 ? target.host : `${target.host}:${target.port}`, "User-Agent": "hipaa-guard", Connection: "close" },
      agent: false,
      ...isIpLiteral(target.host) ? {} : { servername: target.host },
      rejectUnauthorized: false,
      ...offer
    });
    const finish = (result) => {
      clearTimeout(timer);
      req.destroy();
      resolve2(result);
    };
    const budget = limits.connectMs + limits.handshakeMs;
    const timer = setTimeout(() => finish({ status: "error", reason: timeoutFailure("the HTTPS request", budget, where).detail }), budget);
    req.once("response", (response) => {
      response.resume();
      finish({ status: "measured", value: { headers: headerValues(response.rawHeaders, "strict-transport-security") } });
    });
    req.once("error", (error) => finish({ status: "error", reason: failureOf(error, where).detail }));
    req.end();
  });
}

// checks/endpoint/probe/resolve-host.ts
import { Resolver } from "node:dns/promises";
var LOCALHOST = /(^|\.)localhost\.?$/i;
function codeOf(reason) {
  return typeof reason === "object" && reason && "code" in reason ? String(reason.code) : "";
}
function cancellableResolver(servers) {
  return async (host, timeoutMs) => {
    if (LOCALHOST.test(host)) return ["127.0.0.1", "::1"];
    const budget = Math.max(1, Math.floor(timeoutMs));
    const resolver = new Resolver({ timeout: budget, tries: 1 });
    if (servers) resolver.setServers([...servers]);
    const timer = setTimeout(() => resolver.cancel(), budget);
    try {
      const answers = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
      const addresses = answers.flatMap((answer) => answer.status === "fulfilled" ? answer.value : []);
      if (addresses.length > 0) return addresses;
      const reasons = answers.flatMap((answer) => answer.status === "rejected" ? [answer.reason] : []);
      const reason = reasons.find((candidate) => codeOf(candidate) === "ENOTFOUND") ?? reasons[0];
      if (codeOf(reason) === "ECANCELLED" || codeOf(reason) === "ETIMEOUT") {
        throw Object.assign(new Error(`no answer from the resolver for ${host} within ${budget} ms`), { code: "ETIMEOUT" });
      }
      throw reason instanceof Error ? reason : Object.assign(new Error(`${host} has no addresses`), { code: "ENOTFOUND" });
    } finally {
      clearTimeout(timer);
      resolver.cancel();
    }
  };
}

// checks/endpoint/probe/raw-hello.ts
import { randomBytes } from "node:crypto";
import { connect as connect2 } from "node:net";

// checks/endpoint/probe/handshake-reader.ts
var MAX_RECORD = 16384 + 2048;
var MAX_CERTIFICATE_MESSAGE = 8 * 1024 * 1024;
var MAX_OTHER_MESSAGE = 256 * 1024;
var MAX_CHAIN_LENGTH = 64;
var HANDSHAKE_TYPES = {
  serverHello: 2,
  certificate: 11,
  serverKeyExchange: 12,
  certificateRequest: 13,
  serverHelloDone: 14,
  certificateStatus: 22
};
var sizeOf = (bytes) => bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
var HandshakeReader = class {
  #pending = Buffer.alloc(0);
  #header = [];
  #message;
  push(chunk) {
    let bytes = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    const messages = [];
    const malformed = (reason) => ({ messages, end: { kind: "malformed", reason } });
    while (bytes.length >= 5) {
      const type = bytes[0] ?? 0;
      const length = bytes.readUInt16BE(3);
      if (type !== 21 && type !== 22 || bytes[1] !== 3)
        return malformed(`not a TLS handshake record: first bytes ${bytes.subarray(0, 5).toString("hex")}`);
      if (length > MAX_RECORD) return malformed(`a record of ${length} bytes, over TLS's ${MAX_RECORD}`);
      if (bytes.length < 5 + length) break;
      const payload = bytes.subarray(5, 5 + length);
      bytes = bytes.subarray(5 + length);
      if (type === 21) return payload.length >= 2 ? { messages, end: { kind: "alert", description: payload[1] ?? 0 } } : malformed("a short alert");
      const problem = this.#feed(payload, messages);
      if (problem) return malformed(problem);
    }
    this.#pending = Buffer.from(bytes);
    return { messages };
  }
  #feed(payload, out) {
    let at = 0;
    while (at < payload.length) {
      if (!this.#message) {
        while (this.#header.length < 4 && at < payload.length) this.#header.push(payload[at++] ?? 0);
        if (this.#header.length < 4) return void 0;
        const [type = 0, a = 0, b = 0, c = 0] = this.#header;
        this.#header = [];
        const length = a << 16 | b << 8 | c;
        const cap = type === HANDSHAKE_TYPES.certificate ? MAX_CERTIFICATE_MESSAGE : MAX_OTHER_MESSAGE;
        if (length > cap) return `a handshake message (type ${type}) of ${sizeOf(length)}, over the cap of ${sizeOf(cap)}`;
        this.#message = { type, body: Buffer.allocUnsafe(length), filled: 0 };
      }
      const message = this.#message;
      const taken = payload.copy(message.body, message.filled, at, Math.min(payload.length, at + message.body.length - message.filled));
      message.filled += taken;
      at += taken;
      if (message.filled === message.body.length) {
        out.push({ type: message.type, body: message.body });
        this.#message = void 0;
      }
    }
    return void 0;
  }
};
function parseServerHello(body) {
  if (body.length < 38) return "a short ServerHello";
  const sessionIdLength = body[34] ?? 0;
  const suiteAt = 35 + sessionIdLength;
  if (body.length < suiteAt + 3) return "a short ServerHello";
  const facts = { version: body.readUInt16BE(0), cipherSuite: body.readUInt16BE(suiteAt) };
  let at = suiteAt + 3;
  if (body.length < at + 2) return facts;
  const end = Math.min(body.length, at + 2 + body.readUInt16BE(at));
  at += 2;
  while (at + 4 <= end) {
    const type = body.readUInt16BE(at);
    const length = body.readUInt16BE(at + 2);
    if (at + 4 + length > end) return "a ServerHello extension past its end";
    if (type === 16 && length >= 3) facts.alpn = body.toString("latin1", at + 7, at + 7 + (body[at + 6] ?? 0));
    at += 4 + length;
  }
  return facts;
}
function parseCertificateMessage(body) {
  if (body.length < 3) return "a short Certificate message";
  const total = body.readUIntBE(0, 3);
  if (total !== body.length - 3) return `a Certificate message announcing ${total} bytes of certificates in ${body.length - 3}`;
  const certificates = [];
  for (let at = 3; at < body.length; ) {
    if (at + 3 > body.length) return "a truncated certificate length";
    const length = body.readUIntBE(at, 3);
    if (length === 0 || at + 3 + length > body.length) return `a certificate of ${length} bytes past the message's end`;
    if (certificates.length === MAX_CHAIN_LENGTH) return `more than ${MAX_CHAIN_LENGTH} certificates`;
    certificates.push(body.subarray(at + 3, at + 3 + length));
    at += 3 + length;
  }
  return certificates;
}

// checks/endpoint/probe/raw-hello.ts
var WIRE_VERSIONS = { SSLv3: 768, TLSv1: 769, "TLSv1.1": 770, "TLSv1.2": 771 };
var GROUPS = [29, 23, 24, 25, 30, 256, 257];
var SIGNATURE_SCHEMES = [1025, 1281, 1537, 1027, 1283, 1539, 2052, 2053, 2054, 2055, 2056, 513, 515, 514, 1026];
var u16 = (value) => Buffer.from([value >> 8, value & 255]);
var u16List = (values) => Buffer.concat(values.map(u16));
var withU16Length = (body) => Buffer.concat([u16(body.length), body]);
var extension = (type, body) => Buffer.concat([u16(type), withU16Length(body)]);
function extensionsFor(host, extras) {
  const sni = isIpLiteral(host) ? [] : [extension(0, withU16Length(Buffer.concat([Buffer.from([0]), withU16Length(Buffer.from(host, "ascii"))])))];
  const alpn = extras.alpn?.length ? [extension(16, withU16Length(Buffer.concat(extras.alpn.map((name) => Buffer.concat([Buffer.from([name.length]), Buffer.from(name, "ascii")])))))] : [];
  const ocsp = extras.requestOcsp ? [extension(5, Buffer.from([1, 0, 0, 0, 0]))] : [];
  return withU16Length(
    Buffer.concat([
      ...sni,
      extension(10, withU16Length(u16List(GROUPS))),
      extension(11, Buffer.from([1, 0])),
      extension(13, withU16Length(u16List(SIGNATURE_SCHEMES))),
      extension(65281, Buffer.from([0])),
      ...alpn,
      ...ocsp
    ])
  );
}
function clientHello(version, suites, host, extras = {}) {
  const wire = WIRE_VERSIONS[version];
  const body = Buffer.concat([
    u16(wire),
    randomBytes(32),
    Buffer.from([0]),
    withU16Length(u16List(suites)),
    Buffer.from([1, 0]),
    ...version === "SSLv3" ? [] : [extensionsFor(host, extras)]
  ]);
  const handshake2 = Buffer.concat([Buffer.from([1, 0, body.length >> 8, body.length & 255]), body]);
  return Buffer.concat([Buffer.from([22]), u16(version === "SSLv3" ? 768 : 769), withU16Length(handshake2)]);
}
var MAX_ANSWER = 4 * MAX_RECORD;
function readServerAnswer(bytes, where) {
  const garbage = (why) => ({
    kind: "failure",
    failure: { kind: "protocol", detail: `not a TLS answer: ${why} (${where})`, local: false, serverRefused: false }
  });
  const {
    messages: [first],
    end
  } = new HandshakeReader().push(bytes);
  if (!first) return end === void 0 ? void 0 : end.kind === "alert" ? end : garbage(end.reason);
  if (first.type !== HANDSHAKE_TYPES.serverHello) return garbage(`handshake message ${first.type} instead of ServerHello`);
  const hello = parseServerHello(first.body);
  return typeof hello === "string" ? garbage(hello) : { kind: "server-hello", version: hello.version, cipherSuite: hello.cipherSuite };
}
function converse(target, hello, limits, conversation) {
  const where = whereOf(target);
  return new Promise((resolve2) => {
    const socket = connect2({ host: target.address ?? target.host, port: target.port });
    const finish = (answer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve2(answer);
    };
    let timer = setTimeout(() => finish(conversation.failed(timeoutFailure("TCP connect", limits.connectMs, where))), limits.connectMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(conversation.failed(timeoutFailure("the ClientHello", limits.handshakeMs, where))), limits.handshakeMs);
      socket.write(hello);
    });
    socket.on("data", (chunk) => {
      const answer = conversation.read(chunk);
      if (answer !== void 0) finish(answer);
    });
    socket.once("error", (error) => finish(conversation.failed(failureOf(error, where))));
    socket.once("close", () => finish(conversation.closed()));
  });
}
function exchangeHello(target, hello, limits) {
  const where = whereOf(target);
  let received = Buffer.alloc(0);
  return converse(target, hello, limits, {
    read: (chunk) => {
      received = Buffer.concat([received, chunk]);
      return received.length > MAX_ANSWER ? {
        kind: "failure",
        failure: { kind: "protocol", detail: `no ServerHello in the first ${MAX_ANSWER} bytes (${where})`, local: false, serverRefused: false }
      } : readServerAnswer(received, where);
    },
    closed: () => ({ kind: "failure", failure: closedFailure("before a ServerHello", where) }),
    failed: (failure) => ({ kind: "failure", failure })
  });
}
async function enumerateLegacySuites(target, version, candidates, limits, deadline) {
  const accepted = [];
  let offered = [...candidates];
  while (offered.length > 0) {
    if (deadline.expired) return { accepted, failure: timeoutFailure(`${version} suite enumeration`, 0, whereOf(target)) };
    const hello = clientHello(version, offered, target.host);
    const attempt = () => exchangeHello(target, hello, { connectMs: deadline.limit(limits.connectMs), handshakeMs: deadline.limit(limits.handshakeMs) });
    let answer = await attempt();
    if (answer.kind === "failure" && !answer.failure.serverRefused && !deadline.expired) answer = await attempt();
    if (answer.kind === "alert" || answer.kind === "failure" && answer.failure.serverRefused) return { accepted };
    if (answer.kind === "failure") return { accepted, failure: answer.failure };
    const chosen = answer.cipherSuite;
    if (answer.version !== WIRE_VERSIONS[version] || !offered.includes(chosen)) return { accepted };
    accepted.push(chosen);
    offered = offered.filter((suite) => suite !== chosen);
  }
  return { accepted };
}

// checks/endpoint/probe/raw-certificate.ts
import { X509Certificate as X509Certificate3 } from "node:crypto";

// checks/endpoint/probe/verify-chain.ts
import { X509Certificate as X509Certificate2 } from "node:crypto";
import { rootCertificates } from "node:tls";
var MAX_DEPTH = 10;
var systemRoots;
function systemAnchors() {
  systemRoots ??= rootCertificates.map((pem) => new X509Certificate2(pem));
  return systemRoots;
}
function certificatesInPem(pem) {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((block) => new X509Certificate2(block));
}
function issued(child, parent) {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}
function timeError(certificate, now) {
  if (now.getTime() < Date.parse(certificate.validFrom)) return "CERT_NOT_YET_VALID";
  if (now.getTime() > Date.parse(certificate.validTo)) return "CERT_HAS_EXPIRED";
  return void 0;
}
function verifyChain(served, extraAnchors, now) {
  const [leaf] = served;
  if (!leaf) throw new Error("no certificate to verify");
  const anchors = [...extraAnchors, ...systemAnchors()];
  const path = [leaf];
  let anchored = anchors.some((anchor) => anchor.fingerprint256 === leaf.fingerprint256);
  while (!anchored && path.length < MAX_DEPTH) {
    const current = path[path.length - 1] ?? leaf;
    const anchor = anchors.find((candidate) => issued(current, candidate));
    if (anchor) {
      if (anchor.fingerprint256 !== current.fingerprint256) path.push(anchor);
      anchored = true;
      break;
    }
    const next = served.find((candidate) => !path.includes(candidate) && issued(current, candidate));
    if (!next || next.fingerprint256 === current.fingerprint256) break;
    path.push(next);
  }
  if (!anchored) {
    const last = path[path.length - 1] ?? leaf;
    const error = isSelfSigned(last) ? path.length === 1 ? "DEPTH_ZERO_SELF_SIGNED_CERT" : "SELF_SIGNED_CERT_IN_CHAIN" : path.length === 1 ? "UNABLE_TO_VERIFY_LEAF_SIGNATURE" : "UNABLE_TO_GET_ISSUER_CERT_LOCALLY";
    return { path, authorized: false, authorizationError: error };
  }
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const certificate = path[index] ?? leaf;
    if (index > 0 && !certificate.ca) return { path, authorized: false, authorizationError: "INVALID_CA" };
    const error = timeError(certificate, now);
    if (error) return { path, authorized: false, authorizationError: error };
  }
  return { path, authorized: true };
}

// checks/endpoint/probe/raw-certificate.ts
function placeOf(target) {
  return target.address && target.address !== target.host ? `${target.host} at ${whereOf(target)}` : whereOf(target);
}
function readServerCertificates(target, version, suites, limits) {
  const place = placeOf(target);
  const fail = (detail, kind = "protocol") => ({
    ok: false,
    failure: { kind, detail: `${detail} (${place})`, local: false, serverRefused: kind === "tls-alert" }
  });
  const reader = new HandshakeReader();
  let hello;
  let certificates;
  const found = (ocspStapled) => ({
    ok: true,
    certificates: certificates ?? [],
    ocspStapled,
    ...hello?.alpn ? { alpn: hello.alpn } : {}
  });
  return converse(target, clientHello(version, suites, target.host, { alpn: ["h2", "http/1.1"], requestOcsp: true }), limits, {
    read: (chunk) => {
      const read = reader.push(chunk);
      for (const message of read.messages) {
        if (!hello) {
          if (message.type !== HANDSHAKE_TYPES.serverHello) return fail(`handshake message ${message.type} instead of ServerHello`);
          const parsed = parseServerHello(message.body);
          if (typeof parsed === "string") return fail(parsed);
          if (parsed.version !== WIRE_VERSIONS[version] || !suites.includes(parsed.cipherSuite))
            return fail(`the server answered ${version} at version 0x${parsed.version.toString(16)} with suite 0x${parsed.cipherSuite.toString(16)}`);
          hello = parsed;
        } else if (!certificates) {
          if (message.type !== HANDSHAKE_TYPES.certificate)
            return fail(`the server sent no Certificate message (handshake message ${message.type} after ServerHello)`);
          const parsed = parseCertificateMessage(message.body);
          if (typeof parsed === "string") return fail(`could not read the Certificate message: ${parsed}`);
          if (parsed.length === 0) return fail("the server sent an empty Certificate message");
          certificates = parsed;
        } else {
          return found(message.type === HANDSHAKE_TYPES.certificateStatus);
        }
      }
      if (read.end?.kind === "alert") return fail(`the server answered ${version} with alert ${read.end.description}`, "tls-alert");
      if (read.end) return certificates ? found(false) : fail(read.end.reason);
      return void 0;
    },
    // The chain is read; only whether a CertificateStatus follows it was left to see.
    closed: () => certificates ? found(false) : { ok: false, failure: closedFailure("before its Certificate message", place) },
    failed: (failure) => certificates && failure.kind === "timeout" ? found(false) : { ok: false, failure }
  });
}
function observeRawCertificate(target, raw, now) {
  const reason = (why) => ({
    status: "error",
    reason: `could not read the certificate from the raw handshake: ${why}`
  });
  if (!raw.ok) return reason(raw.failure.detail);
  try {
    const served = raw.certificates.map((der) => new X509Certificate3(der));
    const { path: chain, ...verdict } = verifyChain(served, target.caPem.flatMap(certificatesInPem), now);
    return { status: "measured", value: observeChain({ chain, host: target.host, ocspStapled: raw.ocspStapled, ...verdict }) };
  } catch (error) {
    return reason(`${error instanceof Error ? error.message : String(error)} (${placeOf(target)})`);
  }
}

// checks/endpoint/probe/probe-endpoint.ts
var NODE_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
var LEGACY_VERSIONS = Object.keys(WIRE_VERSIONS);
var VERSION_ORDER = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
var TLS13_SUITES = CIPHER_SUITES.filter((suite) => suite.tls13).map((suite) => suite.iana);
function legacyCandidates(version) {
  const rank = VERSION_ORDER.indexOf(version);
  return CIPHER_SUITES.filter((suite) => !suite.tls13 && !suite.iana.includes("SCSV") && VERSION_ORDER.indexOf(suite.minVersion) <= rank).map(
    (suite) => suite.code
  );
}
function ephemeralSuite(suite) {
  return suite !== void 0 && (suite.keyExchange === "DHE" || suite.keyExchange === "DH" && suite.authentication === "anon") && suite.openssl !== void 0;
}
function keyExchangeOf(success) {
  if (!success.ephemeral) return [];
  const { type, group, bits } = success.ephemeral;
  return [{ version: success.version, cipher: success.cipher, type, bits, ...group ? { group } : {} }];
}
function notMeasured(reason) {
  return { status: "not-measured", reason };
}
function protocolsOf({ versions, raw }) {
  const protocols = {};
  const undetermined = [];
  for (const version of VERSION_ORDER) {
    const node = version === "SSLv3" ? void 0 : versions[version];
    const legacy = version === "TLSv1.3" ? void 0 : raw[version];
    if (node?.ok || legacy && legacy.accepted.length > 0) protocols[version] = true;
    else if ((node === void 0 || node.failure.serverRefused) && (legacy === void 0 || legacy.failure === void 0)) protocols[version] = false;
    else undetermined.push(`${version}: ${(node && !node.ok ? node.failure.detail : legacy?.failure?.detail) ?? "no answer"}`);
  }
  if (Object.keys(protocols).length === 0) return { status: "error", reason: undetermined.join("; ") };
  return { status: "measured", value: protocols };
}
function ciphersOf({ versions, raw, tls13 }) {
  const incomplete = [
    ...LEGACY_VERSIONS.flatMap((version) => raw[version].failure ? [`${version}: ${raw[version].failure.detail}`] : []),
    ...tls13.failure ? [`TLSv1.3: ${tls13.failure.detail}`] : []
  ];
  if (incomplete.length) return { status: "error", reason: `suite enumeration incomplete (${incomplete.join("; ")})` };
  const accepted = [];
  const add = (version, name) => {
    if (!accepted.some((entry) => entry.version === version && entry.name === name)) accepted.push({ version, name });
  };
  for (const version of LEGACY_VERSIONS)
    for (const code of raw[version].accepted) add(version, cipherSuiteByCode(code)?.iana ?? `0x${code.toString(16).padStart(4, "0")}`);
  for (const version of NODE_VERSIONS) {
    const outcome = versions[version];
    if (outcome.ok) add(version, outcome.cipher);
  }
  for (const success of tls13.found) add(success.version, success.cipher);
  return { status: "measured", value: accepted };
}
async function enumerateTls13(target, first, limits, deadline) {
  const found = [];
  let offered = TLS13_SUITES.filter((suite) => !first.ok || suite !== first.cipher);
  while (first.ok && offered.length > 0) {
    if (deadline.expired) return { found, failure: timeoutFailure("TLSv1.3 suite enumeration", 0, whereOf(target)) };
    const request2 = { minVersion: "TLSv1.3", maxVersion: "TLSv1.3", ciphers: offered.join(":") };
    let outcome = await handshake(target, request2, limits());
    if (!outcome.ok && !outcome.failure.serverRefused && !outcome.failure.local) outcome = await handshake(target, request2, limits());
    if (!outcome.ok) return outcome.failure.serverRefused ? { found } : { found, failure: outcome.failure };
    const chosen = outcome.cipher;
    if (!offered.includes(chosen)) return { found };
    found.push(outcome);
    offered = offered.filter((suite) => suite !== chosen);
  }
  return { found };
}
async function probeDhe(target, raw, limits) {
  const attempts = ["TLSv1", "TLSv1.1", "TLSv1.2"].flatMap((version) => {
    const names = raw[version].accepted.map(cipherSuiteByCode).filter(ephemeralSuite).map((suite) => suite?.openssl);
    return names.length ? [{ version, ciphers: `${names.join(":")}:@SECLEVEL=0` }] : [];
  });
  const outcomes = await Promise.all(
    attempts.map(async ({ version, ciphers }) => {
      const request2 = { minVersion: version, maxVersion: version, ciphers };
      const first = await handshake(target, request2, limits());
      return first.ok || first.failure.local || first.failure.serverRefused ? first : handshake(target, request2, limits());
    })
  );
  return {
    found: outcomes.filter((outcome) => outcome.ok),
    failures: outcomes.flatMap((outcome, index) => outcome.ok ? [] : [`${attempts[index]?.version ?? ""}: ${outcome.failure.detail}`])
  };
}
async function collectTls(target, main, limits, deadline) {
  const tls13Ciphers = `${TLS13_SUITES.join(":")}:${EVERY_CIPHER}`;
  const versionProbes = Promise.all(
    NODE_VERSIONS.map(
      (version) => handshake(target, { minVersion: version, maxVersion: version, ciphers: version === "TLSv1.3" ? tls13Ciphers : EVERY_CIPHER }, limits())
    )
  );
  const rawProbes = Promise.all(LEGACY_VERSIONS.map((version) => enumerateLegacySuites(target, version, legacyCandidates(version), limits(), deadline)));
  const tls13 = versionProbes.then((outcomes) => enumerateTls13(target, outcomes[3], limits, deadline));
  const dhe = rawProbes.then(
    (enumerations) => probeDhe(target, Object.fromEntries(LEGACY_VERSIONS.map((v, i) => [v, enumerations[i]])), limits)
  );
  const [versionOutcomes, rawOutcomes, tls13Found, dheFound] = await Promise.all([versionProbes, rawProbes, tls13, dhe]);
  return {
    main,
    versions: Object.fromEntries(NODE_VERSIONS.map((version, index) => [version, versionOutcomes[index]])),
    raw: Object.fromEntries(LEGACY_VERSIONS.map((version, index) => [version, rawOutcomes[index]])),
    tls13: tls13Found,
    dhe: dheFound
  };
}
var UNKNOWN_ISSUER = /* @__PURE__ */ new Set(["UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "SELF_SIGNED_CERT_IN_CHAIN"]);
async function trustOf(target, { handshake: main, offer }, limits) {
  const system = { authorized: main.authorized, ...main.authorizationError ? { authorizationError: main.authorizationError } : {} };
  if (main.authorized || target.caPem.length === 0) return system;
  const anchored = await handshake(target, { anchors: target.caPem, ...offer }, limits);
  if (!anchored.ok) return system;
  const peer = anchored.peer ? { peer: anchored.peer } : {};
  if (anchored.authorized) return { authorized: true, ...peer };
  const error = main.authorizationError && !UNKNOWN_ISSUER.has(main.authorizationError) ? main.authorizationError : anchored.authorizationError ?? main.authorizationError;
  return { authorized: false, ...error ? { authorizationError: error } : {}, ...UNKNOWN_ISSUER.has(anchored.authorizationError ?? "") ? {} : peer };
}
function certificateOf(target, main, trust) {
  const peer = trust?.peer ?? main.peer;
  if (!peer) return notMeasured("the server sent no certificate");
  try {
    const { peer: _verified, ...verdict } = trust ?? { authorized: false };
    return { status: "measured", value: observeCertificate({ peer, host: target.host, ocspStapled: main.ocspResponse !== void 0, ...verdict }) };
  } catch (error) {
    return { status: "error", reason: `could not read the certificate: ${error instanceof Error ? error.message : String(error)}` };
  }
}
function sendsCertificate(suite) {
  return suite !== void 0 && ["RSA", "ECDSA", "DSS"].includes(suite.authentication);
}
async function secondSession(target, main, raw, limits) {
  if (main.ok || !(main.failure.serverRefused || main.failure.local)) return void 0;
  for (const version of ["TLSv1.2", "TLSv1.1", "TLSv1"]) {
    const offerable = raw[version].accepted.map(cipherSuiteByCode).filter((suite) => suite?.openssl !== void 0);
    if (offerable.length === 0) continue;
    const authenticated = offerable.filter(sendsCertificate);
    const offer = {
      minVersion: version,
      maxVersion: version,
      ciphers: `${(authenticated.length ? authenticated : offerable).map((suite) => suite.openssl).join(":")}:@SECLEVEL=0`
    };
    const second = await handshake(target, { ...offer, alpn: ["h2", "http/1.1"], requestOcsp: true }, limits);
    return second.ok ? { handshake: second, offer } : void 0;
  }
  return void 0;
}
function readRawChain(target, raw, limits) {
  for (const version of ["TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"]) {
    const suites = raw[version].accepted.filter((code) => sendsCertificate(cipherSuiteByCode(code)));
    if (suites.length) return readServerCertificates(target, version, suites, limits);
  }
  return void 0;
}
var defaultResolver = cancellableResolver();
async function pinned(target, resolve2, timeoutMs) {
  if (target.address !== void 0 || isIpLiteral(target.host)) return { target };
  try {
    const [address] = await resolve2(target.host, timeoutMs);
    if (address === void 0) return { failure: { kind: "dns", detail: `${target.host} has no addresses`, local: false, serverRefused: false } };
    return { target: { ...target, address } };
  } catch (error) {
    return {
      failure: {
        kind: "dns",
        detail: `could not resolve ${target.host}: ${error instanceof Error ? error.message : String(error)}`,
        local: false,
        serverRefused: false
      }
    };
  }
}
async function probeEndpoint(configured, options) {
  const observedAt = options.now();
  const startedMs = performance.now();
  const deadline = new Deadline(options.timeouts.totalMs);
  const limits = () => ({ connectMs: deadline.limit(options.timeouts.connectMs), handshakeMs: deadline.limit(options.timeouts.handshakeMs) });
  const resolved = await pinned(configured, options.resolve ?? defaultResolver, deadline.limit(options.timeouts.connectMs));
  const target = "target" in resolved ? resolved.target : configured;
  const base = {
    url: target.url,
    host: target.host,
    port: target.port,
    ...target.address ? { address: target.address } : {},
    engine: "native",
    observedAt: observedAt.toISOString()
  };
  const main = "failure" in resolved ? { ok: false, failure: resolved.failure } : await handshake(target, { ...CERTIFICATE_OFFER, alpn: ["h2", "http/1.1"], requestOcsp: true }, limits());
  if (!main.ok && (main.failure.kind === "dns" || main.failure.kind === "refused" || main.failure.kind === "timeout")) {
    const reason = `endpoint unreachable: ${main.failure.detail}`;
    return {
      ...base,
      durationMs: Math.round(performance.now() - startedMs),
      reachability: { reachable: false, kind: main.failure.kind, detail: main.failure.detail },
      protocols: notMeasured(reason),
      ciphers: notMeasured(reason),
      keyExchanges: notMeasured(reason),
      certificate: notMeasured(reason),
      alpn: notMeasured(reason),
      http: notMeasured(reason),
      hsts: notMeasured(reason)
    };
  }
  const collecting = collectTls(target, main, limits, deadline);
  const sessionReady = main.ok ? Promise.resolve({ handshake: main, offer: CERTIFICATE_OFFER }) : collecting.then((collected2) => secondSession(target, main, collected2.raw, limits()));
  const [session, collected, trust, http, hsts, rawChain] = await Promise.all([
    sessionReady,
    collecting,
    sessionReady.then((ready) => ready ? trustOf(target, ready, limits()) : void 0),
    sessionReady.then((ready) => followHttpChain(target, options.timeouts, deadline, ready?.offer)),
    sessionReady.then((ready) => ready ? observeHsts(target, limits(), ready.offer) : void 0),
    // No handshake gave a certificate: read it from the raw handshake (TLS ≤ 1.2 sends it in clear).
    Promise.all([sessionReady, collecting]).then(([ready, collected2]) => ready?.handshake.peer ? void 0 : readRawChain(target, collected2.raw, limits()))
  ]);
  const protocols = protocolsOf(collected);
  const anyAccepted = protocols.status === "measured" && Object.values(protocols.value).some(Boolean);
  const mainFailure = main.ok ? "" : main.failure.detail;
  const withoutMain = () => !main.ok && !main.failure.local && !main.failure.serverRefused ? { status: "error", reason: `the handshake failed: ${mainFailure}` } : notMeasured(`no handshake completed with our client: ${mainFailure}`);
  const handshakes = [...NODE_VERSIONS.map((version) => collected.versions[version]), ...collected.tls13.found, ...collected.dhe.found].filter(
    (outcome) => outcome.ok
  );
  return {
    ...base,
    durationMs: Math.round(performance.now() - startedMs),
    reachability: main.ok || anyAccepted ? { reachable: true } : { reachable: false, kind: main.ok ? "protocol" : main.failure.kind, detail: mainFailure },
    protocols,
    ciphers: anyAccepted ? ciphersOf(collected) : notMeasured(`no protocol version accepted: ${mainFailure}`),
    keyExchanges: collected.dhe.failures.length ? { status: "error", reason: `DH group size not measured (${collected.dhe.failures.join("; ")})` } : handshakes.length ? { status: "measured", value: handshakes.flatMap(keyExchangeOf) } : notMeasured("no handshake completed with our client"),
    certificate: rawChain ? observeRawCertificate(target, rawChain, observedAt) : session ? certificateOf(target, session.handshake, trust) : withoutMain(),
    alpn: session ? { status: "measured", value: session.handshake.alpn ? [session.handshake.alpn] : [] } : (
      // SSLv3 carries no ALPN (HTTP/2 needs TLS 1.2): a server that speaks nothing newer offers none.
      rawChain?.ok ? { status: "measured", value: rawChain.alpn ? [rawChain.alpn] : [] } : withoutMain()
    ),
    http,
    hsts: hsts ?? withoutMain()
  };
}

// checks/endpoint/probe/native-backend.ts
var nativeBackend = {
  name: "native",
  probe: (targets, options) => mapSettled(targets, options.concurrency, async (target) => {
    const observation = await withinBudget(probeEndpoint(target, options), target.url, options.timeouts.totalMs);
    options.onObservation?.(observation);
    return observation;
  })
};

// checks/endpoint/profiles/hipaa.ts
var HIPAA = {
  name: "hipaa",
  version: "1.0",
  source: "hipaa-guard: NIST SP 800-52 Rev. 2 (https://doi.org/10.6028/NIST.SP.800-52r2) plus Mozilla Server Side TLS 5.7 intermediate (https://ssl-config.mozilla.org/guidelines/5.7.json) where stricter",
  protocols: { allowed: ["TLSv1.2", "TLSv1.3"], required: ["TLSv1.2", "TLSv1.3"] },
  tls12CipherSuites: [
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"
  ],
  tls13CipherSuites: ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"],
  minKeyBits: { rsa: 2048, ec: 256, dh: 2048 },
  certificateSignatureAlgorithms: ["sha256WithRSAEncryption", "ecdsa-with-SHA256", "ecdsa-with-SHA384", "ecdsa-with-SHA512"],
  maxCertificateLifespanDays: 366,
  expiryWarningDays: 30,
  requireOcspStapling: true,
  hsts: { minMaxAgeSeconds: 31536e3, requireIncludeSubDomains: true },
  severity: {}
};

// checks/endpoint/profiles/mozilla.ts
var SOURCE = "Mozilla Server Side TLS guidelines 5.7, https://ssl-config.mozilla.org/guidelines/5.7.json";
var TLS13_SUITES2 = ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"];
var ECDSA_SIGNATURES = ["ecdsa-with-SHA256", "ecdsa-with-SHA384", "ecdsa-with-SHA512"];
var HSTS = { minMaxAgeSeconds: 63072e3, requireIncludeSubDomains: true };
var MOZILLA_INTERMEDIATE = {
  name: "mozilla-intermediate",
  version: "5.7",
  source: SOURCE,
  protocols: { allowed: ["TLSv1.2", "TLSv1.3"], required: [] },
  tls12CipherSuites: [
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
  ],
  tls13CipherSuites: TLS13_SUITES2,
  minKeyBits: { rsa: 2048, ec: 256, dh: 2048 },
  certificateSignatureAlgorithms: ["sha256WithRSAEncryption", ...ECDSA_SIGNATURES],
  maxCertificateLifespanDays: 366,
  expiryWarningDays: 30,
  requireOcspStapling: true,
  hsts: HSTS,
  severity: {}
};
var MOZILLA_MODERN = {
  name: "mozilla-modern",
  version: "5.7",
  source: SOURCE,
  protocols: { allowed: ["TLSv1.3"], required: ["TLSv1.3"] },
  tls12CipherSuites: [],
  tls13CipherSuites: TLS13_SUITES2,
  // Modern sets no RSA or DH size (ECDSA certificates and ECDHE only); we keep the intermediate floors.
  minKeyBits: { rsa: 2048, ec: 256, dh: 2048 },
  certificateSignatureAlgorithms: ECDSA_SIGNATURES,
  maxCertificateLifespanDays: 90,
  expiryWarningDays: 30,
  requireOcspStapling: true,
  hsts: HSTS,
  severity: { "TLS-PROTOCOL-NO-TLS13": "high" }
};

// checks/endpoint/profiles/nist-800-52r2.ts
var GCM_AND_CCM = ["AES_128_GCM_SHA256", "AES_256_GCM_SHA384", "AES_128_CCM", "AES_256_CCM", "AES_128_CCM_8", "AES_256_CCM_8"];
var ECDHE_ECDSA = [...GCM_AND_CCM, "AES_128_CBC_SHA256", "AES_256_CBC_SHA384", "AES_128_CBC_SHA", "AES_256_CBC_SHA"];
var ECDHE_RSA = ["AES_128_GCM_SHA256", "AES_256_GCM_SHA384", "AES_128_CBC_SHA256", "AES_256_CBC_SHA384", "AES_128_CBC_SHA", "AES_256_CBC_SHA"];
var DHE_RSA = [...GCM_AND_CCM, "AES_128_CBC_SHA256", "AES_256_CBC_SHA256", "AES_128_CBC_SHA", "AES_256_CBC_SHA"];
var NIST_800_52R2 = {
  name: "nist-800-52r2",
  version: "SP 800-52r2 (2019-08)",
  source: "NIST SP 800-52 Rev. 2, https://doi.org/10.6028/NIST.SP.800-52r2",
  protocols: { allowed: ["TLSv1.2", "TLSv1.3"], required: ["TLSv1.2", "TLSv1.3"] },
  tls12CipherSuites: [
    ...ECDHE_ECDSA.map((suite) => `TLS_ECDHE_ECDSA_WITH_${suite}`),
    ...ECDHE_RSA.map((suite) => `TLS_ECDHE_RSA_WITH_${suite}`),
    ...DHE_RSA.map((suite) => `TLS_DHE_RSA_WITH_${suite}`)
  ],
  tls13CipherSuites: ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"],
  minKeyBits: { rsa: 2048, ec: 224, dh: 2048 },
  certificateSignatureAlgorithms: [
    "sha256WithRSAEncryption",
    "sha384WithRSAEncryption",
    "sha512WithRSAEncryption",
    "rsassaPss",
    "ecdsa-with-SHA256",
    "ecdsa-with-SHA384",
    "ecdsa-with-SHA512"
  ],
  maxCertificateLifespanDays: 398,
  expiryWarningDays: 30,
  requireOcspStapling: true,
  hsts: { minMaxAgeSeconds: 31536e3, requireIncludeSubDomains: true },
  severity: {}
};

// checks/endpoint/profiles/index.ts
var PROFILES = {
  hipaa: HIPAA,
  "nist-800-52r2": NIST_800_52R2,
  "mozilla-intermediate": MOZILLA_INTERMEDIATE,
  "mozilla-modern": MOZILLA_MODERN
};
function loadProfile(name) {
  return structuredClone(PROFILES[name]);
}

// checks/endpoint/collect.ts
var nativeOnly = (name) => name === "native" ? nativeBackend : void 0;
function hostOf(url) {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}
function probeTargetOf(endpoint, caPem) {
  const url = new URL(endpoint.url);
  const target = {
    url: endpoint.url,
    host: hostOf(url),
    port: url.port ? Number(url.port) : 443,
    path: `${url.pathname}${url.search}`,
    httpUrl: endpoint.http ?? `http://${url.hostname}/`,
    caPem: [...caPem]
  };
  if (endpoint.address !== void 0) target.address = endpoint.address;
  return target;
}
function endpointError(endpoint, category, message) {
  const location = { kind: "endpoint", url: endpoint.url };
  if (endpoint.address) location.address = endpoint.address;
  if (endpoint.line !== void 0) location.configLine = endpoint.line;
  return { category, target: endpoint.url, message, location };
}
async function plan(request2) {
  const results = await Promise.all(
    request2.endpoints.map(async (endpoint) => {
      let caPem = [];
      if (endpoint.ca !== void 0) {
        try {
          caPem = [await request2.readFile(endpoint.ca)];
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return { error: endpointError(endpoint, "config", `could not read the trust anchors ${endpoint.ca} of ${endpoint.url}: ${reason}`) };
        }
        if (!caPem[0]?.includes("-----BEGIN CERTIFICATE-----")) {
          return {
            error: endpointError(
              endpoint,
              "config",
              `${endpoint.ca} (ca of ${endpoint.url}) holds no PEM certificate; expected "-----BEGIN CERTIFICATE-----" blocks`
            )
          };
        }
      }
      return {
        endpoint,
        target: probeTargetOf(endpoint, caPem),
        engine: endpoint.engine ?? request2.engine ?? "native",
        enginePath: endpoint["engine-path"] ?? request2.enginePath,
        profile: loadProfile(endpoint.profile ?? request2.profile)
      };
    })
  );
  return {
    planned: results.flatMap((result) => "error" in result ? [] : [result]),
    errors: results.flatMap((result) => "error" in result ? [result.error] : [])
  };
}
function groupByBackend(planned) {
  const groups = /* @__PURE__ */ new Map();
  for (const entry of planned) {
    const key = `${entry.engine}\0${entry.enginePath ?? ""}`;
    groups.set(key, [...groups.get(key) ?? [], entry]);
  }
  return [...groups.values()];
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
async function collectObservations(request2) {
  const { planned, errors } = await plan(request2);
  const observed = [];
  const factory = request2.backends ?? nativeOnly;
  const total = planned.length;
  let done = 0;
  const observe = (observation) => {
    done += 1;
    request2.onProgress?.({ done, total, url: observation.url });
  };
  for (const group of groupByBackend(planned)) {
    const [first] = group;
    if (!first) continue;
    const backend = factory(first.engine, first.enginePath);
    if (!backend) {
      for (const entry of group) errors.push(endpointError(entry.endpoint, "backend", `the ${entry.engine} engine is not available in this run`));
      continue;
    }
    let results;
    try {
      results = await backend.probe(
        group.map((entry) => entry.target),
        { timeouts: timeoutsFor(request2.timeoutMs), concurrency: request2.concurrency, now: request2.now, onObservation: observe }
      );
    } catch (error) {
      for (const entry of group) errors.push(endpointError(entry.endpoint, "backend", `the ${entry.engine} engine failed: ${messageOf(error)}`));
      continue;
    }
    group.forEach((entry, index) => {
      const result = results[index];
      if (!result) {
        errors.push(endpointError(entry.endpoint, "bug", `the ${entry.engine} engine returned no observation`));
        return;
      }
      if (result.status === "rejected") {
        const category = result.reason instanceof BackendFailure ? "backend" : result.reason instanceof BudgetExceeded ? "timeout" : "bug";
        errors.push(endpointError(entry.endpoint, category, `probing ${entry.target.url} with the ${entry.engine} engine failed: ${messageOf(result.reason)}`));
        return;
      }
      observed.push({ endpoint: entry.endpoint, target: entry.target, profile: entry.profile, backend: backend.name, observation: result.value });
    });
  }
  return { observed, errors };
}

// checks/endpoint/hsts-header.ts
var TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
function splitDirectives(value) {
  const parts = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (quoted && char === "\\") {
      current += char + (value[++i] ?? "");
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (quoted) return void 0;
  parts.push(current);
  return parts;
}
function unquote(raw) {
  if (!raw.startsWith('"')) return TOKEN.test(raw) ? raw : void 0;
  if (raw.length < 2 || !raw.endsWith('"')) return void 0;
  return raw.slice(1, -1).replace(/\\(.)/g, "$1");
}
function parseHsts(value) {
  const parts = splitDirectives(value);
  if (!parts) return { valid: false, reason: "unterminated quoted string" };
  const seen = /* @__PURE__ */ new Map();
  for (const part of parts) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf("=");
    const name = (eq === -1 ? trimmed : trimmed.slice(0, eq)).trim().toLowerCase();
    if (!TOKEN.test(name)) return { valid: false, reason: `malformed directive "${trimmed}"` };
    if (seen.has(name)) return { valid: false, reason: `directive "${name}" appears twice` };
    const directiveValue = eq === -1 ? void 0 : unquote(trimmed.slice(eq + 1).trim());
    if (eq !== -1 && directiveValue === void 0) return { valid: false, reason: `malformed value in "${trimmed}"` };
    seen.set(name, directiveValue);
  }
  const maxAge = seen.get("max-age");
  if (maxAge === void 0) return { valid: false, reason: "no max-age directive" };
  if (!/^\d+$/.test(maxAge)) return { valid: false, reason: `max-age "${maxAge}" is not a number of seconds` };
  return { valid: true, maxAge: Number(maxAge), includeSubDomains: seen.has("includesubdomains"), preload: seen.has("preload") };
}

// checks/endpoint/evaluate.ts
var DAY_MS = 864e5;
var LEGACY_VERSIONS2 = ["SSLv3", "TLSv1", "TLSv1.1"];
var REQUIRED_VERSION_RULE = {
  "TLSv1.2": "TLS-PROTOCOL-NO-TLS12",
  "TLSv1.3": "TLS-PROTOCOL-NO-TLS13"
};
var STRONG_EC_GROUPS = /* @__PURE__ */ new Set(["x25519", "x448"]);
var WEAK_SIGNATURE_HASH = /md2|md4|md5|sha1(?!\d)|sha-1(?!\d)/i;
function subjectOf(cert) {
  return cert.subject ?? "(empty subject)";
}
function signatureStrength(algorithm) {
  const name = algorithm.toLowerCase();
  if (name === "ed25519" || name === "ed448") return { family: "EdDSA", hashBits: 512 };
  const hashBits = Number(/sha-?(1|224|256|384|512)(?!\d)/.exec(name)?.[1] ?? NaN);
  if (Number.isNaN(hashBits)) return void 0;
  const bits = hashBits === 1 ? 160 : hashBits;
  if (name.includes("ecdsa")) return { family: "ECDSA", hashBits: bits };
  if (name.includes("rsa")) return { family: "RSA", hashBits: bits };
  return void 0;
}
function signatureAllowed(algorithm, allowed) {
  if (allowed.some((entry) => entry.toLowerCase() === algorithm.toLowerCase())) return true;
  const strength = signatureStrength(algorithm);
  if (!strength || strength.hashBits < 256) return false;
  return allowed.some((entry) => {
    const listed = signatureStrength(entry === "rsassaPss" ? "rsassaPss-with-SHA256" : entry);
    return listed !== void 0 && listed.family === strength.family && listed.hashBits <= strength.hashBits;
  });
}
var PERMANENT_REDIRECTS = /* @__PURE__ */ new Set([301, 308]);
var Evaluation = class {
  constructor(observation, profile, now, configLine) {
    this.observation = observation;
    this.profile = profile;
    this.now = now;
    this.location = { kind: "endpoint", url: observation.url };
    if (observation.address) this.location.address = observation.address;
    if (configLine !== void 0) this.location.configLine = configLine;
  }
  observation;
  profile;
  now;
  findings = [];
  unknown = [];
  location;
  emit(id, { message, detail, evidence, severity }) {
    const rule = ENDPOINT_RULE[id];
    this.findings.push(
      makeFinding(rule, {
        message,
        location: this.location,
        subject: detail ? `${this.observation.url}#${detail}` : this.observation.url,
        evidence: evidence ?? {},
        severity: severity ?? this.profile.severity[id] ?? rule.severity
      })
    );
  }
  undecided(ids, message) {
    for (const ruleId of ids) this.unknown.push({ ruleId, location: this.location, message });
  }
  /**
   * The measured value, or undefined after recording the rules that depend on it as unknown.
   * A measurement that failed (the engine tried and the server hung, sent garbage or too much)
   * is also ENDPOINT-MISBEHAVED: what could not be measured must not pass. One that was not
   * made (the engine cannot, or an earlier step decided it) stays unknown alone.
   */
  measured(measurement, what, ids) {
    if (measurement.status === "measured") return measurement.value;
    const verb = measurement.status === "error" ? "failed to measure" : "did not measure";
    this.undecided(ids, `${this.observation.engine} engine ${verb} ${what}: ${measurement.reason}`);
    if (measurement.status === "error") {
      this.emit("ENDPOINT-MISBEHAVED", {
        message: `Could not measure ${what} at ${this.observation.url}: ${measurement.reason}; expected the server to answer a standard client within the probe budget.`,
        detail: what,
        evidence: { actual: measurement.reason, expected: "a measurable answer", measurement: what }
      });
    }
    return void 0;
  }
};
function evaluateEndpoint(observation, profile, now, configLine) {
  const evaluation = new Evaluation(observation, profile, now, configLine);
  const { reachability } = observation;
  if (!reachability.reachable) {
    evaluation.emit("ENDPOINT-UNREACHABLE", {
      message: `Could not probe ${observation.url}: ${reachability.kind} (${reachability.detail}); expected a TLS handshake to complete.`,
      evidence: { actual: reachability.kind, expected: "reachable", kind: reachability.kind, detail: reachability.detail }
    });
    return { findings: evaluation.findings, unknown: [] };
  }
  evaluateProtocols(evaluation);
  evaluateCiphers(evaluation);
  evaluateKeyExchanges(evaluation);
  evaluateCertificate(evaluation);
  evaluateAlpn(evaluation);
  evaluateRedirects(evaluation);
  evaluateHsts(evaluation);
  return { findings: evaluation.findings, unknown: evaluation.unknown };
}
function evaluateProtocols(evaluation) {
  const { profile } = evaluation;
  const ids = ["TLS-PROTOCOL-LEGACY", "TLS-PROTOCOL-NOT-ALLOWED", "TLS-PROTOCOL-NO-TLS12", "TLS-PROTOCOL-NO-TLS13"];
  const protocols = evaluation.measured(evaluation.observation.protocols, "the accepted protocol versions", ids);
  if (!protocols) return;
  const allowed = profile.protocols.allowed.join(", ");
  for (const [version, accepted] of Object.entries(protocols)) {
    if (!accepted || profile.protocols.allowed.includes(version)) continue;
    const legacy = LEGACY_VERSIONS2.includes(version);
    evaluation.emit(legacy ? "TLS-PROTOCOL-LEGACY" : "TLS-PROTOCOL-NOT-ALLOWED", {
      message: `Accepts ${version}; profile ${profile.name} allows only ${allowed}.`,
      detail: version,
      evidence: { actual: version, expected: profile.protocols.allowed },
      ...version === "SSLv3" ? { severity: "critical" } : {}
    });
  }
  for (const version of profile.protocols.required) {
    const id = REQUIRED_VERSION_RULE[version];
    if (!id) continue;
    const accepted = protocols[version];
    if (accepted === void 0) {
      evaluation.undecided([id], `${version} support was not tested.`);
    } else if (!accepted) {
      evaluation.emit(id, {
        message: `Does not accept ${version}; profile ${profile.name} requires ${profile.protocols.required.join(" and ")}.`,
        evidence: { actual: acceptedVersions(protocols), expected: profile.protocols.required }
      });
    }
  }
}
function acceptedVersions(protocols) {
  return Object.entries(protocols).filter(([, accepted]) => accepted).map(([version]) => version);
}
function groupBySuite(ciphers, evaluation) {
  const groups = /* @__PURE__ */ new Map();
  for (const { name, version } of ciphers) {
    const suite = cipherSuiteByName(name);
    if (!suite) {
      evaluation.undecided(
        ["TLS-CIPHER-WEAK", "TLS-CIPHER-NO-FORWARD-SECRECY", "TLS-CIPHER-NOT-ALLOWED"],
        `Accepted cipher suite "${name}" (${version}) is not in the cipher-suite table.`
      );
      continue;
    }
    const versions = groups.get(suite) ?? [];
    if (!versions.includes(version)) versions.push(version);
    groups.set(suite, versions);
  }
  return groups;
}
function evaluateCiphers(evaluation) {
  const { profile } = evaluation;
  const ids = ["TLS-CIPHER-WEAK", "TLS-CIPHER-NO-FORWARD-SECRECY", "TLS-CIPHER-NOT-ALLOWED"];
  const ciphers = evaluation.measured(evaluation.observation.ciphers, "the accepted cipher suites", ids);
  if (!ciphers) return;
  for (const [suite, versions] of groupBySuite(ciphers, evaluation)) {
    const evidence = { actual: suite.iana, openssl: suite.openssl, versions };
    if (suite.weak.length) {
      const broken = suite.weak.some((weakness) => weakness === "NULL" || weakness === "anon" || weakness === "EXPORT");
      evaluation.emit("TLS-CIPHER-WEAK", {
        message: `Accepts ${suite.iana} (${suite.weak.join(", ")}) with ${versions.join(", ")}; expected no NULL, anonymous, EXPORT, DES, 3DES, RC4, RC2 or IDEA suite.`,
        detail: suite.iana,
        evidence: { ...evidence, expected: "no weak suites", weak: suite.weak },
        ...broken ? { severity: "critical" } : {}
      });
    } else if (!suite.forwardSecrecy) {
      evaluation.emit("TLS-CIPHER-NO-FORWARD-SECRECY", {
        message: `Accepts ${suite.iana} (${suite.keyExchange} key exchange, no forward secrecy) with ${versions.join(", ")}; expected only ECDHE/DHE suites.`,
        detail: suite.iana,
        evidence: { ...evidence, expected: "ECDHE or DHE key exchange", keyExchange: suite.keyExchange }
      });
    } else {
      const allowedVersions = versions.filter((version) => profile.protocols.allowed.includes(version));
      const allowedSuites = suite.tls13 ? profile.tls13CipherSuites : profile.tls12CipherSuites;
      if (!allowedVersions.length || allowedSuites.includes(suite.iana)) continue;
      evaluation.emit("TLS-CIPHER-NOT-ALLOWED", {
        message: `Accepts ${suite.iana} with ${allowedVersions.join(", ")}; not on profile ${profile.name}'s ${suite.tls13 ? "TLS 1.3" : "TLS 1.2"} list.`,
        detail: suite.iana,
        evidence: { ...evidence, expected: allowedSuites }
      });
    }
  }
}
function evaluateKeyExchanges(evaluation) {
  const { minKeyBits, name } = evaluation.profile;
  const exchanges = evaluation.measured(evaluation.observation.keyExchanges, "the ephemeral key exchange", ["TLS-DH-WEAK"]);
  if (!exchanges) return;
  const reported = /* @__PURE__ */ new Set();
  for (const exchange of exchanges) {
    const minimum = minimumBits(exchange, minKeyBits);
    if (minimum === void 0 || exchange.bits >= minimum) continue;
    const label = `${exchange.type}${exchange.group ? ` ${exchange.group}` : ""} ${exchange.bits} bits`;
    if (reported.has(label)) continue;
    reported.add(label);
    evaluation.emit("TLS-DH-WEAK", {
      message: `Ephemeral key exchange ${label} (${exchange.version}, ${exchange.cipher}); profile ${name} requires at least ${minimum} bits.`,
      detail: label,
      evidence: { actual: exchange.bits, expected: minimum, type: exchange.type, group: exchange.group, version: exchange.version, cipher: exchange.cipher }
    });
  }
}
function minimumBits(exchange, minKeyBits) {
  if (exchange.type.toUpperCase() === "DH") return minKeyBits.dh;
  if (exchange.type.toUpperCase() !== "ECDH") return void 0;
  return exchange.group && STRONG_EC_GROUPS.has(exchange.group.toLowerCase()) ? void 0 : minKeyBits.ec;
}
var CERTIFICATE_RULES = [
  "CERT-UNTRUSTED",
  "CERT-CHAIN-INCOMPLETE",
  "CERT-HOSTNAME-MISMATCH",
  "CERT-EXPIRED",
  "CERT-NOT-YET-VALID",
  "CERT-EXPIRING-SOON",
  "CERT-LIFESPAN-TOO-LONG",
  "CERT-WEAK-KEY",
  "CERT-WEAK-SIGNATURE",
  "CERT-OCSP-NOT-STAPLED"
];
var VALIDITY_TRUST_ERRORS = /* @__PURE__ */ new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
function evaluateCertificate(evaluation) {
  const certificate = evaluation.measured(evaluation.observation.certificate, "the certificate", CERTIFICATE_RULES);
  if (!certificate) return;
  const [leaf] = certificate.chain;
  if (!leaf) {
    evaluation.undecided(CERTIFICATE_RULES, "The server sent no certificate.");
    return;
  }
  evaluateTrust(evaluation, certificate, leaf);
  evaluateValidity(evaluation, leaf);
  evaluateKey(evaluation, leaf);
  evaluateSignatures(evaluation, certificate.chain);
  if (leaf.ocspUrls.length && evaluation.profile.requireOcspStapling && !certificate.ocspStapled) {
    evaluation.emit("CERT-OCSP-NOT-STAPLED", {
      message: `No OCSP response stapled although the certificate names ${leaf.ocspUrls.join(", ")}; profile ${evaluation.profile.name} expects stapling.`,
      evidence: { actual: "not stapled", expected: "stapled", ocspUrls: leaf.ocspUrls }
    });
  }
}
function evaluateTrust(evaluation, certificate, leaf) {
  const { host } = evaluation.observation;
  if (!certificate.chainComplete) {
    evaluation.emit("CERT-CHAIN-INCOMPLETE", {
      message: `The server sent ${certificate.chain.length} certificate(s) without the intermediate that links "${leaf.issuer ?? "(no issuer)"}" to a trust anchor; expected the full chain.`,
      evidence: { actual: certificate.chain.map(subjectOf), expected: "leaf and every intermediate", issuer: leaf.issuer }
    });
  } else if (!certificate.trusted && !VALIDITY_TRUST_ERRORS.has(certificate.trustError ?? "")) {
    evaluation.emit("CERT-UNTRUSTED", {
      message: `Certificate "${subjectOf(leaf)}" issued by "${leaf.issuer ?? "(no issuer)"}" does not verify (${certificate.trustError ?? "unknown reason"}${leaf.selfSigned ? ", self-signed" : ""}); expected a chain to a trusted root.`,
      evidence: { actual: certificate.trustError ?? "untrusted", expected: "trusted chain", issuer: leaf.issuer, selfSigned: leaf.selfSigned }
    });
  }
  if (!certificate.hostnameMatches) {
    evaluation.emit("CERT-HOSTNAME-MISMATCH", {
      message: leaf.subjectAltNames.length ? `Certificate names ${leaf.subjectAltNames.join(", ")}; expected it to cover ${host}.` : `Certificate "${subjectOf(leaf)}" has no subjectAltName, so it covers no host name (clients ignore the subject CN); expected a SAN for ${host}.`,
      evidence: { actual: leaf.subjectAltNames, expected: host, subject: leaf.subject }
    });
  }
}
function evaluateValidity(evaluation, leaf) {
  const { profile, now } = evaluation;
  const notBefore = Date.parse(leaf.notBefore);
  const notAfter = Date.parse(leaf.notAfter);
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) {
    evaluation.undecided(
      ["CERT-EXPIRED", "CERT-NOT-YET-VALID", "CERT-EXPIRING-SOON", "CERT-LIFESPAN-TOO-LONG"],
      `Unreadable validity dates "${leaf.notBefore}" / "${leaf.notAfter}".`
    );
    return;
  }
  const validity = { notBefore: leaf.notBefore, notAfter: leaf.notAfter, now: now.toISOString() };
  const daysLeft = Math.floor((notAfter - now.getTime()) / DAY_MS);
  if (now.getTime() < notBefore) {
    evaluation.emit("CERT-NOT-YET-VALID", {
      message: `Certificate is valid only from ${leaf.notBefore}; it is now ${validity.now}.`,
      evidence: { actual: leaf.notBefore, expected: `on or before ${validity.now}`, ...validity }
    });
  } else if (now.getTime() > notAfter) {
    evaluation.emit("CERT-EXPIRED", {
      message: `Certificate expired on ${leaf.notAfter} (${-daysLeft} days ago); expected a certificate valid now.`,
      evidence: { actual: leaf.notAfter, expected: `after ${validity.now}`, ...validity }
    });
  } else if (daysLeft < profile.expiryWarningDays) {
    evaluation.emit("CERT-EXPIRING-SOON", {
      message: `Certificate expires on ${leaf.notAfter}, in ${daysLeft} days; expected at least ${profile.expiryWarningDays} days left.`,
      evidence: { actual: daysLeft, expected: profile.expiryWarningDays, ...validity }
    });
  }
  const lifespanDays = (notAfter - notBefore) / DAY_MS;
  if (lifespanDays > profile.maxCertificateLifespanDays) {
    evaluation.emit("CERT-LIFESPAN-TOO-LONG", {
      message: `Certificate is valid for ${Math.round(lifespanDays)} days; profile ${profile.name} allows at most ${profile.maxCertificateLifespanDays}.`,
      evidence: { actual: Math.round(lifespanDays), expected: profile.maxCertificateLifespanDays, ...validity }
    });
  }
}
function evaluateKey(evaluation, leaf) {
  const { minKeyBits, name } = evaluation.profile;
  const type = leaf.keyType.toUpperCase();
  const minimum = type === "RSA" || type === "DSA" || type === "RSA-PSS" ? minKeyBits.rsa : type === "EC" ? minKeyBits.ec : void 0;
  if (minimum === void 0) {
    if (!/^ED(25519|448)$/.test(type)) evaluation.undecided(["CERT-WEAK-KEY"], `Unknown certificate key type "${leaf.keyType}".`);
    return;
  }
  if (!(leaf.keyBits > 0)) {
    evaluation.undecided(["CERT-WEAK-KEY"], `The size of the ${leaf.keyType} certificate key is not known.`);
    return;
  }
  if (leaf.keyBits >= minimum) return;
  evaluation.emit("CERT-WEAK-KEY", {
    message: `Certificate key is ${leaf.keyType} ${leaf.keyBits} bits; profile ${name} requires at least ${minimum}.`,
    evidence: { actual: leaf.keyBits, expected: minimum, keyType: leaf.keyType }
  });
}
function evaluateSignatures(evaluation, chain) {
  const { certificateSignatureAlgorithms: allowed, name } = evaluation.profile;
  for (const cert of chain.filter((candidate) => !candidate.selfSigned)) {
    if (signatureAllowed(cert.signatureAlgorithm, allowed)) continue;
    const weakHash = WEAK_SIGNATURE_HASH.test(cert.signatureAlgorithm);
    evaluation.emit("CERT-WEAK-SIGNATURE", {
      message: `Certificate "${subjectOf(cert)}" is signed with ${cert.signatureAlgorithm}${weakHash ? " (a forgeable hash)" : ""}; profile ${name} allows ${allowed.join(", ")}.`,
      detail: cert.sha256,
      evidence: { actual: cert.signatureAlgorithm, expected: allowed, subject: cert.subject },
      ...weakHash ? {} : { severity: "low" }
    });
  }
}
function evaluateAlpn(evaluation) {
  const alpn = evaluation.measured(evaluation.observation.alpn, "ALPN", ["HTTP2-NOT-SUPPORTED"]);
  if (!alpn || alpn.includes("h2")) return;
  evaluation.emit("HTTP2-NOT-SUPPORTED", {
    message: `ALPN agreed to ${alpn.join(", ") || "nothing"}; expected h2 to be offered.`,
    evidence: { actual: alpn, expected: "h2" }
  });
}
var REDIRECT_RULES = ["HTTP-NO-REDIRECT", "HTTP-REDIRECT-TEMPORARY", "HTTP-REDIRECT-OFF-HOST", "HTTP-REDIRECT-INSECURE"];
function resolve(location, base) {
  if (location === void 0) return void 0;
  try {
    return new URL(location, base);
  } catch {
    return void 0;
  }
}
function evaluateRedirects(evaluation) {
  const http = evaluation.measured(evaluation.observation.http, "the plain-HTTP redirect", REDIRECT_RULES);
  if (!http || !http.portOpen) return;
  const [first] = http.hops;
  if (!first) {
    evaluation.undecided(REDIRECT_RULES, `${http.start} accepted a connection but gave no answer (${http.stoppedBecause ?? "no reason recorded"}).`);
    return;
  }
  const firstUrl = resolve(first.url, http.start) ?? new URL(http.start);
  const startHost = firstUrl.hostname.toLowerCase();
  const target = first.status >= 300 && first.status < 400 ? resolve(first.location, firstUrl.href) : void 0;
  const chain = http.hops.map((hop) => `${hop.status} ${hop.url}${hop.location ? ` -> ${hop.location}` : ""}`);
  if (!target) {
    evaluation.emit("HTTP-NO-REDIRECT", {
      message: `${first.url} answered ${first.status}${first.location ? ` with an unusable Location "${first.location}"` : " without a redirect"}; expected a 301/308 redirect to https://${startHost}.`,
      evidence: { actual: first.status, expected: "a 301 or 308 redirect to https on the same host", chain }
    });
    return;
  }
  if (target.hostname.toLowerCase() !== startHost) {
    evaluation.emit("HTTP-REDIRECT-OFF-HOST", {
      message: `${first.url} redirects to ${target.href}, another host; expected https://${startHost} first.`,
      evidence: { actual: target.href, expected: `https://${startHost}/...`, chain }
    });
  }
  if (!PERMANENT_REDIRECTS.has(first.status)) {
    evaluation.emit("HTTP-REDIRECT-TEMPORARY", {
      message: `${first.url} redirects with ${first.status}; expected a permanent 301 or 308.`,
      evidence: { actual: first.status, expected: [301, 308], chain }
    });
  }
  evaluateRedirectChain(evaluation, http, target, chain);
}
function evaluateRedirectChain(evaluation, http, firstTarget, chain) {
  const insecure = (reason, actual) => evaluation.emit("HTTP-REDIRECT-INSECURE", {
    message: `${http.start}: ${reason}.`,
    evidence: { actual, expected: "https on the first hop, never back to http, no loop", chain }
  });
  if (firstTarget.protocol !== "https:") {
    insecure(`the first redirect goes to ${firstTarget.href}, still plain HTTP; expected https`, firstTarget.href);
    return;
  }
  const visited = /* @__PURE__ */ new Set();
  let reachedHttps = false;
  for (const hop of http.hops) {
    const here = resolve(hop.url, http.start)?.href ?? hop.url;
    visited.add(here);
    const next = hop.status >= 300 && hop.status < 400 ? resolve(hop.location, here) : void 0;
    reachedHttps ||= here.startsWith("https:") || next?.protocol === "https:";
    if (reachedHttps && next?.protocol === "http:") {
      insecure(`after reaching https the chain goes back to ${next.href}`, next.href);
      return;
    }
    if (next && visited.has(next.href)) {
      insecure(`the redirect chain loops back to ${next.href}`, next.href);
      return;
    }
  }
  if (http.stoppedBecause && /loop|limit|too many/i.test(http.stoppedBecause)) {
    insecure(`the redirect chain never ends (${http.stoppedBecause})`, http.stoppedBecause);
  }
}
function evaluateHsts(evaluation) {
  const ids = ["HSTS-MISSING", "HSTS-DUPLICATE", "HSTS-MAX-AGE-TOO-SHORT", "HSTS-NO-SUBDOMAINS"];
  const hsts = evaluation.measured(evaluation.observation.hsts, "the HTTPS response headers", ids);
  if (!hsts) return;
  const { minMaxAgeSeconds, requireIncludeSubDomains } = evaluation.profile.hsts;
  const [first] = hsts.headers;
  if (first === void 0) {
    const http = evaluation.observation.http;
    const overHttp = http.status === "measured" && http.value.hops.some((hop) => hop.url.startsWith("http:") && hop.hsts?.length);
    evaluation.emit("HSTS-MISSING", {
      message: `The HTTPS response has no Strict-Transport-Security header${overHttp ? " (it is sent only over plain HTTP, where it does not count)" : ""}; expected max-age >= ${minMaxAgeSeconds}.`,
      evidence: { actual: null, expected: `max-age=${minMaxAgeSeconds}; includeSubDomains`, sentOverHttpOnly: overHttp }
    });
    return;
  }
  if (hsts.headers.length > 1) {
    evaluation.emit("HSTS-DUPLICATE", {
      message: `The HTTPS response has ${hsts.headers.length} Strict-Transport-Security headers; expected one (browsers use only the first).`,
      evidence: { actual: hsts.headers, expected: "one header" }
    });
  }
  const parsed = parseHsts(first);
  if (!parsed.valid) {
    evaluation.emit("HSTS-MISSING", {
      message: `The Strict-Transport-Security header "${first}" is invalid (${parsed.reason}), so browsers ignore it; expected max-age >= ${minMaxAgeSeconds}.`,
      evidence: { actual: first, expected: `max-age=${minMaxAgeSeconds}; includeSubDomains`, reason: parsed.reason }
    });
    return;
  }
  if (parsed.maxAge < minMaxAgeSeconds) {
    evaluation.emit("HSTS-MAX-AGE-TOO-SHORT", {
      message: `HSTS max-age is ${parsed.maxAge} seconds; profile ${evaluation.profile.name} requires at least ${minMaxAgeSeconds}.`,
      evidence: { actual: parsed.maxAge, expected: minMaxAgeSeconds, header: first }
    });
  }
  if (requireIncludeSubDomains && !parsed.includeSubDomains) {
    evaluation.emit("HSTS-NO-SUBDOMAINS", {
      message: `HSTS header "${first}" lacks includeSubDomains; expected it.`,
      evidence: { actual: first, expected: "includeSubDomains" }
    });
  }
}

// checks/endpoint/index.ts
async function checkEndpoints(request2) {
  const startedAt = request2.now();
  const report = emptyReport(TOOL, startedAt.toISOString());
  const runProfile = loadProfile(request2.profile);
  report.profile = { name: runProfile.name, version: runProfile.version, source: runProfile.source };
  const { observed, errors } = await collectObservations(request2);
  report.errors.push(...errors);
  for (const { endpoint, target: probed, profile, backend, observation } of observed) {
    const target = { kind: "endpoint", url: probed.url, engine: backend };
    if (observation.address ?? probed.address) target.address = observation.address ?? probed.address;
    report.targets.push(target);
    if (profile.name !== runProfile.name) report.notes.push(`${probed.url} was judged against profile ${profile.name} ${profile.version}`);
    try {
      const evaluation = evaluateEndpoint(observation, profile, request2.now(), endpoint.line);
      report.findings.push(...evaluation.findings);
      report.unknown.push(...evaluation.unknown);
    } catch (error) {
      report.errors.push(endpointError(endpoint, "bug", `evaluating ${probed.url} failed: ${messageOf(error)}`));
    }
  }
  report.findings.sort(compareFindings);
  report.finishedAt = request2.now().toISOString();
  return report;
}

export {
  mapSettled,
  mapBounded,
  canonicalAddress,
  coversHost,
  describeCertificate,
  Deadline,
  CERTIFICATE_OFFER,
  handshake,
  followHttpChain,
  observeHsts,
  nativeBackend,
  BackendFailure,
  runBackendCommand,
  requireBackendVersion,
  nativeOnly,
  checkEndpoints
};

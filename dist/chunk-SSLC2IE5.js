import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  probeEndpoints
} from "./chunk-XYJHC2CK.js";
import {
  parseCommandLine,
  writeReport
} from "./chunk-ZVYQVZJN.js";
import "./chunk-GRSTH7CV.js";
import "./chunk-DBOAXV33.js";
import {
  EXIT_OK
} from "./chunk-SZGO3UUV.js";
import {
  canonicalAddress
} from "./chunk-62G23UAV.js";
import "./chunk-D6RF3HYE.js";
import "./chunk-ROHD3B77.js";
import "./chunk-YWFXNLSI.js";
import "./chunk-D2S3YVWQ.js";
import {
  defaultConfig
} from "./chunk-WQ6PL2OD.js";
import "./chunk-XZV2XCCM.js";
import "./chunk-BEY6CXLO.js";

// lab/certs.ts
import { constants, generateKeyPair, sign, X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { promisify } from "node:util";

// lab/der.ts
function lengthOf(length) {
  if (length < 128) return Buffer.from([length]);
  const bytes = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 255);
  return Buffer.from([128 | bytes.length, ...bytes]);
}
function tlv(tag, content) {
  return Buffer.concat([Buffer.from([tag]), lengthOf(content.length), content]);
}
var sequence = (...items) => tlv(48, Buffer.concat(items));
var set = (...items) => tlv(49, Buffer.concat(items));
var nullValue = () => tlv(5, Buffer.alloc(0));
var booleanValue = (value) => tlv(1, Buffer.from([value ? 255 : 0]));
var octetString = (content) => tlv(4, content);
var utf8String = (text) => tlv(12, Buffer.from(text, "utf8"));
var bitString = (content) => tlv(3, Buffer.concat([Buffer.from([0]), content]));
var explicit = (n, content) => tlv(160 | n, content);
var implicitPrimitive = (n, content) => tlv(128 | n, content);
function integer(value) {
  let length = 1;
  while (value < -(1n << BigInt(8 * length - 1)) || value >= 1n << BigInt(8 * length - 1)) length += 1;
  const unsigned = value < 0n ? (1n << BigInt(8 * length)) + value : value;
  return tlv(2, Buffer.from(unsigned.toString(16).padStart(2 * length, "0"), "hex"));
}
function objectIdentifier(dotted) {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 127];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) chunk.unshift(128 | value & 127);
    bytes.push(...chunk);
  }
  return tlv(6, Buffer.from(bytes));
}
function time(date) {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return date.getUTCFullYear() < 2050 ? tlv(23, Buffer.from(`${iso.slice(2)}Z`)) : tlv(24, Buffer.from(`${iso}Z`));
}

// lab/certs.ts
var generate = promisify(generateKeyPair);
var DAY_MS = 864e5;
var ROOT_NAME = "hipaa-guard lab root CA";
var INTERMEDIATE_NAME = "hipaa-guard lab intermediate CA";
var OID = {
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  ocsp: "1.3.6.1.5.5.7.48.1",
  serverAuth: "1.3.6.1.5.5.7.3.1"
};
var SIGNATURE_OIDS = {
  rsa: { sha1: "1.2.840.113549.1.1.5", sha256: "1.2.840.113549.1.1.11", sha384: "1.2.840.113549.1.1.12", sha512: "1.2.840.113549.1.1.13" },
  ec: { sha1: "1.2.840.10045.4.1", sha256: "1.2.840.10045.4.3.2", sha384: "1.2.840.10045.4.3.3", sha512: "1.2.840.10045.4.3.4" }
};
var HASH_OIDS = {
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3"
};
var HASH_BYTES = { sha1: 20, sha256: 32, sha384: 48, sha512: 64 };
var RSASSA_PSS = "1.2.840.113549.1.1.10";
var MGF1 = "1.2.840.113549.1.1.8";
var ED25519 = "1.3.101.112";
var keyCache = /* @__PURE__ */ new Map();
function keyPairOf(spec) {
  let pair = keyCache.get(spec);
  if (!pair) {
    const made = spec === "rsa-1024" || spec === "rsa-2048" ? generate("rsa", { modulusLength: spec === "rsa-1024" ? 1024 : 2048 }) : spec === "ed25519" ? generate("ed25519") : generate("ec", { namedCurve: spec === "ec-p256" ? "prime256v1" : "secp384r1" });
    pair = made.then(({ privateKey, publicKey }) => ({ spec, privateKey, publicKey }));
    keyCache.set(spec, pair);
  }
  return pair;
}
function name(commonName) {
  if (commonName === null) return sequence();
  return sequence(
    set(sequence(objectIdentifier(OID.organization), utf8String("hipaa-guard lab"))),
    set(sequence(objectIdentifier(OID.commonName), utf8String(commonName)))
  );
}
function extension(oid, critical, value) {
  return sequence(objectIdentifier(oid), ...critical ? [booleanValue(true)] : [], octetString(value));
}
function addressBytes(address) {
  if (isIP(address) === 4) return Buffer.from(address.split(".").map(Number));
  return Buffer.from(canonicalAddress(address).replace(/:/g, ""), "hex");
}
function subjectAltName(names, critical) {
  const entries = names.map((entry) => isIP(entry) ? implicitPrimitive(7, addressBytes(entry)) : implicitPrimitive(2, Buffer.from(entry, "ascii")));
  return extension(OID.subjectAltName, critical, sequence(...entries));
}
var nextSerial = BigInt(Date.now()) * 1000n;
var hashAlgorithm = (digest) => sequence(objectIdentifier(HASH_OIDS[digest]), nullValue());
function signatureAlgorithm(signer, digest, padding) {
  if (signer.spec === "ed25519") return sequence(objectIdentifier(ED25519));
  if (!signer.spec.startsWith("rsa")) return sequence(objectIdentifier(SIGNATURE_OIDS.ec[digest]));
  if (padding === "pkcs1") return sequence(objectIdentifier(SIGNATURE_OIDS.rsa[digest]), nullValue());
  const parameters = sequence(
    explicit(0, hashAlgorithm(digest)),
    explicit(1, sequence(objectIdentifier(MGF1), hashAlgorithm(digest))),
    explicit(2, integer(BigInt(HASH_BYTES[digest])))
  );
  return sequence(objectIdentifier(RSASSA_PSS), parameters);
}
function signatureOf(tbs, signer, digest, padding) {
  if (signer.spec === "ed25519") return sign(null, tbs, signer.privateKey);
  if (padding === "pss" && signer.spec.startsWith("rsa")) {
    return sign(digest, tbs, { key: signer.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: HASH_BYTES[digest] });
  }
  return sign(digest, tbs, signer.privateKey);
}
function signCertificate(tbsInput, signer, digest, padding = "pkcs1") {
  const algorithm = signatureAlgorithm(signer, digest, padding);
  nextSerial += 1n;
  const tbs = sequence(
    explicit(0, integer(2n)),
    integer(tbsInput.serial ?? nextSerial),
    algorithm,
    name(tbsInput.issuer),
    sequence(time(tbsInput.notBefore), time(tbsInput.notAfter)),
    name(tbsInput.subject),
    tbsInput.spki ?? tbsInput.publicKey.export({ type: "spki", format: "der" }),
    explicit(3, sequence(...tbsInput.extensions))
  );
  return new X509Certificate(sequence(tbs, algorithm, bitString(signatureOf(tbs, signer, digest, padding))));
}
function issued(x509, key) {
  return { pem: x509.toString(), keyPem: key.privateKey.export({ type: "pkcs8", format: "pem" }).toString(), x509, key };
}
function caExtensions() {
  return [extension(OID.basicConstraints, true, sequence(booleanValue(true))), extension(OID.keyUsage, true, bitString(Buffer.from([6])))];
}
async function makeAuthority() {
  const [rootKey, intermediateKey] = await Promise.all([keyPairOf("ec-p384"), keyPairOf("rsa-2048")]);
  const now = Date.now();
  const window = { notBefore: new Date(now - 2 * DAY_MS), notAfter: new Date(now + 3650 * DAY_MS) };
  const root = signCertificate(
    { subject: ROOT_NAME, issuer: ROOT_NAME, publicKey: rootKey.publicKey, ...window, extensions: caExtensions() },
    rootKey,
    "sha256"
  );
  const intermediate = signCertificate(
    { subject: INTERMEDIATE_NAME, issuer: ROOT_NAME, publicKey: intermediateKey.publicKey, ...window, extensions: caExtensions() },
    rootKey,
    "sha256"
  );
  return { root: issued(root, rootKey), intermediate: issued(intermediate, intermediateKey) };
}
var authority;
function labAuthority() {
  authority ??= makeAuthority();
  return authority;
}
async function issueLeaf(options) {
  const [ca, key] = await Promise.all([labAuthority(), keyPairOf(options.key ?? "rsa-2048")]);
  const now = (options.now ?? /* @__PURE__ */ new Date()).getTime();
  const subject = options.commonName === void 0 ? options.names[0] ?? "localhost" : options.commonName;
  const extensions = [
    extension(OID.basicConstraints, true, sequence()),
    // digitalSignature + keyEncipherment.
    extension(OID.keyUsage, true, bitString(Buffer.from([160]))),
    extension(OID.extKeyUsage, false, sequence(objectIdentifier(OID.serverAuth))),
    // RFC 5280 4.2.1.6: with an empty subject the SAN extension is critical.
    ...options.names.length ? [subjectAltName(options.names, subject === null)] : []
  ];
  if (options.ocspUrl) {
    const access = sequence(objectIdentifier(OID.ocsp), implicitPrimitive(6, Buffer.from(options.ocspUrl, "ascii")));
    extensions.push(extension(OID.authorityInfoAccess, false, sequence(access)));
  }
  const issuer = options.issuer === "root" ? { name: ROOT_NAME, key: ca.root.key } : { name: INTERMEDIATE_NAME, key: ca.intermediate.key };
  const x509 = signCertificate(
    {
      subject,
      issuer: options.selfSigned ? subject ?? "localhost" : issuer.name,
      ...options.serial === void 0 ? {} : { serial: options.serial },
      ...options.spki ? { spki: options.spki } : {},
      publicKey: key.publicKey,
      notBefore: new Date(now + (options.notBeforeDays ?? -1) * DAY_MS),
      notAfter: new Date(now + (options.notAfterDays ?? 89) * DAY_MS),
      extensions
    },
    options.selfSigned ? key : issuer.key,
    options.digest ?? "sha256",
    options.padding
  );
  return issued(x509, key);
}

// lab/legacy-tls.ts
import { randomBytes } from "node:crypto";
function readClientHello(bytes) {
  if (bytes.length < 44 || bytes[0] !== 22 || bytes[5] !== 1) return void 0;
  const clientVersion = bytes.readUInt16BE(9);
  const sessionIdLength = bytes[43] ?? 0;
  const suitesAt = 44 + sessionIdLength;
  if (bytes.length < suitesAt + 2) return void 0;
  const suitesLength = bytes.readUInt16BE(suitesAt);
  const cipherSuites = [];
  for (let at = suitesAt + 2; at + 1 < suitesAt + 2 + suitesLength && at + 1 < bytes.length; at += 2) cipherSuites.push(bytes.readUInt16BE(at));
  return { clientVersion, cipherSuites };
}
function record(contentType, version, body) {
  const header = Buffer.alloc(5);
  header.writeUInt8(contentType, 0);
  header.writeUInt16BE(version, 1);
  header.writeUInt16BE(body.length, 3);
  return Buffer.concat([header, body]);
}
var u24 = (value) => Buffer.from([value >> 16, value >> 8 & 255, value & 255]);
function handshakeMessage(type, body) {
  return Buffer.concat([Buffer.from([type]), u24(body.length), body]);
}
function handshakeRecords(version, messages) {
  const records = [];
  for (let at = 0; at < messages.length; at += 16384) records.push(record(22, version, messages.subarray(at, at + 16384)));
  return Buffer.concat(records);
}
function serverHelloMessage(version, cipherSuite) {
  return handshakeMessage(
    2,
    Buffer.concat([Buffer.from([version >> 8, version & 255]), randomBytes(32), Buffer.from([0, cipherSuite >> 8, cipherSuite & 255, 0])])
  );
}
function certificateMessage(certificates) {
  const list = Buffer.concat(certificates.flatMap((der) => [u24(der.length), der]));
  return handshakeMessage(11, Buffer.concat([u24(list.length), list]));
}
function serverHello(version, cipherSuite) {
  return record(22, version, serverHelloMessage(version, cipherSuite));
}
function serverFlight(version, cipherSuite, certificates) {
  return handshakeRecords(
    version,
    Buffer.concat([serverHelloMessage(version, cipherSuite), certificateMessage(certificates), handshakeMessage(14, Buffer.alloc(0))])
  );
}
function alert(version, description) {
  return record(21, version, Buffer.from([2, description]));
}
function legacyServer(options) {
  return (bytes) => {
    const hello = readClientHello(bytes);
    if (!hello) return alert(768, 10);
    const version = Math.min(hello.clientVersion, options.maxVersion);
    if (version < options.minVersion) return alert(options.minVersion, 70);
    const chosen = options.suites.find((suite) => hello.cipherSuites.includes(suite));
    if (chosen === void 0) return alert(version, 40);
    return options.certificates?.length ? serverFlight(version, chosen, options.certificates) : serverHello(version, chosen);
  };
}

// lab/servers.ts
import { createServer as createHttpServer } from "node:http";
import { createSecureServer } from "node:http2";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer } from "node:net";
var LAB_ADDRESS = "127.0.0.1";
async function listen(server, address = LAB_ADDRESS) {
  const sockets = /* @__PURE__ */ new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, address, () => resolve());
  });
  const bound = server.address();
  const port = typeof bound === "object" && bound ? bound.port : 0;
  return {
    port,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    })
  };
}
function answer(hsts, redirect) {
  return (request, response) => {
    if (hsts.length) response.setHeader("Strict-Transport-Security", hsts);
    const location = redirect?.(request.url ?? "/");
    if (location !== void 0) {
      response.statusCode = 301;
      response.setHeader("Location", location);
      response.end();
      return;
    }
    response.setHeader("Content-Type", "text/plain");
    response.end("hipaa-guard lab\n");
  };
}
function startTlsServer(options) {
  const tlsOptions = {
    key: options.keyPem,
    cert: options.certPem.join("\n"),
    minVersion: options.minVersion ?? "TLSv1.2",
    maxVersion: options.maxVersion ?? "TLSv1.3",
    ...options.ciphers ? { ciphers: options.ciphers } : {},
    // Anonymous and DHE suites need DH parameters; other servers keep Node's default (no DHE).
    ...options.ciphers?.includes("DH-") ? { dhparam: "auto" } : {}
  };
  const server = options.h2 ? createSecureServer({ ...tlsOptions, allowHTTP1: true }, answer(options.hsts, options.redirect)) : createHttpsServer(tlsOptions, answer(options.hsts, options.redirect));
  const staple = options.ocspResponse;
  if (staple) {
    server.on("OCSPRequest", (_cert, _issuer, callback) => callback(null, staple));
  }
  return listen(server, options.address);
}
function startHttpServer(route, address = LAB_ADDRESS) {
  let port = 0;
  const server = createHttpServer((request, response) => {
    const { status, location, hsts } = route(request.url ?? "/", port);
    if (location) response.setHeader("Location", location);
    if (hsts) response.setHeader("Strict-Transport-Security", hsts);
    response.statusCode = status;
    response.end();
  });
  return listen(server, address).then((running) => {
    port = running.port;
    return running;
  });
}
function startRawServer(behaviour) {
  const server = createNetServer((socket) => {
    socket.on("error", () => socket.destroy());
    if (behaviour.kind === "hang") return;
    socket.once("data", (data) => {
      socket.end(behaviour.kind === "garbage" ? Buffer.from("SSH-2.0-OpenSSH_9.2 not TLS\r\n") : behaviour.reply(data));
    });
  });
  return listen(server);
}
async function closedPort() {
  const running = await listen(createNetServer());
  await running.close();
  return running.port;
}

// lab/scenarios.ts
var GOOD_HSTS = "max-age=63072000; includeSubDomains";
var OCSP_PLACEHOLDER = Buffer.from("hipaa-guard lab OCSP response placeholder");
var GOOD_CIPHERS = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384";
var GOOD_CIPHERS_ANY_KEY = `${GOOD_CIPHERS}:@SECLEVEL=0`;
var LEGACY_CIPHERS = "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA:AES128-SHA:@SECLEVEL=0";
var WEAK_CIPHERS = "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA:NULL-SHA:ADH-AES128-SHA:@SECLEVEL=0";
var RC4_SUITES = [4, 5];
var BROKEN_SUITES = [10, 9, 5, 3];
var SCENARIOS = {
  good: { description: "TLS 1.2 and 1.3, trusted 90-day RSA-2048 certificate, h2, 301 to https, HSTS two years", setup: { kind: "tls" } },
  "legacy-tls": { description: "also accepts TLS 1.0 and TLS 1.1", setup: { kind: "tls", minVersion: "TLSv1", ciphers: LEGACY_CIPHERS } },
  "weak-ciphers": {
    description: "TLS 1.2 with NULL, anonymous DH and static-RSA suites",
    setup: { kind: "tls", maxVersion: "TLSv1.2", ciphers: WEAK_CIPHERS }
  },
  "broken-ciphers": {
    description: "TLS 1.0 to 1.2 with 3DES, DES, RC4 and EXPORT suites (raw ServerHello and certificate)",
    setup: { kind: "legacy", minVersion: 769, maxVersion: 771, suites: BROKEN_SUITES },
    http: "closed"
  },
  sslv3: {
    description: "an SSLv3-only server offering RC4 (raw ServerHello and certificate)",
    setup: { kind: "legacy", minVersion: 768, maxVersion: 768, suites: RC4_SUITES },
    http: "closed"
  },
  expired: { description: "certificate expired 10 days ago", setup: { kind: "tls", notBeforeDays: -100, notAfterDays: -10 } },
  "not-yet-valid": { description: "certificate valid from 10 days from now", setup: { kind: "tls", notBeforeDays: 10, notAfterDays: 100 } },
  "wrong-host": { description: "certificate for another host name", setup: { kind: "tls", names: ["other.lab.test"] } },
  "empty-subject": { description: "certificate with an empty subject, the host in a critical subjectAltName", setup: { kind: "tls", commonName: null } },
  "cn-only": { description: "certificate naming the host in its subject CN only, no subjectAltName", setup: { kind: "tls", sanless: true } },
  "anchor-issued": { description: "leaf issued directly by the configured root, sent alone (a complete chain)", setup: { kind: "tls", anchorIssued: true } },
  "sha384-chain": { description: "leaf signed with SHA-384 (sha384WithRSAEncryption)", setup: { kind: "tls", digest: "sha384" } },
  "rsa-pss-sha512": { description: "leaf signed with RSASSA-PSS and SHA-512", setup: { kind: "tls", digest: "sha512", padding: "pss" } },
  "self-signed": { description: "self-signed certificate", setup: { kind: "tls", selfSigned: true } },
  "rsa-1024": { description: "RSA-1024 certificate key", setup: { kind: "tls", key: "rsa-1024", ciphers: GOOD_CIPHERS_ANY_KEY } },
  "sha1-signature": { description: "certificate signed with SHA-1", setup: { kind: "tls", digest: "sha1", ciphers: GOOD_CIPHERS_ANY_KEY } },
  "expiring-soon": { description: "certificate expires in 10 days", setup: { kind: "tls", notBeforeDays: -80, notAfterDays: 10 } },
  "long-lifespan": { description: "certificate valid for 800 days", setup: { kind: "tls", notBeforeDays: -10, notAfterDays: 790 } },
  "missing-intermediate": { description: "server sends the leaf without its intermediate", setup: { kind: "tls", leafOnly: true } },
  "ocsp-stapled": {
    description: "certificate names an OCSP responder, server staples a response",
    setup: { kind: "tls", ocspUrl: "http://ocsp.lab.test/", staple: true }
  },
  "ocsp-not-stapled": { description: "certificate names an OCSP responder, server staples nothing", setup: { kind: "tls", ocspUrl: "http://ocsp.lab.test/" } },
  "no-redirect": { description: "plain HTTP answers 200 without redirecting", setup: { kind: "tls" }, http: "none" },
  "redirect-302": { description: "plain HTTP redirects to https with a temporary 302", setup: { kind: "tls" }, http: "redirect-302" },
  "redirect-off-host": { description: "plain HTTP redirects to another host", setup: { kind: "tls" }, http: "off-host" },
  "redirect-to-http": { description: "plain HTTP redirects to another plain-HTTP page that answers 200", setup: { kind: "tls" }, http: "to-http" },
  "redirect-loop": { description: "plain HTTP redirects in a loop", setup: { kind: "tls" }, http: "loop" },
  "http-hang": { description: "the plain-HTTP port accepts connections and never answers", setup: { kind: "tls" }, http: "hang" },
  "https-downgrade": {
    description: "plain HTTP redirects to https, whose page redirects back to plain HTTP",
    setup: { kind: "tls", downgrade: true },
    http: "https-to-http"
  },
  "no-hsts": { description: "HTTPS response without Strict-Transport-Security", setup: { kind: "tls", hsts: [] } },
  "short-hsts": { description: "HSTS max-age of one day, no includeSubDomains", setup: { kind: "tls", hsts: ["max-age=86400"] } },
  "duplicate-hsts": { description: "two Strict-Transport-Security headers", setup: { kind: "tls", hsts: [GOOD_HSTS, "max-age=300"] } },
  "hsts-http-only": { description: "HSTS sent on the plain-HTTP redirect only", setup: { kind: "tls", hsts: [] }, http: "hsts-http-only" },
  "no-h2": { description: "no ALPN h2", setup: { kind: "tls", h2: false } },
  "tls13-only": { description: "accepts TLS 1.3 only", setup: { kind: "tls", minVersion: "TLSv1.3" } },
  hang: { description: "accepts TCP connections and never answers", setup: { kind: "hang" }, http: "closed" },
  garbage: { description: "answers the ClientHello with non-TLS bytes", setup: { kind: "garbage" }, http: "closed" },
  refused: { description: "nothing listens on the port", setup: { kind: "refused" }, http: "closed" }
};
var SCENARIO_NAMES = Object.keys(SCENARIOS);
var LAB_CA_FILE = "lab/hipaa-guard-lab-root.pem";
function httpRoute(behaviour, host, tlsPort) {
  const https = `https://${host}:${tlsPort}`;
  return (path, port) => {
    const plain = `http://${host}:${port}`;
    switch (behaviour) {
      case "none":
        return { status: 200 };
      case "redirect-302":
        return { status: 302, location: `${https}${path}` };
      case "off-host":
        return { status: 301, location: "https://elsewhere.example.org/" };
      case "to-http":
        return path === "/plain" ? { status: 200 } : { status: 301, location: `${plain}/plain` };
      case "loop":
        return { status: 301, location: path === "/a" ? `${plain}/b` : `${plain}/a` };
      case "hsts-http-only":
        return { status: 301, location: `${https}${path}`, hsts: GOOD_HSTS };
      case "https-to-http":
        return path === "/plain" ? { status: 200 } : { status: 301, location: `${https}${path}` };
      default:
        return { status: 301, location: `${https}${path}` };
    }
  };
}
async function startTls(setup, place) {
  const ca = await labAuthority();
  const names = setup.names ?? [place.host];
  const leaf = await issueLeaf({
    names: setup.sanless ? [] : names,
    commonName: setup.commonName === void 0 ? names[0] ?? place.host : setup.commonName,
    ...setup.anchorIssued ? { issuer: "root" } : {},
    ...setup.padding ? { padding: setup.padding } : {},
    ...setup.key ? { key: setup.key } : {},
    ...setup.digest ? { digest: setup.digest } : {},
    ...setup.notBeforeDays !== void 0 ? { notBeforeDays: setup.notBeforeDays } : {},
    ...setup.notAfterDays !== void 0 ? { notAfterDays: setup.notAfterDays } : {},
    ...setup.ocspUrl ? { ocspUrl: setup.ocspUrl } : {},
    ...setup.selfSigned ? { selfSigned: true } : {}
  });
  const chain = setup.leafOnly || setup.selfSigned || setup.anchorIssued ? [leaf.pem] : [leaf.pem, ca.intermediate.pem];
  return startTlsServer({
    address: place.address,
    // Only the downgrade scenario's HTTPS page redirects (back to plain HTTP).
    redirect: (path) => path === "/" && place.httpPort && setup.downgrade ? `http://${place.urlHost}:${place.httpPort}/plain` : void 0,
    keyPem: leaf.keyPem,
    certPem: chain,
    h2: setup.h2 ?? true,
    hsts: setup.hsts ?? [GOOD_HSTS],
    ...setup.minVersion ? { minVersion: setup.minVersion } : {},
    ...setup.maxVersion ? { maxVersion: setup.maxVersion } : {},
    ciphers: setup.ciphers ?? GOOD_CIPHERS,
    ...setup.staple ? { ocspResponse: OCSP_PLACEHOLDER } : {}
  });
}
async function startTlsSide(setup, place) {
  switch (setup.kind) {
    case "tls":
      return startTls(setup, place);
    case "legacy": {
      const [ca, leaf] = await Promise.all([labAuthority(), issueLeaf({ names: [place.host] })]);
      return startRawServer({ kind: "reply", reply: legacyServer({ ...setup, certificates: [leaf.x509.raw, ca.intermediate.x509.raw] }) });
    }
    case "refused":
      return { port: await closedPort(), close: () => Promise.resolve() };
    default:
      return startRawServer({ kind: setup.kind });
  }
}
async function startScenario(scenario, name2 = scenario, options = {}) {
  const spec = SCENARIOS[scenario];
  const place = options.ipv6 ? { host: "::1", urlHost: "[::1]", address: "::1", httpPort: 0 } : { host: `${name2}.lab.test`, urlHost: `${name2}.lab.test`, address: LAB_ADDRESS, httpPort: 0 };
  const [tls, ca] = await Promise.all([startTlsSide(spec.setup, place), labAuthority()]);
  const behaviour = spec.http ?? "redirect-301";
  const http = behaviour === "closed" ? { port: await closedPort(), close: () => Promise.resolve() } : behaviour === "hang" ? await startRawServer({ kind: "hang" }) : await startHttpServer(httpRoute(behaviour, place.urlHost, tls.port), place.address);
  place.httpPort = http.port;
  return {
    name: name2,
    description: spec.description,
    endpoint: {
      url: `https://${place.urlHost}:${tls.port}/`,
      http: `http://${place.urlHost}:${http.port}/`,
      ...options.ipv6 ? {} : { address: LAB_ADDRESS },
      ca: LAB_CA_FILE
    },
    caPem: ca.root.pem,
    stop: async () => {
      await Promise.all([tls.close(), http.close()]);
    }
  };
}

// cli/demo.ts
var DEMO_TIMEOUT_MS = 3e3;
var USAGE = `Usage: hipaa-guard demo

Starts the loopback lab (a good endpoint and one per flaw: legacy TLS, weak suites, SSLv3, bad
certificates, redirect and HSTS problems, a hanging port...) on 127.0.0.1, probes every scenario,
prints the report and stops the servers. Needs only Node. Exits 0.
`;
async function startScenarios(names = SCENARIO_NAMES, start = startScenario) {
  const results = await Promise.allSettled(names.map((name2) => start(name2)));
  const lab = { scenarios: [], skipped: [] };
  results.forEach((result, index) => {
    if (result.status === "fulfilled") lab.scenarios.push(result.value);
    else lab.skipped.push({ name: names[index] ?? String(index), reason: result.reason instanceof Error ? result.reason.message : String(result.reason) });
  });
  return lab;
}
function demoConfig(scenarios) {
  const base = defaultConfig();
  return { ...base, endpoints: scenarios.map((scenario) => scenario.endpoint), probe: { ...base.probe, timeout: DEMO_TIMEOUT_MS } };
}
async function runDemo(argv, io) {
  parseCommandLine(argv, {});
  const lab = await startScenarios();
  try {
    const width = Math.max(...lab.scenarios.map((scenario) => scenario.endpoint.url.length));
    io.stdout.write(
      [
        `Loopback lab: ${lab.scenarios.length} scenarios on 127.0.0.1 (host names *.lab.test, pinned with --resolve style address overrides)`,
        ...lab.scenarios.map((scenario) => `  ${scenario.endpoint.url.padEnd(width)}  ${scenario.description}`),
        ...lab.skipped.map((skip) => `  skipped ${skip.name}: ${skip.reason}`),
        "",
        ""
      ].join("\n")
    );
    const caPem = lab.scenarios[0]?.caPem;
    const readLabFile = (path) => path === LAB_CA_FILE && caPem !== void 0 ? Promise.resolve(caPem) : Promise.reject(new Error(`${path}: not a lab file`));
    if (lab.scenarios.length) {
      const report = await probeEndpoints(demoConfig(lab.scenarios), io, readLabFile);
      await writeReport(report, { format: "text" }, io);
    }
  } finally {
    await Promise.all(lab.scenarios.map((scenario) => scenario.stop()));
  }
  return EXIT_OK;
}
var demoCommand = {
  usage: USAGE,
  run: runDemo
};
export {
  demoCommand,
  startScenarios
};

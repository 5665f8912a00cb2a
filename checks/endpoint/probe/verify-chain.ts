/**
 * Chain building and trust for certificates read from the raw handshake, where no OpenSSL
 * handshake verified them: the same anchors as the Node path (Node's bundled roots plus the
 * endpoint's `ca:`), OpenSSL's order (a trusted issuer before one the server sent) and OpenSSL's
 * error codes, so the certificate rules read the same facts whichever path measured them.
 * Checked: issuer name and key identifiers with key usage (`checkIssued`), each signature, each
 * validity window, the CA flag of every issuer. Not checked: path length and name constraints,
 * policies, revocation (as in the Node path: no AIA or CRL fetching).
 */
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { isSelfSigned } from './certificate.js';

/** Longer chains are not built (OpenSSL's default depth is 100; real chains have 2 to 4 certificates). */
const MAX_DEPTH = 10;

let systemRoots: X509Certificate[] | undefined;

/** Node's bundled roots, parsed once per process and only when a raw chain needs them (~50 ms). */
function systemAnchors(): X509Certificate[] {
  systemRoots ??= rootCertificates.map((pem) => new X509Certificate(pem));
  return systemRoots;
}

/** Every certificate in PEM text (a `ca:` file may hold several). */
export function certificatesInPem(pem: string): X509Certificate[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((block) => new X509Certificate(block));
}

export interface VerifiedChain {
  /** Leaf first, each certificate followed by its issuer, ending with the anchor when one was found. */
  path: X509Certificate[];
  authorized: boolean;
  /** OpenSSL's code when not authorized: `CERT_HAS_EXPIRED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`... */
  authorizationError?: string;
}

/** `parent` issued `child`: names, key identifiers and key usage agree, and its key verifies the signature. */
function issued(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false; // A key OpenSSL cannot load verifies nothing.
  }
}

function timeError(certificate: X509Certificate, now: Date): string | undefined {
  if (now.getTime() < Date.parse(certificate.validFrom)) return 'CERT_NOT_YET_VALID';
  if (now.getTime() > Date.parse(certificate.validTo)) return 'CERT_HAS_EXPIRED';
  return undefined;
}

/**
 * Builds the path from the leaf (`served[0]`) through the certificates the server sent to an
 * anchor in `extraAnchors` or Node's roots, then checks it as OpenSSL would, from the anchor down.
 */
export function verifyChain(served: readonly X509Certificate[], extraAnchors: readonly X509Certificate[], now: Date): VerifiedChain {
  const [leaf] = served;
  if (!leaf) throw new Error('no certificate to verify');
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
    const error = isSelfSigned(last)
      ? path.length === 1
        ? 'DEPTH_ZERO_SELF_SIGNED_CERT'
        : 'SELF_SIGNED_CERT_IN_CHAIN'
      : path.length === 1
        ? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
        : 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY';
    return { path, authorized: false, authorizationError: error };
  }
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const certificate = path[index] ?? leaf;
    if (index > 0 && !certificate.ca) return { path, authorized: false, authorizationError: 'INVALID_CA' };
    const error = timeError(certificate, now);
    if (error) return { path, authorized: false, authorizationError: error };
  }
  return { path, authorized: true };
}

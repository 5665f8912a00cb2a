import type { EndpointObservation, UnreachableKind } from '../model.js';

export type TlsSide = Pick<EndpointObservation, 'reachability' | 'protocols' | 'ciphers' | 'keyExchanges' | 'certificate'>;

/** An external backend could not complete a handshake: every TLS fact is an error with its reason. */
export function unreachableTlsSide(kind: UnreachableKind, detail: string): TlsSide {
  const failed = { status: 'error', reason: detail } as const;
  return { reachability: { reachable: false, kind, detail }, protocols: failed, ciphers: failed, keyExchanges: failed, certificate: failed };
}

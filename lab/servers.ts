/**
 * Loopback servers for the lab: HTTPS (Node's https / http2), plain HTTP with scripted redirects,
 * and raw TCP servers that answer like broken or ancient TLS servers. All listen on 127.0.0.1,
 * on an ephemeral port, and close every open connection on `close()`.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { SecureVersion } from 'node:tls';

export const LAB_ADDRESS = '127.0.0.1';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on an ephemeral loopback port (127.0.0.1 or ::1); `close()` also ends the connections still open. */
async function listen(server: Server, address: string = LAB_ADDRESS): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound ? bound.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface TlsServerOptions {
  keyPem: string;
  /** Leaf first, then the intermediates the server sends. */
  certPem: string[];
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  /** OpenSSL cipher string for TLS 1.2 and below (may carry `@SECLEVEL=0`). */
  ciphers?: string;
  /** Offer h2 through ALPN (an http2 server that also speaks HTTP/1.1). */
  h2: boolean;
  /** `Strict-Transport-Security` values sent on every HTTPS response, each as its own header line. */
  hsts: string[];
  /** Bytes stapled as the OCSP response when the client asks. */
  ocspResponse?: Buffer;
  /** Where an HTTPS request for a path is redirected (301), asked per request; `undefined`: the page. */
  redirect?: (path: string) => string | undefined;
  /** Default 127.0.0.1. */
  address?: string;
}

function answer(hsts: string[], redirect: TlsServerOptions['redirect']) {
  return (request: IncomingMessage | Http2ServerRequest, response: ServerResponse | Http2ServerResponse): void => {
    if (hsts.length) response.setHeader('Strict-Transport-Security', hsts);
    const location = redirect?.(request.url ?? '/');
    if (location !== undefined) {
      response.statusCode = 301;
      response.setHeader('Location', location);
      response.end();
      return;
    }
    response.setHeader('Content-Type', 'text/plain');
    response.end('hipaa-guard lab\n');
  };
}

export function startTlsServer(options: TlsServerOptions): Promise<RunningServer> {
  const tlsOptions = {
    key: options.keyPem,
    cert: options.certPem.join('\n'),
    minVersion: options.minVersion ?? 'TLSv1.2',
    maxVersion: options.maxVersion ?? 'TLSv1.3',
    ...(options.ciphers ? { ciphers: options.ciphers } : {}),
    // Anonymous and DHE suites need DH parameters; other servers keep Node's default (no DHE).
    ...(options.ciphers?.includes('DH-') ? { dhparam: 'auto' as const } : {}),
  };
  const server = options.h2
    ? createSecureServer({ ...tlsOptions, allowHTTP1: true }, answer(options.hsts, options.redirect))
    : createHttpsServer(tlsOptions, answer(options.hsts, options.redirect));
  const staple = options.ocspResponse;
  if (staple) {
    server.on('OCSPRequest', (_cert: Buffer, _issuer: Buffer, callback: (error: Error | null, response?: Buffer) => void) => callback(null, staple));
  }
  return listen(server, options.address);
}

/** What the plain-HTTP side answers to a request for `path`: a redirect, or a page. */
export type HttpRoute = { status: number; location?: string; hsts?: string };

export function startHttpServer(route: (path: string, port: number) => HttpRoute, address: string = LAB_ADDRESS): Promise<RunningServer> {
  let port = 0;
  const server = createHttpServer((request, response) => {
    const { status, location, hsts } = route(request.url ?? '/', port);
    if (location) response.setHeader('Location', location);
    if (hsts) response.setHeader('Strict-Transport-Security', hsts);
    response.statusCode = status;
    response.end();
  });
  return listen(server, address).then((running) => {
    port = running.port;
    return running;
  });
}

/**
 * A raw TCP server: `hang` accepts and never answers, `garbage` answers any bytes with a
 * non-TLS line, `reply` answers each ClientHello with the bytes `reply(hello)` returns
 * (a canned SSLv3 ServerHello, an alert) and then closes.
 */
export type RawBehaviour = { kind: 'hang' } | { kind: 'garbage' } | { kind: 'reply'; reply: (clientHello: Buffer) => Buffer };

export function startRawServer(behaviour: RawBehaviour): Promise<RunningServer> {
  const server = createNetServer((socket) => {
    socket.on('error', () => socket.destroy());
    if (behaviour.kind === 'hang') return;
    socket.once('data', (data: Buffer) => {
      socket.end(behaviour.kind === 'garbage' ? Buffer.from('SSH-2.0-OpenSSH_9.2 not TLS\r\n') : behaviour.reply(data));
    });
  });
  return listen(server);
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const running = await listen(createNetServer());
  await running.close();
  return running.port;
}

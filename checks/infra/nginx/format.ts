import type { InfraFormatParser } from '../formats.js';
import { looksLikeNginx, parseNginx } from './parse-nginx.js';

/** `*.conf` (and `*.conf.template`), `nginx.conf`, or any file under an `nginx` folder. */
const NGINX_PATH = /(\.conf(\.template)?$)|(^|\/)nginx[^/]*\/|(^|\/)nginx\.conf/i;

/** nginx configuration, told apart from other `.conf` files by a `server {` or `http {` block. */
export const nginxParser: InfraFormatParser = {
  format: 'nginx',
  matchesPath: (path) => NGINX_PATH.test(path),
  matchesContent: (_path, text) => looksLikeNginx(text),
  parse: parseNginx,
};

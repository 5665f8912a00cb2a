import type { InfraFormatParser } from '../formats.js';
import { looksLikeNginx, parseNginx } from './parse-nginx.js';

/** `*.conf` (and `*.conf.template`), `nginx.conf`, or any file under an `nginx` folder. */
const NGINX_PATH = /(\.conf(\.template)?$)|(^|\/)nginx[^/]*\/|(^|\/)nginx\.conf/i;

/** nginx configuration, told apart from other `.conf` files by a `server {` or `http {` block. */
export const nginxParser: InfraFormatParser = {
  format: 'nginx',
  matchesPath: (path) => NGINX_PATH.test(path),
  // A YAML or JSON file that embeds an nginx config (a ConfigMap, a Helm template) is not one.
  matchesContent: (path, text) => !/\.(ya?ml|json)$/i.test(path) && looksLikeNginx(text),
  parse: parseNginx,
};

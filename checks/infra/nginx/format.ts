import type { InfraFormatParser } from '../formats.js';
import { nginxDependencies } from './includes.js';
import { looksLikeNginx, looksLikeNginxSnippet, parseNginx, parseNginxFiles } from './parse-nginx.js';

/** `*.conf` (and `*.conf.template`), `nginx.conf`, or any file under an `nginx` folder. */
const NGINX_PATH = /(\.conf(\.template)?$)|(^|\/)nginx[^/]*\/|(^|\/)nginx\.conf/i;

/**
 * nginx configuration, told apart from other `.conf` files by a `server {` or `http {` block,
 * or (an included snippet) by the directives nginx writes. All nginx files of a version are
 * parsed together, so includes are followed and http-level settings reach their servers.
 */
export const nginxParser: InfraFormatParser = {
  format: 'nginx',
  matchesPath: (path) => NGINX_PATH.test(path),
  // A YAML or JSON file that embeds an nginx config (a ConfigMap, a Helm template) is not one.
  matchesContent: (path, text) => !/\.(ya?ml|json)$/i.test(path) && (looksLikeNginx(text) || (NGINX_PATH.test(path) && looksLikeNginxSnippet(text))),
  parse: parseNginx,
  groupOf: () => 'nginx',
  parseGroup: (files) => Promise.resolve(parseNginxFiles(files)),
  dependenciesOf: nginxDependencies,
};

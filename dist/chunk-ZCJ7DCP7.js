import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  ListingFailedError,
  UnreadableFileError,
  listFiles
} from "./chunk-BGBLBVKQ.js";
import {
  ENV_AMBIGUOUS_PATH,
  ENV_CIDR_OVERLAP,
  ENV_CROSS_REFERENCE,
  ENV_NETWORK_PATH,
  ENV_SHARED_RESOURCE,
  ENV_SHARED_STATE,
  INFRA_RULES,
  PARSE_ERROR_RULE,
  SUPPRESSION_INVALID_RULE,
  containsUnknown,
  describeValue,
  firstUnknown,
  isUnresolved,
  moduleInstanceOf,
  protocolRank,
  refersTo,
  unresolved,
  valueAt,
  verdictList
} from "./chunk-ROHD3B77.js";
import {
  emptyReport,
  mergeReports
} from "./chunk-YWFXNLSI.js";
import {
  TOOL
} from "./chunk-D2S3YVWQ.js";
import {
  DEFAULT_CONFIG_PATH,
  YamlSyntaxError,
  compareFindings,
  locate,
  makeFinding,
  parseYaml,
  parseYamlDocuments,
  require_picomatch,
  yaml
} from "./chunk-WQ6PL2OD.js";
import {
  __toESM
} from "./chunk-BEY6CXLO.js";

// checks/environments/index.ts
import { posix as posix5 } from "node:path";

// checks/environments/blocks.ts
var NETWORK_TYPES = /* @__PURE__ */ new Set([
  "aws_vpc_peering_connection",
  "aws_vpc_peering_connection_accepter",
  "aws_ec2_transit_gateway_vpc_attachment",
  "aws_ec2_transit_gateway_peering_attachment",
  "aws_ec2_transit_gateway_route",
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
  "aws_network_acl",
  "aws_network_acl_rule",
  "aws_route",
  "google_compute_network_peering",
  "google_compute_firewall",
  "azurerm_virtual_network_peering",
  "azurerm_network_security_rule",
  "kubernetes_network_policy",
  "kubernetes_network_policy_v1",
  "AWS::EC2::VPCPeeringConnection",
  "AWS::EC2::TransitGatewayAttachment",
  "AWS::EC2::TransitGatewayVpcAttachment",
  "AWS::EC2::TransitGatewayPeeringAttachment",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::SecurityGroupIngress",
  "AWS::EC2::SecurityGroupEgress",
  "AWS::EC2::NetworkAclEntry",
  "AWS::EC2::Route",
  "NetworkPolicy",
  "CiliumNetworkPolicy"
]);
function isNetworkBlock(block) {
  return NETWORK_TYPES.has(block.type);
}
function isHclPath(path) {
  return /\.(tf|tfvars|hcl|tfbackend)$/.test(path);
}
function isYamlPath(path) {
  return /\.ya?ml$/.test(path);
}
function lineContexts(path, lines) {
  if (path.endsWith(".tfbackend")) return lines.map(() => ({ backend: "file" }));
  if (isHclPath(path)) return hclContexts(lines);
  if (isYamlPath(path)) return yamlContexts(lines);
  return lines.map(() => ({}));
}
function hclContexts(lines) {
  const contexts = [];
  const stack = [];
  const modes = [];
  let heredoc;
  let inBlockComment = false;
  lines.forEach((line, index2) => {
    const lineNumber = index2 + 1;
    const context = contextOf(stack);
    contexts.push(context);
    if (heredoc !== void 0) {
      if (line.trim() === heredoc) heredoc = void 0;
      return;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      const next = line[i + 1];
      const mode = modes.at(-1);
      if (inBlockComment) {
        if (c === "*" && next === "/") {
          inBlockComment = false;
          i++;
        }
        continue;
      }
      if (mode?.kind === "string") {
        if (c === "\\") i++;
        else if (c === '"') modes.pop();
        else if (c === "$" && next === "{") {
          modes.push({ kind: "interpolation", depth: 0 });
          i++;
        }
        continue;
      }
      if (c === '"') modes.push({ kind: "string" });
      else if (c === "#" || c === "/" && next === "/") break;
      else if (c === "/" && next === "*") {
        inBlockComment = true;
        i++;
      } else if (c === "<" && next === "<" && !mode) {
        const marker = /^<<-?\s*([A-Za-z_]\w*)\s*$/.exec(line.slice(i));
        if (marker?.[1]) {
          heredoc = marker[1];
          break;
        }
      } else if (c === "{") {
        if (mode) mode.depth++;
        else openHclBlock(stack, line.slice(0, i), lineNumber, context);
      } else if (c === "}") {
        if (mode && mode.depth > 0) mode.depth--;
        else if (mode) modes.pop();
        else closeHclBlock(stack, lineNumber);
      }
    }
  });
  return contexts;
}
var RESOURCE_HEADER = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"\s*$/;
var NAMED_HEADER = /^\s*(module|provider|variable|output|locals|terraform)\b(?:\s+"([^"]*)")?\s*$/;
var BACKEND_HEADER = /^\s*backend\s+"([^"]+)"\s*$/;
function openHclBlock(stack, header, line, context) {
  const open = {};
  const backend = BACKEND_HEADER.exec(header);
  if (backend?.[1]) {
    open.backend = backend[1];
    context.backend ??= backend[1];
  }
  if (stack.length === 0) {
    const resource = RESOURCE_HEADER.exec(header);
    const named2 = NAMED_HEADER.exec(header);
    const type = resource ? resource[1] === "data" ? `data.${resource[2]}` : resource[2] : named2?.[1];
    const name = resource ? resource[3] : named2?.[2];
    open.block = { type: type ?? "block", name: name ?? "", startLine: line, endLine: line };
    context.block ??= open.block;
  }
  stack.push(open);
}
function closeHclBlock(stack, line) {
  const closed = stack.pop();
  if (closed?.block) closed.block.endLine = line;
}
function contextOf(stack) {
  const context = {};
  const block = stack[0]?.block;
  if (block) context.block = block;
  const backend = stack.find((open) => open.backend)?.backend;
  if (backend) context.backend = backend;
  return context;
}
var YAML_KEY = /^([A-Za-z_][\w.-]*)\s*:(.*)$/;
function yamlContexts(lines) {
  const blocks = [];
  let documentStart = 1;
  let kind;
  let objectName = "";
  let topKey = "";
  let resourceIndent;
  let resource;
  let lastContent = 0;
  const closeDocument = () => {
    if (kind) blocks.push({ type: kind, name: objectName, startLine: documentStart, endLine: Math.max(documentStart, lastContent) });
    kind = void 0;
    objectName = "";
  };
  lines.forEach((line, index2) => {
    const lineNumber = index2 + 1;
    if (/^---/.test(line)) {
      closeDocument();
      documentStart = lineNumber;
      topKey = "";
      return;
    }
    const text2 = line.trimStart();
    if (!text2 || text2.startsWith("#")) return;
    lastContent = lineNumber;
    const indent = line.length - text2.length;
    const key = YAML_KEY.exec(text2);
    const name = key?.[1] ?? "";
    const value = (key?.[2] ?? "").trim().replace(/^["']|["']$/g, "");
    if (indent === 0) {
      topKey = name;
      resourceIndent = void 0;
      resource = void 0;
      if (name === "kind") kind = value;
      return;
    }
    if (topKey === "metadata" && name === "name" && !objectName) objectName = value;
    if (topKey !== "Resources") return;
    resourceIndent ??= indent;
    if (indent === resourceIndent && key) {
      resource = { type: "resource", name, startLine: lineNumber, endLine: lineNumber };
      blocks.push(resource);
    } else if (resource && indent > resourceIndent) {
      resource.endLine = lineNumber;
      if (name === "Type" && resource.type === "resource") resource.type = value;
    }
  });
  closeDocument();
  return lines.map((_, index2) => {
    const line = index2 + 1;
    const inside2 = blocks.filter((block2) => block2.startLine <= line && line <= block2.endLine);
    const block = inside2.sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
    return block ? { block } : {};
  });
}

// checks/environments/environments.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var PRODUCTION_NAMES = ["prod", "production", "prd"];
var ALIASES = {
  production: PRODUCTION_NAMES,
  staging: ["staging", "stage", "stg"],
  development: ["dev", "development"]
};
var NOT_ENVIRONMENTS = /* @__PURE__ */ new Set(["base", "bases", "common", "shared", "global", "modules", "module", "templates", "components", "terraform"]);
function isProductionName(name) {
  return name.toLowerCase().split(/[-_.]/).some((part) => PRODUCTION_NAMES.includes(part));
}
function canonicalName(name) {
  const lower = name.toLowerCase();
  return Object.entries(ALIASES).find(([, spellings]) => spellings.includes(lower))?.[0] ?? lower;
}
function resolveEnvironments(config, files, manifests = []) {
  if (config.environments && declaresEnvironments(config)) {
    const environments = Object.entries(config.environments).map(([name, declared]) => ({
      name,
      production: isProductionName(name),
      paths: declared.paths,
      identifiers: declared.identifiers,
      source: "declared"
    }));
    const notes = environments.some((env) => env.production) ? [] : ["environments: no declared environment is named prod, production or prd; references between environments are graded medium"];
    return { environments, notes };
  }
  return inferEnvironments(files, manifests);
}
function declaresEnvironments(config) {
  return Object.keys(config.environments ?? {}).length > 0;
}
var NAMESPACE_LINE = /^\s*namespace:\s*["']?([A-Za-z0-9-]+)["']?\s*(#.*)?$/gm;
function manifestNamespaces(text2) {
  if (!/^kind:/m.test(text2)) return [];
  return [...new Set([...text2.matchAll(NAMESPACE_LINE)].map((match) => (match[1] ?? "").toLowerCase()))];
}
var FOLDER_LAYOUT = /^(.*?(?:^|\/)(?:envs|environments|overlays)\/([^/]+))\//;
var FOLDER_WORDS = /* @__PURE__ */ new Set([...Object.values(ALIASES).flat(), "qa", "uat", "preprod"]);
function environmentFolder(path) {
  const folders = path.split("/").slice(0, -1);
  const index2 = folders.findIndex((folder) => FOLDER_WORDS.has(folder.toLowerCase()));
  const name = folders[index2];
  return name === void 0 ? void 0 : [path, folders.slice(0, index2 + 1).join("/"), name];
}
var TFVARS = /^(?:.*\/)?([^/]+?)(?:\.auto)?\.tfvars(?:\.json)?$/;
var ENVIRONMENT_WORDS = /* @__PURE__ */ new Set([...Object.values(ALIASES).flat(), "qa", "uat", "test", "sandbox", "preprod"]);
function inferEnvironments(files, manifests = []) {
  const found = /* @__PURE__ */ new Map();
  const add = (spelling, glob) => {
    const name = canonicalName(spelling);
    if (NOT_ENVIRONMENTS.has(name)) return;
    const entry = found.get(name) ?? { spellings: /* @__PURE__ */ new Set(), paths: /* @__PURE__ */ new Set() };
    entry.spellings.add(spelling.toLowerCase());
    entry.paths.add(glob);
    found.set(name, entry);
  };
  for (const file of files) {
    const match = FOLDER_LAYOUT.exec(file) ?? environmentFolder(file);
    if (match?.[1] && match[2]) add(match[2], `${escapeGlob(match[1])}/**`);
  }
  const byFolder = new Set(found.keys());
  for (const file of files) {
    const name = TFVARS.exec(file)?.[1];
    const claimed = [...found.values()].some(
      (entry) => [...entry.paths].some((glob) => glob.endsWith("/**") && file.startsWith(unescapeGlob(glob.slice(0, -2))))
    );
    if (name && !claimed && (byFolder.has(canonicalName(name)) || readsLikeEnvironment(name))) add(name, escapeGlob(file));
  }
  for (const { path, namespaces } of manifests) {
    const names = new Set(namespaces.map(canonicalName));
    const [name] = names;
    const spelling = namespaces[0];
    if (names.size === 1 && name && spelling && (found.has(name) || ENVIRONMENT_WORDS.has(spelling))) add(spelling, escapeGlob(path));
  }
  const environments = [...found.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, entry]) => ({
    name,
    production: isProductionName(name),
    paths: [...entry.paths].sort(),
    identifiers: { accounts: [], vpcs: [], cidrs: [], domains: [], names: [], namespaces: [...entry.spellings].sort() },
    source: "inferred"
  }));
  if (environments.length === 0) {
    return {
      environments,
      notes: [
        "environments: none declared in the config and none found in the layout (envs/<name>/, environments/<name>/, overlays/<name>/, prod/ staging/ dev/ folders, <name>.tfvars, namespaces); separation not checked"
      ]
    };
  }
  const notes = [
    `environments: none declared in the config; inferred from the layout: ${environments.map((env) => `${env.name}${env.production ? " (production)" : ""} = ${env.paths.join(", ")}; namespaces ${env.identifiers.namespaces.join(", ")}`).join("; ")}`
  ];
  if (!environments.some((env) => env.production)) {
    notes.push("environments: no inferred environment is named prod, production or prd; references between environments are graded medium");
  }
  return { environments, notes };
}
function readsLikeEnvironment(name) {
  return name.toLowerCase().split(/[-_]/).some((part) => ENVIRONMENT_WORDS.has(part.replace(/\d+$/, "")));
}
function unescapeGlob(glob) {
  return glob.replace(/\\(.)/g, "$1");
}
function escapeGlob(path) {
  return path.replace(/[*?[\]{}()!+@\\]/g, "\\$&");
}
function createClassifier(model) {
  const matchers = model.environments.map((env) => ({
    env,
    isMatch: env.paths.length ? (0, import_picomatch.default)(env.paths, { dot: true }) : () => false
  }));
  return (path) => matchers.filter((matcher) => matcher.isMatch(path)).map((matcher) => matcher.env);
}

// checks/infra/suppressions.ts
var IGNORE = /(?:#|\/\/)\s*hipaa-guard:ignore\s+([A-Za-z0-9_*-]+)(.*)$/;
var COMMENT_OR_BLANK = /^\s*(#|\/\/|$)/;
function readSuppressions(text2) {
  const lines = text2.split("\n");
  const suppressions = [];
  lines.forEach((line, index2) => {
    const match = IGNORE.exec(line);
    if (!match) return;
    const options = match[2] ?? "";
    const reason = /reason="([^"]*)"/.exec(options)?.[1]?.trim();
    const until = /until=(\S+)/.exec(options)?.[1];
    let target = index2 + 1;
    while (target < lines.length && COMMENT_OR_BLANK.test(lines[target] ?? "")) target++;
    suppressions.push({
      ruleId: match[1],
      line: index2 + 1,
      target: target + 1,
      ...reason ? { reason } : {},
      ...until ? { until } : {}
    });
  });
  return suppressions;
}
function suppressionProblem(suppression, today) {
  if (!suppression.reason) return `suppression of ${suppression.ruleId} has no reason; write reason="..."`;
  if (suppression.until === void 0) return void 0;
  if (!isCalendarDate(suppression.until)) {
    return `suppression of ${suppression.ruleId} has until=${suppression.until}; expected a date as YYYY-MM-DD`;
  }
  if (suppression.until < today) return `suppression of ${suppression.ruleId} expired on ${suppression.until}`;
  return void 0;
}
function isCalendarDate(text2) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text2)) return false;
  const time = Date.parse(`${text2}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text2;
}
function applySuppressions(path, text2, findings, blocks, now) {
  const lines = text2.split("\n");
  return applySuppressionList(path, readSuppressions(text2), findings, blocks, now, (line) => lines[line - 1]?.trim());
}
function applySuppressionList(path, suppressions, findings, blocks, now, lineText = () => void 0) {
  const today = now.toISOString().slice(0, 10);
  const result = { findings: [], suppressed: [] };
  const valid = [];
  for (const suppression of suppressions) {
    const problem = suppressionProblem(suppression, today);
    if (!problem) {
      valid.push(suppression);
      continue;
    }
    const text2 = lineText(suppression.line);
    result.findings.push(
      makeFinding(SUPPRESSION_INVALID_RULE, {
        message: problem,
        location: { kind: "file", path, startLine: suppression.line, endLine: suppression.line },
        subject: `${path}#${suppression.ruleId}#${suppression.target}`,
        ...text2 === void 0 ? {} : { evidence: { actual: text2 } }
      })
    );
  }
  for (const finding of findings) {
    const covering = valid.find((suppression) => covers(suppression, finding, blocks));
    if (!covering) {
      result.findings.push(finding);
      continue;
    }
    result.suppressed.push({
      finding,
      reason: covering.reason,
      ...covering.until ? { until: covering.until } : {},
      source: { kind: "file", path, startLine: covering.line, endLine: covering.line }
    });
  }
  return result;
}
function covers(suppression, finding, blocks) {
  if (finding.location.kind !== "file" || suppression.ruleId !== finding.ruleId) return false;
  const line = finding.location.startLine;
  if (line === suppression.target) return true;
  return blocks.some((block) => block.startLine === suppression.target && block.startLine <= line && line <= block.endLine);
}

// checks/environments/model.ts
var STATE_LOCATION_KEYS = ["key", "prefix", "path", "workspace_key_prefix"];
function hasStateLocation(backend) {
  return STATE_LOCATION_KEYS.some((key) => backend.fields[key] !== void 0);
}

// checks/environments/collect.ts
var BACKEND_KEYS = ["bucket", "storage_account_name", "container_name", "resource_group_name", "organization", "hostname", ...STATE_LOCATION_KEYS];
var DATA_STORE = /(db|database|rds|aurora|postgres|pg|mysql|mariadb|redis|cache|mongo|search|kafka|broker|queue|amqp|sql)/;
var HOST_SUFFIX = /(host|hostname|endpoint|url|uri|address|dsn|server)$/;
var NAMED_TYPES = {
  aws_secretsmanager_secret: "secret",
  aws_ssm_parameter: "secret",
  aws_eks_cluster: "cluster",
  aws_ecs_cluster: "cluster",
  aws_kms_alias: "KMS key",
  google_container_cluster: "cluster",
  google_storage_bucket: "bucket",
  azurerm_key_vault: "secret",
  azurerm_kubernetes_cluster: "cluster",
  "AWS::SecretsManager::Secret": "secret",
  "AWS::EKS::Cluster": "cluster",
  "AWS::ECS::Cluster": "cluster",
  Namespace: "namespace"
};
function normalizeKey(key) {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}
function definingKey(key, block, path, indent) {
  const k = normalizeKey(key);
  if (k === "namespace" && indent === 0 && /(^|\/)kustomization\.ya?ml$/.test(path)) {
    return { kind: "namespace", label: "namespace", shareable: false };
  }
  const namedLabel = block ? NAMED_TYPES[block.type] : void 0;
  if (namedLabel && (k === "name" || k === "aliasname")) {
    return namedLabel === "namespace" ? { kind: "namespace", label: "namespace", shareable: false } : { kind: "name", label: namedLabel, shareable: true };
  }
  if (/^(source|destination)/.test(k)) return void 0;
  if (/(cidr|cidrblock)$/.test(k) || k === "addressspace" || k === "ipcidrrange") {
    return { kind: "cidr", label: "network range", shareable: false };
  }
  if (k === "vpcid" || k === "transitgatewayid") return { kind: "vpc", label: k === "vpcid" ? "VPC" : "transit gateway", shareable: true };
  if (k === "accountid" || k === "allowedaccountids" || k === "awsaccountid") return { kind: "account", label: "cloud account", shareable: true };
  if (/(identifier|dbinstanceidentifier|dbclusteridentifier)$/.test(k)) return { kind: "name", label: "database", shareable: true };
  if (DATA_STORE.test(k) && HOST_SUFFIX.test(k)) return { kind: "domain", label: "data store host", shareable: true };
  if (/(bucket|bucketname)$/.test(k)) return { kind: "name", label: "bucket", shareable: true };
  if (/^(kmskeyid|kmskeyarn|kmsmasterkeyid|kmskey|kmskeyname)$/.test(k)) return { kind: "name", label: "KMS key", shareable: true };
  if (/(secretid|secretarn|secretname)$/.test(k)) return { kind: "name", label: "secret", shareable: true };
  if (/(cluster|clustername|clusterarn)$/.test(k)) return { kind: "name", label: "cluster", shareable: true };
  return void 0;
}
var HCL_HEADER = /^\s*(resource|data|module|variable|output|provider)\s+"/;
function isSpecificName(value) {
  return /[^A-Za-z]/.test(value) || value.length >= 10;
}
var KEY_LINE = /^(\s*)(?:-\s+)?["']?([A-Za-z_][\w./-]*)["']?\s*[:=](?!=)\s*(.*)$/;
var TOKEN = /[A-Za-z0-9][\w.:/@-]*/g;
var QUOTED = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
var HOST = /^(?=.{4,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
function collectFileFacts(path, text2) {
  const lines = text2.split(/\r?\n/);
  const contexts = lineContexts(path, lines);
  const hcl = isHclPath(path);
  const syntax = hcl ? "hcl" : isYamlPath(path) ? "yaml" : "none";
  const facts = {
    path,
    definitions: [],
    tokens: [],
    backends: [],
    suppressions: readSuppressions(text2).filter((suppression) => suppression.ruleId.startsWith("ENV-")),
    blocks: [...new Set(contexts.flatMap((context) => context.block ? [context.block] : []))].map(({ startLine, endLine }) => ({ startLine, endLine }))
  };
  const backends = /* @__PURE__ */ new Map();
  let listKey;
  lines.forEach((raw, index2) => {
    const line = withoutComment(raw, syntax);
    if (!line.trim()) return;
    const place = { path, line: index2 + 1, column: line.length - line.trimStart().length + 1 };
    const context = contexts[index2] ?? {};
    const attribute2 = attributeOf(line, listKey);
    listKey = attribute2.listKey;
    if (!(hcl && HCL_HEADER.test(line))) facts.tokens.push(...tokensOf(line, place, attribute2, context.block));
    if (attribute2.key === void 0) return;
    const literals = literalValues(line, attribute2.valueColumn, hcl);
    if (context.backend && BACKEND_KEYS.includes(attribute2.key)) {
      const id = `${context.backend}@${context.block?.startLine ?? 0}`;
      const backend = backends.get(id) ?? { type: context.backend, fields: {}, place };
      backends.set(id, backend);
      facts.definitions.push(...backendDefinitions(backend, attribute2.key, literals[0], place, context.block));
      return;
    }
    const defining = context.block && isNetworkBlock(context.block) ? void 0 : definingKey(attribute2.key, context.block, path, place.column - 1);
    if (defining) facts.definitions.push(...definitionsOf(defining, attribute2.key, literals, place, context.block));
  });
  facts.backends = [...backends.values()];
  return facts;
}
function attributeOf(line, listKey) {
  const match = KEY_LINE.exec(line);
  const indent = line.length - line.trimStart().length;
  if (match) {
    const key = match[2] ?? "";
    const rest = match[3] ?? "";
    return { key, valueColumn: line.length - rest.length, ...rest.trim() === "" ? { listKey: { key, indent } } : {} };
  }
  if (listKey && /^\s*-\s/.test(line) && indent >= listKey.indent) return { key: listKey.key, valueColumn: line.indexOf("-") + 1, listKey };
  return { valueColumn: 0, ...listKey && indent > listKey.indent ? { listKey } : {} };
}
var NAMESPACE_KEYS = ["namespace", "namespaces", "kubernetesiometadataname"];
function tokensOf(line, place, attribute2, block) {
  const namespaceKey = attribute2.key !== void 0 && NAMESPACE_KEYS.includes(normalizeKey(attribute2.key));
  return [...line.matchAll(TOKEN)].map((match) => {
    const column = match.index + 1;
    const inValue = attribute2.key !== void 0 && column > attribute2.valueColumn;
    const token = { text: match[0].replace(/[.:/-]+$/, ""), place: { ...place, column }, namespaceContext: namespaceKey && inValue };
    if (inValue && attribute2.key !== void 0) token.key = attribute2.key;
    if (block) token.block = block;
    return token;
  });
}
function backendDefinitions(backend, key, literal, place, block) {
  if (!literal) return [];
  backend.fields[key] = literal.value;
  if (key === "bucket") return [definition({ kind: "name", label: "state bucket", shareable: false }, key, literal, place, block)];
  if (STATE_LOCATION_KEYS.includes(key)) return [definition({ kind: "state", label: "state file", shareable: false }, key, literal, place, block)];
  return [];
}
function definitionsOf(defining, key, literals, place, block) {
  return literals.flatMap((literal) => {
    const value = defining.kind === "domain" ? hostOf(literal.value) : literal.value;
    if (value === void 0 || defining.kind === "cidr" && !/[.:]/.test(value)) return [];
    if (defining.kind === "account" && !/^\d{12}$/.test(value)) return [];
    if (defining.kind === "name" && !isSpecificName(value)) return [];
    return [definition(defining, key, { value, column: literal.column }, place, block)];
  });
}
function definition(defining, key, literal, place, block) {
  const result = { ...defining, value: literal.value, key, place: { ...place, column: literal.column } };
  if (block) result.block = block.name ? `${block.type}.${block.name}` : block.type;
  return result;
}
function literalValues(line, valueColumn, hcl) {
  const rest = line.slice(valueColumn);
  const quoted = [...rest.matchAll(QUOTED)].map((m) => ({ value: m[1] ?? m[2] ?? "", column: valueColumn + m.index + 2 }));
  const values = quoted.length || hcl ? quoted : bareScalar(rest, valueColumn);
  return values.filter((literal) => literal.value && !/\$\{|\{\{|^!/.test(literal.value));
}
function bareScalar(rest, valueColumn) {
  const value = rest.trim().replace(/,$/, "");
  if (!value || /^[[{|>&*!]/.test(value)) return [];
  return [{ value, column: valueColumn + rest.indexOf(value) + 1 }];
}
function hostOf(value) {
  const candidates = value.split(/[/:@?]/).filter(Boolean);
  return candidates.find((part) => HOST.test(part) && !/^\d+(\.\d+)*$/.test(part))?.toLowerCase();
}
function withoutComment(line, syntax) {
  if (syntax === "none") return line;
  let quote;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = void 0;
      continue;
    }
    if (c === '"' || c === "'" && syntax === "yaml") quote = c;
    const startsComment = syntax === "hcl" ? c === "#" || c === "/" && line[i + 1] === "/" : c === "#" && (i === 0 || /\s/.test(line[i - 1] ?? ""));
    if (startsComment) return line.slice(0, i);
  }
  return line;
}

// checks/environments/resolve-values.ts
import { posix as posix4 } from "node:path";

// checks/infra/terraform/parse-terraform.ts
import { posix as posix3 } from "node:path";

// checks/infra/terraform/configuration.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
import { posix as posix2 } from "node:path";

// checks/infra/terraform/functions.ts
import { isIP } from "node:net";
import { posix } from "node:path";
var list = (value, node) => {
  if (Array.isArray(value)) return value;
  throw new EvalError(`${node.text}: expected a list, got ${describeType(value)}`);
};
var object = (value, node) => {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value;
  throw new EvalError(`${node.text}: expected a map or object, got ${describeType(value)}`);
};
var text = (value, node) => toStringValue(value, node);
var numbers = (args, node) => (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map((arg) => toNumber(arg, node));
var distinct = (items) => items.filter((item, position) => items.findIndex((other) => equal(other, item)) === position);
var STRUCTURAL = {
  length: ([value], node) => {
    if (typeof value === "string") return [...value].length;
    return Array.isArray(value) ? value.length : Object.keys(object(value, node)).length;
  },
  concat: (args, node) => args.flatMap((arg) => list(arg, node)),
  merge: (args, node) => Object.assign({}, ...args.filter((arg) => arg !== null).map((arg) => object(arg, node))),
  element: ([items, position], node) => {
    const values = list(items, node);
    if (!values.length) throw new EvalError(`${node.text}: element() of an empty list`);
    return values[(toNumber(position, node) % values.length + values.length) % values.length];
  },
  keys: ([value], node) => Object.keys(object(value, node)).sort(),
  values: ([value], node) => {
    const map = object(value, node);
    return Object.keys(map).sort().map((key) => map[key]);
  },
  lookup: ([map, key, fallback], node) => {
    const values = object(map, node);
    const name = text(key, node);
    if (Object.hasOwn(values, name)) return values[name];
    if (fallback === void 0) throw new EvalError(`${node.text}: no key "${name}" and no default`);
    return fallback;
  },
  tolist: ([value], node) => list(value, node),
  jsondecode: ([value], node) => {
    if (typeof value === "number" || typeof value === "boolean") return value;
    if (typeof value !== "string") throw new EvalError(`${node.text}: expected a string, got ${describeType(value)}`);
    try {
      return JSON.parse(value);
    } catch {
      throw new EvalError(`${node.text}: not valid JSON`);
    }
  },
  // A JSON document kept as a structure (a policy document's `json`) is a non-empty string, whatever its unknown parts.
  compact: ([items], node, widen2) => {
    const values = list(items, node);
    const pending = values.find(isUnresolved);
    return pending ? widen2(pending) : values.filter((item) => item !== null && item !== "");
  },
  tomap: ([value], node) => object(value, node),
  zipmap: ([names, items], node) => {
    const keys = list(names, node).map((key) => text(key, node));
    const values = list(items, node);
    return Object.fromEntries(keys.map((key, position) => [key, values[position]]));
  },
  slice: ([items, from, to], node) => list(items, node).slice(toNumber(from, node), toNumber(to, node)),
  one: ([items], node) => {
    const values = list(items, node);
    if (values.length > 1) throw new EvalError(`${node.text}: one() of a list with ${values.length} elements`);
    return values[0] ?? null;
  },
  jsonencode: ([value]) => value,
  coalescelist: (args, node) => args.map((arg) => list(arg, node)).find((items) => items.length) ?? [],
  reverse: ([items], node) => [...list(items, node)].reverse(),
  // Only an unknown that could itself be a list keeps the result unknown: an object with an unknown attribute (a KMS key ARN) is one element.
  flatten: ([items], node, widen2) => {
    let cause;
    const flat = (value) => {
      if (isUnresolved(value)) cause ??= value;
      return Array.isArray(value) ? value.flatMap(flat) : [value];
    };
    const result = flat(list(items, node));
    return cause ? widen2(cause) : result;
  }
};
var SCALAR = {
  contains: ([items, value], node) => list(items, node).some((item) => equal(item, value)),
  distinct: ([items], node) => distinct(list(items, node)),
  toset: ([items], node) => distinct(list(items, node)),
  sort: ([items], node) => list(items, node).map((item) => text(item, node)).sort(),
  index: ([items, value], node) => {
    const position = list(items, node).findIndex((item) => equal(item, value));
    if (position < 0) throw new EvalError(`${node.text}: the value is not in the list`);
    return position;
  },
  range: (args, node) => {
    const [start, end, step] = args.length === 1 ? [0, toNumber(args[0], node), 1] : [toNumber(args[0], node), toNumber(args[1], node), args[2] === void 0 ? 1 : toNumber(args[2], node)];
    if (step === 0 || Math.abs((end - start) / step) > 1024) throw new EvalError(`${node.text}: range() too long`);
    const result = [];
    for (let value = start; step > 0 ? value < end : value > end; value += step) result.push(value);
    return result;
  },
  alltrue: ([items], node) => list(items, node).every((item) => toBool(item, node)),
  anytrue: ([items], node) => list(items, node).some((item) => toBool(item, node)),
  tostring: ([value], node) => value === null ? null : text(value, node),
  tonumber: ([value], node) => value === null ? null : toNumber(value, node),
  tobool: ([value], node) => value === null ? null : toBool(value, node),
  format: ([pattern, ...args], node) => format(text(pattern, node), args, node),
  join: ([separator, items], node) => list(items, node).map((item) => text(item, node)).join(text(separator, node)),
  split: ([separator, value], node) => text(value, node).split(text(separator, node)),
  lower: ([value], node) => text(value, node).toLowerCase(),
  upper: ([value], node) => text(value, node).toUpperCase(),
  title: ([value], node) => text(value, node).replace(/\b\w/g, (first) => first.toUpperCase()),
  trimspace: ([value], node) => text(value, node).trim(),
  trimprefix: ([value, prefix], node) => {
    const whole = text(value, node);
    return whole.startsWith(text(prefix, node)) ? whole.slice(text(prefix, node).length) : whole;
  },
  trimsuffix: ([value, suffix], node) => {
    const whole = text(value, node);
    return whole.endsWith(text(suffix, node)) ? whole.slice(0, whole.length - text(suffix, node).length) : whole;
  },
  startswith: ([value, prefix], node) => text(value, node).startsWith(text(prefix, node)),
  endswith: ([value, suffix], node) => text(value, node).endsWith(text(suffix, node)),
  strcontains: ([value, part], node) => text(value, node).includes(text(part, node)),
  substr: ([value, offset, length], node) => {
    const chars = [...text(value, node)];
    const start = toNumber(offset, node);
    const count = toNumber(length, node);
    return chars.slice(start < 0 ? chars.length + start : start, count < 0 ? void 0 : (start < 0 ? chars.length + start : start) + count).join("");
  },
  replace: ([value, search, replacement], node) => {
    const pattern = text(search, node);
    const regex = /^\/(.*)\/$/s.exec(pattern);
    if (regex) {
      try {
        return text(value, node).replace(new RegExp(regex[1], "g"), text(replacement, node).replace(/\$\{?(\d+)\}?/g, "$$$1"));
      } catch {
        throw new EvalError(`${node.text}: invalid regular expression`);
      }
    }
    return text(value, node).split(pattern).join(text(replacement, node));
  },
  basename: ([value], node) => posix.basename(text(value, node)),
  dirname: ([value], node) => posix.dirname(text(value, node)),
  min: (args, node) => Math.min(...numbers(args, node)),
  max: (args, node) => Math.max(...numbers(args, node)),
  abs: ([value], node) => Math.abs(toNumber(value, node)),
  ceil: ([value], node) => Math.ceil(toNumber(value, node)),
  floor: ([value], node) => Math.floor(toNumber(value, node)),
  cidrsubnet: ([prefix, newbits, netnum], node) => cidrsubnet(text(prefix, node), toNumber(newbits, node), toNumber(netnum, node), node),
  cidrnetmask: ([prefix], node) => cidrnetmask(text(prefix, node), node),
  cidrhost: ([prefix, hostnum], node) => cidrhost(text(prefix, node), toNumber(hostnum, node), node),
  setunion: (args, node) => distinct(args.flatMap((arg) => list(arg, node))),
  setintersection: ([first, ...rest], node) => distinct(list(first, node)).filter((item) => rest.every((other) => list(other, node).some((candidate) => equal(candidate, item)))),
  setsubtract: ([first, second], node) => list(first, node).filter((item) => !list(second, node).some((other) => equal(other, item)))
};
var UNKNOWABLE = {
  file: "reads a file at plan time",
  fileexists: "reads a file at plan time",
  templatefile: "reads a file at plan time",
  filebase64: "reads a file at plan time",
  timestamp: "is the time of the run",
  uuid: "is random",
  bcrypt: "is random"
};
function callFunction(name, args, node, widen2) {
  if (Object.hasOwn(UNKNOWABLE, name)) return unknownAt(node, `${name}() ${UNKNOWABLE[name]}`);
  if (name === "coalesce") return coalesce(args, widen2);
  if (name === "replace" && isDocument(args[0])) return replaceInDocument(args[0], args[1], args[2], node, widen2);
  const top = args.find(isUnresolved);
  if (top) return widen2(top);
  if (Object.hasOwn(STRUCTURAL, name)) return STRUCTURAL[name](args, node, widen2);
  if (Object.hasOwn(SCALAR, name)) {
    const deep = args.map((arg) => firstUnknown(arg)).find((found) => found !== void 0);
    if (deep) return widen2(deep);
    return SCALAR[name](args, node, widen2);
  }
  return unknownAt(node, `the function ${name}() is not evaluated by hipaa-guard`);
}
function format(pattern, args, node) {
  let next = 0;
  return pattern.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[svdtfqx])/g, (whole, verb) => {
    if (verb === "%") return "%";
    const value = args[next++];
    const kind = verb.at(-1);
    const width = /(\d+)/.exec(verb.replace(/\.\d+$/, ""))?.[1];
    let out;
    if (kind === "d") out = String(Math.trunc(toNumber(value, node)));
    else if (kind === "f") out = toNumber(value, node).toFixed(Number(/\.(\d+)/.exec(verb)?.[1] ?? 6));
    else if (kind === "q") out = JSON.stringify(text(value, node));
    else if (kind === "t") out = String(toBool(value, node));
    else if (kind === "x") out = toNumber(value, node).toString(16);
    else out = text(value, node);
    return width && !verb.startsWith("-") ? out.padStart(Number(width), verb.includes("0") && kind === "d" ? "0" : " ") : out;
  });
}
function cidrsubnet(prefix, newbits, netnum, node) {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix);
  if (!match) return unknownAt(node, "cidrsubnet() is evaluated for IPv4 prefixes only");
  const octets = match.slice(1, 5).map(Number);
  const length = Number(match[5]) + newbits;
  if (octets.some((octet) => octet > 255) || length > 32 || netnum >= 2 ** newbits || netnum < 0) throw new EvalError(`${node.text}: prefix out of range`);
  const base = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - length);
  const network = Math.floor(base / 2 ** (32 - Number(match[5]))) * 2 ** (32 - Number(match[5])) + netnum * size;
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".")}/${length}`;
}
function parseCidr(prefix, node) {
  const slash = prefix.lastIndexOf("/");
  const host = prefix.slice(0, slash);
  const length = Number(prefix.slice(slash + 1));
  const version = slash > 0 && /^\d+$/.test(prefix.slice(slash + 1)) ? isIP(host) : 0;
  const bits = version === 4 ? 32 : 128;
  if (!version || length > bits) throw new EvalError(`${node.text}: "${prefix}" is not a valid CIDR prefix`);
  if (version === 4) return { bits, length, address: host.split(".").reduce((sum, octet) => (sum << 8n) + BigInt(octet), 0n) };
  const [head = "", tail = ""] = host.includes("::") ? host.split("::") : [host, ""];
  const groups = (part) => part ? part.split(":") : [];
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array(host.includes("::") ? missing : 0).fill("0"), ...groups(tail)];
  return { bits, length, address: all.reduce((sum, group) => (sum << 16n) + BigInt(`0x${group}`), 0n) };
}
function formatAddress(bits, address) {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((shift) => String(address >> shift & 255n)).join(".");
  const groups = Array.from({ length: 8 }, (_, position) => (address >> BigInt(112 - 16 * position) & 0xffffn).toString(16));
  const runs = [...groups.join(",").matchAll(/(?:^|,)(0(?:,0)+)(?=,|$)/g)].map((match) => match[1]);
  const longest = runs.sort((a, b) => b.length - a.length)[0];
  if (!longest) return groups.join(":");
  const joined = `,${groups.join(",")},`.replace(`,${longest},`, "::").replace(/^,|,$/g, "");
  return joined.replaceAll(",", ":");
}
function cidrnetmask(prefix, node) {
  const { bits, length } = parseCidr(prefix, node);
  if (bits !== 32) throw new EvalError(`${node.text}: only IPv4 prefixes have a netmask`);
  return formatAddress(32, (1n << 32n) - 1n ^ (1n << BigInt(32 - length)) - 1n);
}
function cidrhost(prefix, hostnum, node) {
  const { bits, address, length } = parseCidr(prefix, node);
  const size = 1n << BigInt(bits - length);
  const host = BigInt(Math.trunc(hostnum));
  const offset = host < 0n ? size + host : host;
  if (offset < 0n || offset >= size) throw new EvalError(`${node.text}: host number ${hostnum} does not fit in ${prefix}`);
  return formatAddress(bits, (address >> BigInt(bits - length) << BigInt(bits - length)) + offset);
}
function coalesce(args, widen2) {
  for (const arg of args) {
    if (isUnresolved(arg)) return widen2(arg);
    if (arg !== null && arg !== "") return arg;
  }
  throw new EvalError("coalesce(): every argument is null or empty");
}
var isDocument = (value) => value !== null && typeof value === "object" && !isUnresolved(value);
var PLAIN = /^[A-Za-z0-9_.-]+$/;
function replaceInDocument(document, search, replacement, node, widen2) {
  if (isUnresolved(search)) return widen2(search);
  const pattern = text(search, node);
  const unknown = (reason) => unknownAt(node, reason);
  if (!PLAIN.test(pattern)) return unknown(`replace() of "${pattern}" in a JSON document is evaluated only for plain text (letters, digits, "_", "-", ".")`);
  const escapes = (value) => /[<>&\u2028\u2029]/.test(value) || JSON.stringify(value).length !== value.length + 2;
  if (!isUnresolved(replacement) && escapes(text(replacement, node))) return unknown("replace() would put characters JSON escapes into the document");
  const swap = (value) => {
    const escaped = JSON.stringify(value).slice(1, -1).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
    if (!escaped.includes(pattern)) return value;
    if (isUnresolved(replacement)) return unknownAt(node, reasonOf(replacement));
    return JSON.parse(`"${escaped.split(pattern).join(text(replacement, node))}"`);
  };
  const walk = (value) => {
    if (isUnresolved(value)) return value;
    if (typeof value === "string") return swap(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === "object") {
      const entries = [];
      for (const [key, item] of Object.entries(value)) {
        const name = swap(key);
        if (isUnresolved(name)) throw new KeyUnknown(name);
        entries.push([name, walk(item)]);
      }
      return Object.fromEntries(entries);
    }
    if (JSON.stringify(value).includes(pattern)) throw new KeyUnknown(unknown(`replace() of "${pattern}" would change a number or literal of the document`));
    return value;
  };
  try {
    return walk(document);
  } catch (error) {
    if (error instanceof KeyUnknown) return error.cause;
    throw error;
  }
}
var KeyUnknown = class extends Error {
  constructor(cause) {
    super(cause.expression);
    this.cause = cause;
  }
  cause;
};

// checks/infra/terraform/evaluate.ts
var EvalError = class extends Error {
};
function unknownBecause(expression, reason, branches) {
  return unresolved(expression, branches, reason);
}
function unknownAt(node, reason, branches) {
  return unknownBecause(`\${${node.text}}`, reason, branches);
}
function reasonOf(cause) {
  return cause.reason ?? `${cause.expression} is not known`;
}
function widen(node, cause) {
  return unknownBecause(expressionOf(node), reasonOf(cause));
}
function expressionOf(node) {
  return node.kind === "template" && node.body ? node.text : `\${${node.text}}`;
}
function withSymbols(scope, symbols) {
  return {
    reference: (root, name, node) => symbols.has(root) ? attribute(symbols.get(root), name, node) : scope.reference(root, name, node),
    symbol: (name, node) => symbols.has(name) ? symbols.get(name) : scope.symbol(name, node)
  };
}
function evaluate(node, scope) {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "template":
      return template(node, node.parts, scope, true);
    case "variable":
      return scope.symbol(node.name, node);
    case "anon":
      return scope.symbol("", node);
    case "attr": {
      if (node.target.kind === "variable") return scope.reference(node.target.name, node.name, node);
      const target = evaluate(node.target, scope);
      return isUnresolved(target) ? widen(node, target) : attribute(target, node.name, node);
    }
    case "index": {
      const target = evaluate(node.target, scope);
      if (isUnresolved(target)) return widen(node, target);
      const key = evaluate(node.key, scope);
      if (isUnresolved(key)) return widen(node, key);
      return index(target, key, node);
    }
    case "splat": {
      const target = evaluate(node.target, scope);
      if (isUnresolved(target)) return widen(node, target);
      if (target === null || target === void 0) return [];
      const items = Array.isArray(target) ? target : [target];
      return items.map((item) => isUnresolved(item) ? item : evaluate(node.each, withSymbols(scope, /* @__PURE__ */ new Map([["", item]]))));
    }
    case "call":
      return call(node, scope);
    case "tuple":
      return node.items.map((item) => evaluate(item, scope));
    case "object": {
      const entries = [];
      for (const item of node.items) {
        const key = evaluate(item.key, scope);
        if (isUnresolved(key)) return widen(node, key);
        entries.push([toStringValue(key, item.key), evaluate(item.value, scope)]);
      }
      return Object.fromEntries(entries);
    }
    case "for":
      return forExpression(node, scope);
    case "conditional":
      return conditional(node, scope);
    case "binary":
      return binary(node, scope);
    case "unary": {
      const operand = evaluate(node.operand, scope);
      if (isUnresolved(operand)) return widen(node, operand);
      return node.operator === "!" ? !toBool(operand, node) : -toNumber(operand, node);
    }
  }
}
function evaluateSafely(node, scope, expression) {
  try {
    return evaluate(node, scope);
  } catch (error) {
    if (error instanceof EvalError) return unknownBecause(expression, error.message);
    throw error;
  }
}
function attribute(target, name, node) {
  if (isUnresolved(target)) return widen(node, target);
  if (target !== null && typeof target === "object" && !Array.isArray(target)) {
    if (Object.hasOwn(target, name)) return target[name];
    throw new EvalError(`${node.text}: this object has no attribute "${name}"`);
  }
  throw new EvalError(`${node.text}: cannot read attribute "${name}" of ${describeType(target)}`);
}
function index(target, key, node) {
  if (Array.isArray(target)) {
    const position = toNumber(key, node);
    if (!Number.isInteger(position) || position < 0 || position >= target.length) throw new EvalError(`${node.text}: index ${position} is out of range`);
    return target[position];
  }
  if (target !== null && typeof target === "object") {
    const name = toStringValue(key, node);
    if (Object.hasOwn(target, name)) return target[name];
    throw new EvalError(`${node.text}: no element "${name}"`);
  }
  throw new EvalError(`${node.text}: cannot index ${describeType(target)}`);
}
function template(node, parts, scope, whole) {
  const only = parts.length === 1 ? parts[0] : void 0;
  if (whole && only?.kind === "interpolation") return evaluate(only.expr, scope);
  let text2 = "";
  for (const part of parts) {
    const value = templatePart(node, part, scope);
    if (isUnresolved(value)) return value;
    text2 += value;
  }
  return text2;
}
function templatePart(node, part, scope) {
  switch (part.kind) {
    case "text":
      return part.value;
    case "interpolation": {
      const value = evaluate(part.expr, scope);
      if (isUnresolved(value)) return widen(node, value);
      if (containsUnknown(value)) return widen(node, firstUnknown(value));
      return toStringValue(value, part.expr);
    }
    case "if": {
      const condition = evaluate(part.condition, scope);
      if (isUnresolved(condition)) return widen(node, condition);
      const chosen = toBool(condition, part.condition) ? part.then : part.otherwise;
      return template(node, chosen, scope, false);
    }
    case "for": {
      const collection = evaluate(part.collection, scope);
      if (isUnresolved(collection)) return widen(node, collection);
      let text2 = "";
      for (const [key, value] of iterate(collection, part.collection)) {
        const symbols = /* @__PURE__ */ new Map([[part.valueVar, value]]);
        if (part.keyVar) symbols.set(part.keyVar, key);
        const piece = template(node, part.body, withSymbols(scope, symbols), false);
        if (isUnresolved(piece)) return piece;
        text2 += piece;
      }
      return text2;
    }
  }
}
function iterate(collection, node) {
  if (Array.isArray(collection)) return collection.map((item, position) => [position, item]);
  if (collection !== null && typeof collection === "object")
    return Object.keys(collection).sort().map((key) => [key, collection[key]]);
  throw new EvalError(`${node.text}: cannot iterate over ${describeType(collection)}`);
}
function forExpression(node, scope) {
  const collection = evaluate(node.collection, scope);
  if (isUnresolved(collection)) return widen(node, collection);
  const items = [];
  const entries = /* @__PURE__ */ new Map();
  for (const [key, value] of iterate(collection, node.collection)) {
    const symbols = /* @__PURE__ */ new Map([[node.valueVar, value]]);
    if (node.keyVar) symbols.set(node.keyVar, key);
    const inner = withSymbols(scope, symbols);
    if (node.condition) {
      const keep = evaluate(node.condition, inner);
      if (isUnresolved(keep)) return widen(node, keep);
      if (!toBool(keep, node.condition)) continue;
    }
    const item = evaluate(node.value, inner);
    if (!node.key) {
      items.push(item);
      continue;
    }
    const name = evaluate(node.key, inner);
    if (isUnresolved(name)) return widen(node, name);
    const text2 = toStringValue(name, node.key);
    if (node.grouped) entries.set(text2, [...entries.get(text2) ?? [], item]);
    else if (entries.has(text2)) throw new EvalError(`${node.text}: duplicate key "${text2}" (add "..." to group values)`);
    else entries.set(text2, item);
  }
  return node.key ? Object.fromEntries(entries) : items;
}
function conditional(node, scope) {
  const condition = evaluate(node.condition, scope);
  if (!isUnresolved(condition)) return evaluate(toBool(condition, node.condition) ? node.then : node.otherwise, scope);
  const arm = (expr) => {
    try {
      return evaluate(expr, scope);
    } catch (error) {
      if (error instanceof EvalError) return unknownAt(expr, error.message);
      throw error;
    }
  };
  const then = arm(node.then);
  const otherwise = arm(node.otherwise);
  if (!containsUnknown(then) && equal(then, otherwise)) return then;
  return unknownAt(node, reasonOf(condition), [then, otherwise]);
}
function binary(node, scope) {
  const left = evaluate(node.left, scope);
  if (!isUnresolved(left) && (node.operator === "&&" && !toBool(left, node.left) || node.operator === "||" && toBool(left, node.left))) {
    return node.operator === "||";
  }
  const right = evaluate(node.right, scope);
  if (isUnresolved(left)) return widen(node, left);
  if (isUnresolved(right)) return widen(node, right);
  switch (node.operator) {
    case "&&":
    case "||":
      return toBool(right, node.right);
    case "==":
    case "!=": {
      const same = equalKnown(left, right);
      if (same === void 0) return widen(node, firstUnknown(left) ?? firstUnknown(right));
      return same === (node.operator === "==");
    }
    default: {
      const a = toNumber(left, node.left);
      const b = toNumber(right, node.right);
      const results = {
        "+": () => a + b,
        "-": () => a - b,
        "*": () => a * b,
        "/": () => {
          if (b === 0) throw new EvalError(`${node.text}: division by zero`);
          return a / b;
        },
        "%": () => a % b,
        "<": () => a < b,
        "<=": () => a <= b,
        ">": () => a > b,
        ">=": () => a >= b
      };
      return results[node.operator]();
    }
  }
}
function call(node, scope) {
  if (node.name === "try" || node.name === "can") {
    for (const arg of node.args) {
      try {
        const value = evaluate(arg, scope);
        if (isUnresolved(value)) return widen(node, value);
        return node.name === "can" ? true : value;
      } catch (error) {
        if (!(error instanceof EvalError)) throw error;
        if (node.name === "can") return false;
      }
    }
    throw new EvalError(`${node.text}: no argument of try() could be evaluated`);
  }
  let args = node.args.map((arg) => evaluate(arg, scope));
  if (node.expand) {
    const last = args.at(-1);
    if (isUnresolved(last)) return widen(node, last);
    if (!Array.isArray(last)) throw new EvalError(`${node.text}: "..." needs a list`);
    args = [...args.slice(0, -1), ...last];
  }
  return callFunction(node.name, args, node, (cause) => widen(node, cause));
}
function toBool(value, node) {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw new EvalError(`${node.text}: expected a bool, got ${describeType(value)}`);
}
function toNumber(value, node) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw new EvalError(`${node.text}: expected a number, got ${describeType(value)}`);
}
function toStringValue(value, node) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  throw new EvalError(`${node.text}: expected a string, got ${describeType(value)}`);
}
function describeType(value) {
  if (value === null || value === void 0) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
function equalKnown(a, b) {
  if (isUnresolved(a) || isUnresolved(b)) return void 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const items = a.map((item, position) => equalKnown(item, b[position]));
    return items.includes(false) ? false : items.includes(void 0) ? void 0 : true;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length || !keys.every((key) => Object.hasOwn(b, key))) return false;
    const values = keys.map((key) => equalKnown(a[key], b[key]));
    return values.includes(false) ? false : values.includes(void 0) ? void 0 : true;
  }
  return equal(a, b);
}
function equal(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, position) => equal(item, b[position]));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]));
  }
  return false;
}

// checks/infra/terraform/expression.ts
var ExpressionSyntaxError = class extends Error {
};
var MAX_DEPTH = 500;
var BINARY_LEVELS = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];
function parseTemplateBody(text2) {
  const parser = new Parser(text2);
  const parts = parser.templateParts(void 0, false);
  if (parser.position < text2.length) throw new ExpressionSyntaxError(`unexpected "${text2.slice(parser.position, parser.position + 10)}"`);
  return { kind: "template", parts, text: text2, body: true };
}
var Parser = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  position = 0;
  depth = 0;
  // ---------- templates ----------
  /**
   * Template parts until the end, or a directive keyword (`else`, `endif`, `endfor`) that closes
   * the enclosing directive (left unconsumed), or the closing quote when `quoted`.
   */
  templateParts(closers, quoted) {
    const parts = [];
    let literal = "";
    const flush = () => {
      if (literal) parts.push({ kind: "text", value: literal });
      literal = "";
    };
    while (this.position < this.text.length) {
      const c = this.text[this.position];
      const next = this.text[this.position + 1];
      if (quoted && c === '"') break;
      if (quoted && c === "\\") {
        literal += this.escape();
        continue;
      }
      if ((c === "$" || c === "%") && next === c && this.text[this.position + 2] === "{") {
        literal += `${c}{`;
        this.position += 3;
        continue;
      }
      if (c === "$" && next === "{") {
        flush();
        this.position += 2;
        this.stripMarker();
        const expr = this.nested(() => this.expression());
        this.closeTemplate();
        parts.push({ kind: "interpolation", expr });
        continue;
      }
      if (c === "%" && next === "{") {
        const keyword = /^%\{~?\s*([a-z]+)/.exec(this.text.slice(this.position, this.position + 20))?.[1];
        if (keyword && closers?.includes(keyword)) break;
        flush();
        parts.push(this.directive(keyword, quoted));
        continue;
      }
      literal += c;
      this.position++;
    }
    flush();
    return parts;
  }
  directive(keyword, quoted) {
    this.position += 2;
    this.stripMarker();
    this.blank(true);
    if (keyword === "if") {
      this.position += 2;
      const condition = this.nested(() => this.expression());
      this.closeTemplate();
      const then = this.templateParts(["else", "endif"], quoted);
      let otherwise = [];
      if (this.keywordDirective("else")) otherwise = this.templateParts(["endif"], quoted);
      if (!this.keywordDirective("endif")) throw new ExpressionSyntaxError("%{ if } without %{ endif }");
      return { kind: "if", condition, then, otherwise };
    }
    if (keyword === "for") {
      this.position += 3;
      const { keyVar, valueVar } = this.forVariables();
      const collection = this.nested(() => this.expression());
      this.closeTemplate();
      const body2 = this.templateParts(["endfor"], quoted);
      if (!this.keywordDirective("endfor")) throw new ExpressionSyntaxError("%{ for } without %{ endfor }");
      return { kind: "for", ...keyVar ? { keyVar } : {}, valueVar, collection, body: body2 };
    }
    throw new ExpressionSyntaxError(`unknown template directive "${keyword ?? ""}"`);
  }
  keywordDirective(keyword) {
    const match = new RegExp(`^%\\{~?\\s*${keyword}\\s*~?\\}`).exec(this.text.slice(this.position, this.position + 30));
    if (!match) return false;
    this.position += match[0].length;
    return true;
  }
  stripMarker() {
    if (this.text[this.position] === "~") this.position++;
  }
  closeTemplate() {
    this.blank(true);
    if (this.text[this.position] === "~") this.position++;
    this.expect("}");
  }
  escape() {
    const next = this.text[this.position + 1];
    this.position += 2;
    const simple = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" };
    if (next !== void 0 && next in simple) return simple[next];
    const width = next === "u" ? 4 : next === "U" ? 8 : 0;
    const hex = this.text.slice(this.position, this.position + width);
    if (width && /^[0-9A-Fa-f]+$/.test(hex) && hex.length === width) {
      this.position += width;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    throw new ExpressionSyntaxError(`invalid escape "\\${next ?? ""}"`);
  }
  // ---------- expressions ----------
  expression() {
    const start = this.position;
    const condition = this.binary(0);
    const end = this.position;
    this.blank(true);
    if (this.text[this.position] !== "?") {
      this.position = end;
      return condition;
    }
    this.position++;
    const then = this.nested(() => this.expression());
    this.blank(true);
    this.expect(":");
    const otherwise = this.nested(() => this.expression());
    return { kind: "conditional", condition, then, otherwise, text: this.slice(start) };
  }
  binary(level) {
    if (level >= BINARY_LEVELS.length) return this.unary();
    const start = this.position;
    let left = this.binary(level + 1);
    for (; ; ) {
      const end = this.position;
      this.blank(true);
      const operator = this.operatorAt(BINARY_LEVELS[level]);
      if (!operator) {
        this.position = end;
        return left;
      }
      this.position += operator.length;
      const right = this.nested(() => this.binary(level + 1));
      left = { kind: "binary", operator, left, right, text: this.slice(start) };
    }
  }
  operatorAt(operators) {
    return [...operators].sort((a, b) => b.length - a.length).find((operator) => this.text.startsWith(operator, this.position));
  }
  unary() {
    this.blank(true);
    const start = this.position;
    const c = this.text[this.position];
    if (c === "!" || c === "-") {
      this.position++;
      const operand = this.nested(() => this.unary());
      if (c === "-" && operand.kind === "literal" && typeof operand.value === "number")
        return { kind: "literal", value: -operand.value, text: this.slice(start) };
      return { kind: "unary", operator: c, operand, text: this.slice(start) };
    }
    return this.postfix(start, this.term());
  }
  /** Attribute access, indexes and splats after a term. */
  postfix(start, term) {
    let expr = term;
    for (; ; ) {
      const before = this.position;
      this.blank(false);
      const c = this.text[this.position];
      if (c === "." && this.text[this.position + 1] === "*") {
        this.position += 2;
        expr = { kind: "splat", target: expr, each: this.splatSteps(false), text: this.slice(start) };
        continue;
      }
      if (c === "[" && /^\[\s*\*\s*\]/.test(this.text.slice(this.position, this.position + 10))) {
        this.position = this.text.indexOf("]", this.position) + 1;
        expr = { kind: "splat", target: expr, each: this.splatSteps(true), text: this.slice(start) };
        continue;
      }
      const step = this.traversalStep(expr, start);
      if (!step) {
        this.position = before;
        return expr;
      }
      expr = step;
    }
  }
  traversalStep(target, start) {
    const c = this.text[this.position];
    if (c === "." && !this.text.startsWith("...", this.position)) {
      this.position++;
      const digits = /^\d+/.exec(this.text.slice(this.position, this.position + 20))?.[0];
      if (digits) {
        this.position += digits.length;
        return { kind: "index", target, key: { kind: "literal", value: Number(digits), text: digits }, text: this.slice(start) };
      }
      const name = this.identifier();
      if (!name) throw new ExpressionSyntaxError('expected an attribute name after "."');
      return { kind: "attr", target, name, text: this.slice(start) };
    }
    if (c === "[") {
      this.position++;
      const key = this.nested(() => this.expression());
      this.blank(true);
      this.expect("]");
      return { kind: "index", target, key, text: this.slice(start) };
    }
    return void 0;
  }
  /** The steps a splat applies to each element: attributes (and, for `[*]`, indexes too). */
  splatSteps(full) {
    const start = this.position;
    let each = { kind: "anon", text: "" };
    for (; ; ) {
      const before = this.position;
      this.blank(false);
      const c = this.text[this.position];
      if (c !== "." && !(full && c === "[")) break;
      if (c === "." && this.text[this.position + 1] === "*") break;
      const step = this.traversalStep(each, start);
      if (!step) {
        this.position = before;
        break;
      }
      each = step;
    }
    return each;
  }
  term() {
    this.blank(true);
    const start = this.position;
    const c = this.text[this.position];
    if (c === void 0) throw new ExpressionSyntaxError("expression ends early");
    if (c === "(") {
      this.position++;
      const inner = this.nested(() => this.expression());
      this.blank(true);
      this.expect(")");
      return inner;
    }
    if (c === '"') {
      this.position++;
      const parts = this.templateParts(void 0, true);
      this.expect('"');
      return { kind: "template", parts, text: this.slice(start) };
    }
    if (c === "<" && this.text[this.position + 1] === "<") return this.heredoc(start);
    if (c === "[") return this.nested(() => this.tuple(start));
    if (c === "{") return this.nested(() => this.object(start));
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.position, this.position + 64))?.[0];
    if (number) {
      this.position += number.length;
      return { kind: "literal", value: Number(number), text: number };
    }
    const name = this.identifier();
    if (!name) throw new ExpressionSyntaxError(`unexpected "${c}"`);
    if (name === "true" || name === "false") return { kind: "literal", value: name === "true", text: name };
    if (name === "null") return { kind: "literal", value: null, text: name };
    this.blank(false);
    if (this.text.startsWith("::", this.position)) throw new ExpressionSyntaxError("provider-defined functions are not evaluated");
    if (this.text[this.position] === "(") return this.nested(() => this.call(name, start));
    return { kind: "variable", name, text: name };
  }
  call(name, start) {
    this.position++;
    const args = [];
    let expand = false;
    for (; ; ) {
      this.blank(true);
      if (this.text[this.position] === ")") break;
      args.push(this.expression());
      this.blank(true);
      if (this.text.startsWith("...", this.position)) {
        expand = true;
        this.position += 3;
        this.blank(true);
      }
      if (this.text[this.position] === ",") this.position++;
      else break;
    }
    this.blank(true);
    this.expect(")");
    return { kind: "call", name, args, expand, text: this.slice(start) };
  }
  tuple(start) {
    this.position++;
    this.blank(true);
    if (this.keywordAhead("for")) return this.forExpression(start, false);
    const items = [];
    for (; ; ) {
      this.blank(true);
      if (this.text[this.position] === "]") break;
      items.push(this.expression());
      this.blank(true);
      if (this.text[this.position] === ",") this.position++;
      else break;
    }
    this.blank(true);
    this.expect("]");
    return { kind: "tuple", items, text: this.slice(start) };
  }
  object(start) {
    this.position++;
    this.blank(true);
    if (this.keywordAhead("for")) return this.forExpression(start, true);
    const items = [];
    for (; ; ) {
      this.blank(true);
      if (this.text[this.position] === "}") break;
      const keyStart = this.position;
      const key = this.expression();
      const literalKey = key.kind === "variable" ? { kind: "literal", value: key.name, text: key.name } : key;
      this.blank(true);
      const separator = this.text[this.position];
      if (separator !== "=" && separator !== ":") throw new ExpressionSyntaxError(`expected "=" after the object key ${this.slice(keyStart)}`);
      this.position++;
      const value = this.expression();
      items.push({ key: literalKey, value });
      const afterValue = this.position;
      this.blank(false);
      if (this.text[this.position] === ",") {
        this.position++;
        continue;
      }
      this.blank(true);
      if (this.text[this.position] === "}" || !this.text.slice(afterValue, this.position).includes("\n")) break;
    }
    this.blank(true);
    this.expect("}");
    return { kind: "object", items, text: this.slice(start) };
  }
  forExpression(start, object2) {
    this.position += 3;
    const { keyVar, valueVar } = this.forVariables();
    const collection = this.expression();
    this.blank(true);
    this.expect(":");
    let key;
    let value = this.expression();
    this.blank(true);
    let grouped = false;
    if (object2) {
      if (!this.text.startsWith("=>", this.position)) throw new ExpressionSyntaxError('expected "=>" in a for expression');
      this.position += 2;
      key = value;
      value = this.expression();
      this.blank(true);
      if (this.text.startsWith("...", this.position)) {
        grouped = true;
        this.position += 3;
        this.blank(true);
      }
    }
    let condition;
    if (this.keywordAhead("if")) {
      this.position += 2;
      condition = this.expression();
      this.blank(true);
    }
    this.expect(object2 ? "}" : "]");
    return {
      kind: "for",
      ...keyVar ? { keyVar } : {},
      valueVar,
      collection,
      ...key ? { key } : {},
      value,
      ...condition ? { condition } : {},
      grouped,
      text: this.slice(start)
    };
  }
  /** `k, v in` or `v in`. */
  forVariables() {
    this.blank(true);
    const first = this.identifier();
    this.blank(true);
    let second;
    if (this.text[this.position] === ",") {
      this.position++;
      this.blank(true);
      second = this.identifier();
      this.blank(true);
    }
    if (!first || !this.keywordAhead("in")) throw new ExpressionSyntaxError('expected "for NAME in" or "for KEY, VALUE in"');
    this.position += 2;
    return second ? { keyVar: first, valueVar: second } : { valueVar: first };
  }
  heredoc(start) {
    const header = /^<<(-?)([A-Za-z_][\w-]*)\r?\n/.exec(this.text.slice(this.position, this.position + 100));
    if (!header) throw new ExpressionSyntaxError("malformed heredoc");
    const bodyStart = this.position + header[0].length;
    const closing = new RegExp(`^[ \\t]*${header[2]}[ \\t]*$`, "m");
    const rest = this.text.slice(bodyStart);
    const end = closing.exec(rest);
    if (!end) throw new ExpressionSyntaxError("heredoc without its closing marker");
    let body2 = rest.slice(0, end.index);
    if (header[1]) {
      const lines = body2.split("\n");
      const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)[0].length));
      body2 = lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
    }
    this.position = bodyStart + end.index + end[0].length;
    return { ...parseTemplateBody(body2), text: this.slice(start) };
  }
  // ---------- lexical helpers ----------
  keywordAhead(keyword) {
    return this.text.startsWith(keyword, this.position) && !/[\w-]/.test(this.text[this.position + keyword.length] ?? "");
  }
  identifier() {
    const name = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.position, this.position + 256))?.[0];
    if (name) this.position += name.length;
    return name;
  }
  /** Skips spaces and comments (and newlines when `newlines`). */
  blank(newlines) {
    for (; ; ) {
      const c = this.text[this.position];
      if (c === " " || c === "	" || c === "\r" || newlines && c === "\n") this.position++;
      else if (c === "#" || c === "/" && this.text[this.position + 1] === "/") {
        const end = this.text.indexOf("\n", this.position);
        this.position = end < 0 ? this.text.length : end;
      } else if (c === "/" && this.text[this.position + 1] === "*") {
        const end = this.text.indexOf("*/", this.position + 2);
        this.position = end < 0 ? this.text.length : end + 2;
      } else return;
    }
  }
  expect(char) {
    if (this.text[this.position] !== char) {
      throw new ExpressionSyntaxError(`expected "${char}" but found ${this.position < this.text.length ? `"${this.text[this.position]}"` : "the end"}`);
    }
    this.position++;
  }
  nested(parse) {
    if (++this.depth > MAX_DEPTH) throw new ExpressionSyntaxError(`expression nests deeper than ${MAX_DEPTH} levels`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }
  slice(start) {
    return this.text.slice(start, this.position).trim();
  }
};

// checks/infra/terraform/policy-document.ts
var isBody = (value) => value !== null && typeof value === "object" && !Array.isArray(value) && !isUnresolved(value);
function stringOrList(value) {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}
function principalMap(blocks) {
  if (isUnresolved(blocks)) return blocks;
  const map = {};
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (!isBody(block)) return block;
    const { type, identifiers } = block;
    if (isUnresolved(type)) return unknownBecause(type.expression, `the principal type is not known: ${reasonOf(type)}`);
    if (isUnresolved(identifiers)) return identifiers;
    const list2 = Array.isArray(identifiers) ? identifiers : [identifiers];
    if (type === "*" && list2.length === 1 && list2[0] === "*" && Array.isArray(blocks) && blocks.length === 1) return "*";
    const existing = map[String(type)];
    map[String(type)] = [...Array.isArray(existing) ? existing : [], ...list2];
  }
  return Object.fromEntries(Object.entries(map).map(([type, list2]) => [type, stringOrList(list2)]));
}
function conditionMap(blocks) {
  if (isUnresolved(blocks)) return blocks;
  const map = {};
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (!isBody(block)) return block;
    const { test, variable, values } = block;
    const pending = [test, variable].find(isUnresolved);
    if (pending) return unknownBecause(pending.expression, `a condition's test or variable is not known: ${reasonOf(pending)}`);
    const tests = map[String(test)] ??= {};
    const earlier = tests[String(variable)];
    if (isUnresolved(values) || isUnresolved(earlier)) tests[String(variable)] = isUnresolved(values) ? values : earlier;
    else
      tests[String(variable)] = stringOrList([
        ...earlier === void 0 ? [] : Array.isArray(earlier) ? earlier : [earlier],
        ...Array.isArray(values) ? values : [values]
      ]);
  }
  return map;
}
var STATEMENT_FIELDS = [
  ["sid", "Sid"],
  ["effect", "Effect"],
  ["actions", "Action"],
  ["not_actions", "NotAction"],
  ["resources", "Resource"],
  ["not_resources", "NotResource"]
];
function statementOf(block) {
  if (!isBody(block)) return isUnresolved(block) ? block : unknownBecause(JSON.stringify(block), "a statement block that is not a block");
  const statement = {};
  for (const [attribute2, key] of STATEMENT_FIELDS) {
    const value = block[attribute2];
    if (value !== void 0 && value !== null && value !== "" && !(Array.isArray(value) && !value.length)) statement[key] = stringOrList(value);
  }
  statement.Effect ??= "Allow";
  for (const [attribute2, key] of [
    ["principals", "Principal"],
    ["not_principals", "NotPrincipal"]
  ]) {
    if (block[attribute2] !== void 0) statement[key] = principalMap(block[attribute2]);
  }
  if (block.condition !== void 0) statement.Condition = conditionMap(block.condition);
  return statement;
}
function statementsOf(document, role) {
  if (isUnresolved(document)) return unknownBecause(document.expression, `a ${role} is not known: ${reasonOf(document)}`);
  let parsed = document;
  if (typeof document === "string") {
    try {
      parsed = JSON.parse(document);
    } catch {
      return unknownBecause(document.slice(0, 80), `a ${role} is not valid JSON`);
    }
  }
  const statement = isBody(parsed) ? parsed.Statement : void 0;
  if (isUnresolved(statement)) return [statement];
  return Array.isArray(statement) ? statement : statement === void 0 ? [] : [statement];
}
function mergeInto(merged, incoming) {
  for (const statement of incoming) {
    if (isUnresolved(statement) && merged.some((existing) => !isUnresolved(existing) && existing.Sid))
      return unknownBecause(statement.expression, `a statement that is not known may override one with the same Sid: ${reasonOf(statement)}`);
    const sid = isUnresolved(statement) ? void 0 : statement.Sid;
    if (isUnresolved(sid) && merged.length)
      return unknownBecause(sid.expression, `a statement's Sid is not known, so which statement it overrides is not known: ${reasonOf(sid)}`);
    const blind = merged.map((existing) => isUnresolved(existing) ? void 0 : existing.Sid).find(isUnresolved);
    if (typeof sid === "string" && sid && blind) return unknownBecause(blind.expression, "a statement whose Sid is not known may be overridden");
    const at = typeof sid === "string" && sid ? merged.findIndex((existing) => !isUnresolved(existing) && existing.Sid === sid) : -1;
    if (at >= 0) merged[at] = statement;
    else merged.push(statement);
  }
  return void 0;
}
function renderPolicyDocument(body2) {
  const merged = [];
  const documents = (attribute2, role) => {
    const value = body2[attribute2];
    if (value === void 0 || value === null) return [];
    if (isUnresolved(value)) return unknownBecause(value.expression, `${attribute2} is not known: ${reasonOf(value)}`);
    return (Array.isArray(value) ? value : [value]).map((document) => statementsOf(document, role));
  };
  const sources = documents("source_policy_documents", "source policy document");
  if (isUnresolved(sources)) return sources;
  const seen = /* @__PURE__ */ new Set();
  for (const source of sources) {
    if (isUnresolved(source)) return source;
    for (const statement of source) {
      const sid = isUnresolved(statement) ? void 0 : statement.Sid;
      if (typeof sid === "string" && sid && seen.has(sid))
        return unknownBecause(sid, `the source policy documents repeat the Sid "${sid}", which Terraform refuses`);
      if (typeof sid === "string") seen.add(sid);
    }
    merged.push(...source);
  }
  const own = body2.statement;
  const current = own === void 0 ? [] : isUnresolved(own) ? [own] : (Array.isArray(own) ? own : [own]).map(statementOf);
  const overrides = documents("override_policy_documents", "override policy document");
  if (isUnresolved(overrides)) return overrides;
  for (const statements of [current, ...overrides]) {
    if (isUnresolved(statements)) return statements;
    const unknown = mergeInto(merged, statements);
    if (unknown) return unknown;
  }
  const version = typeof body2.version === "string" || isUnresolved(body2.version) ? body2.version : "2012-10-17";
  return { Version: version, ...body2.policy_id !== void 0 && body2.policy_id !== null ? { Id: body2.policy_id } : {}, Statement: merged };
}

// checks/infra/terraform/configuration.ts
var MAX_EXPANSION = 256;
var MAX_MODULE_DEPTH = 16;
var MAX_INSTANCES = 2e3;
var MODULE_META = /* @__PURE__ */ new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);
var RESOURCE_META = /* @__PURE__ */ new Set(["count", "for_each", "depends_on", "provider"]);
var NOT_SOURCE_AVAILABLE = "module source not available locally";
function originAt(file, prefix) {
  const at = (path) => ({ ...file.locate([...prefix, ...path]), path: file.path });
  return { ...at([]), within: at };
}
function refine(origin, path) {
  const within = origin?.within;
  if (!within || !path.length) return origin;
  return { ...within(path), within: (more) => within([...path, ...more]) };
}
function plain(origin) {
  return { ...origin.path !== void 0 ? { path: origin.path } : {}, startLine: origin.startLine, endLine: origin.endLine };
}
function accessChain(node) {
  if (node.kind === "variable") return { root: node.name, steps: [] };
  if (node.kind === "attr") {
    const inner2 = accessChain(node.target);
    return inner2 && { root: inner2.root, steps: [...inner2.steps, node.name] };
  }
  const [target, key] = node.kind === "index" ? [node.target, staticKey(node.key)] : node.kind === "call" && node.name === "lookup" && node.args[0] ? [node.args[0], staticKey(node.args[1])] : [];
  const inner = target && key !== void 0 ? accessChain(target) : void 0;
  return inner && { root: inner.root, steps: [...inner.steps, key] };
}
function staticKey(node) {
  const key = node?.kind === "literal" ? node.value : node?.kind === "template" && node.parts.length === 1 && node.parts[0].kind === "text" ? node.parts[0].value : void 0;
  return typeof key === "string" || typeof key === "number" ? key : void 0;
}
var isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value) && !isUnresolved(value);
var firstBody = (value) => {
  const first = Array.isArray(value) ? value[0] : value;
  return isObject(first) ? first : void 0;
};
var blocksOf = (body2, type) => isObject(body2[type]) ? body2[type] : {};
function isVarFile(path) {
  return path.endsWith(".tfvars") || path.endsWith(".tfvars.json");
}
function normalizeDir(path) {
  return posix2.normalize(path).replace(/\/+$/, "") || ".";
}
function localSourceDir(dir, source) {
  if (!/^\.\.?(\/|$)/.test(source)) return void 0;
  return normalizeDir(posix2.join(dir, source));
}
function evaluateConfiguration(files, options = {}) {
  return new Configuration(files, options).evaluate();
}
var Configuration = class {
  constructor(files, options) {
    this.options = options;
    for (const file of files) {
      if (isVarFile(file.path)) {
        this.varFiles.push(file);
        continue;
      }
      const dir = normalizeDir(posix2.dirname(file.path));
      const module = this.dirs.get(dir) ?? {
        dir,
        files: [],
        variables: /* @__PURE__ */ new Map(),
        locals: /* @__PURE__ */ new Map(),
        outputs: /* @__PURE__ */ new Map(),
        calls: /* @__PURE__ */ new Map(),
        policyDocuments: /* @__PURE__ */ new Map(),
        moves: /* @__PURE__ */ new Map()
      };
      this.dirs.set(dir, module);
      collect(module, file);
    }
  }
  options;
  dirs = /* @__PURE__ */ new Map();
  varFiles = [];
  notes = /* @__PURE__ */ new Map();
  parsed = /* @__PURE__ */ new Map();
  instances = 0;
  evaluate() {
    const called = /* @__PURE__ */ new Set();
    for (const module of this.dirs.values()) {
      for (const [name, call2] of module.calls) {
        const target = this.sourceDir(module.dir, module.dir, name, call2.block, "");
        if (target && target !== module.dir) called.add(target);
      }
    }
    const resources = [];
    const applied = /* @__PURE__ */ new Set();
    for (const module of [...this.dirs.values()].sort((a, b) => a.dir.localeCompare(b.dir))) {
      if (called.has(module.dir)) continue;
      const varFiles = this.varFilesOf(module.dir);
      varFiles.forEach((file) => applied.add(file));
      const inputs = this.rootInputs(module, varFiles);
      resources.push(...new Instance(this, module, "", module.dir, "", inputs, 0).resources());
    }
    for (const file of this.varFiles) {
      if (!applied.has(file)) {
        this.note(
          file.path,
          `infra: ${file.path} was not applied to any module (only terraform.tfvars, *.auto.tfvars and the files named in infra.terraform.var-files are, to the root module in their directory)`
        );
      }
    }
    return { resources, notes: this.notes };
  }
  note(path, message) {
    const list2 = this.notes.get(path) ?? [];
    if (!list2.includes(message)) list2.push(message);
    this.notes.set(path, list2);
  }
  /** Counts module instances; false once the configuration is too large to expand further. */
  admit() {
    return ++this.instances <= MAX_INSTANCES;
  }
  parse(text2) {
    let parsed = this.parsed.get(text2);
    if (!parsed) {
      try {
        parsed = parseTemplateBody(text2);
      } catch (error) {
        parsed = error instanceof Error ? error : new Error(String(error));
      }
      this.parsed.set(text2, parsed);
    }
    return parsed;
  }
  module(dir) {
    return this.dirs.get(dir);
  }
  /**
   * The directory a module call reads: a local path, or what `terraform init` recorded in the
   * root's `.terraform/modules/modules.json` under the call's key (`vpc`, `vpc.subnets`).
   */
  sourceDir(dir, rootDir, name, block, parentKey) {
    const source = typeof block.source === "string" ? block.source : "";
    const local = localSourceDir(dir, source);
    if (local !== void 0) return local;
    const manifest = this.options.modulesJson?.get(posix2.join(rootDir === "." ? "" : rootDir, ".terraform/modules/modules.json"));
    if (!manifest) return void 0;
    try {
      const parsed = JSON.parse(manifest);
      const key = parentKey ? `${parentKey}.${name}` : name;
      const entry = parsed.Modules?.find((candidate) => candidate.Key === key);
      return typeof entry?.Dir === "string" ? normalizeDir(posix2.join(rootDir, entry.Dir)) : void 0;
    } catch {
      return void 0;
    }
  }
  /** terraform.tfvars, then *.auto.tfvars (by name), then the configured var files: later wins. */
  varFilesOf(dir) {
    const inDir = this.varFiles.filter((file) => normalizeDir(posix2.dirname(file.path)) === dir);
    const name = (file) => posix2.basename(file.path);
    const automatic = [
      ...inDir.filter((file) => name(file) === "terraform.tfvars" || name(file) === "terraform.tfvars.json"),
      ...inDir.filter((file) => /\.auto\.tfvars(\.json)?$/.test(name(file))).sort((a, b) => name(a).localeCompare(name(b)))
    ];
    const configured = (this.options.varFiles ?? []).flatMap((glob) => {
      const matches = (0, import_picomatch2.default)(glob, { dot: true });
      return inDir.filter((file) => matches(file.path) && !automatic.includes(file));
    });
    return [...automatic, ...new Set(configured)];
  }
  rootInputs(module, varFiles) {
    const inputs = /* @__PURE__ */ new Map();
    for (const file of varFiles) {
      for (const [name, raw] of Object.entries(file.body)) {
        if (!module.variables.has(name)) continue;
        inputs.set(name, { value: () => this.literal(raw, `var.${name} in ${file.path}`), origin: originAt(file, [name]) });
      }
    }
    return inputs;
  }
  /** A tfvars value: literal, but a string may still hold `${…}` Terraform would refuse there. */
  literal(raw, where) {
    if (typeof raw === "string" && (raw.includes("${") || raw.includes("%{"))) return unknownBecause(raw, `${where} is not a literal value`);
    return raw;
  }
};
function collect(module, file) {
  module.files.push(file);
  for (const [name, declaration] of Object.entries(blocksOf(file.body, "variable"))) module.variables.set(name, { file, block: firstBody(declaration) ?? {} });
  for (const block of Array.isArray(file.body.locals) ? file.body.locals : []) {
    if (isObject(block)) for (const [name, raw] of Object.entries(block)) module.locals.set(name, { file, raw });
  }
  for (const [name, declaration] of Object.entries(blocksOf(file.body, "output"))) module.outputs.set(name, { file, raw: firstBody(declaration)?.value });
  for (const [name, declaration] of Object.entries(blocksOf(file.body, "module"))) module.calls.set(name, { file, block: firstBody(declaration) ?? {} });
  for (const [name, declaration] of Object.entries(blocksOf(blocksOf(file.body, "data"), "aws_iam_policy_document")))
    module.policyDocuments.set(name, firstBody(declaration) ?? {});
  const address = (value) => typeof value === "string" ? value.replace(/^\$\{(.*)\}$/, "$1") : void 0;
  for (const block of Array.isArray(file.body.moved) ? file.body.moved : []) {
    if (!isObject(block)) continue;
    const from = address(block.from);
    const to = address(block.to);
    if (from && to) module.moves.set(to, [...module.moves.get(to) ?? [], from]);
  }
  for (const [to, froms] of module.moves) {
    const all = new Set(froms);
    for (const from of all) for (const earlier of module.moves.get(from) ?? []) all.add(earlier);
    module.moves.set(to, [...all]);
  }
}
var Instance = class _Instance {
  constructor(config, module, prefix, rootDir, key, inputs, depth) {
    this.config = config;
    this.module = module;
    this.prefix = prefix;
    this.rootDir = rootDir;
    this.key = key;
    this.inputs = inputs;
    this.depth = depth;
  }
  config;
  module;
  prefix;
  rootDir;
  key;
  inputs;
  depth;
  variableValues = /* @__PURE__ */ new Map();
  localValues = /* @__PURE__ */ new Map();
  moduleValues = /* @__PURE__ */ new Map();
  documentValues = /* @__PURE__ */ new Map();
  evaluating = /* @__PURE__ */ new Set();
  children = /* @__PURE__ */ new Map();
  // ---------- names ----------
  scope(iteration = {}) {
    return {
      reference: (root, name, node) => this.reference(root, name, node, iteration),
      symbol: (name, node) => {
        if (name === "self" || name === "") return unknownAt(node, "refers to the resource itself, known only after apply");
        return unknownAt(node, `${name} is not defined here`);
      }
    };
  }
  reference(root, name, node, iteration) {
    switch (root) {
      case "var":
        return this.variable(name, node);
      case "local":
        return this.local(name, node);
      case "module":
        return this.moduleValue(name, node);
      case "count":
        if (name !== "index" || iteration.count === void 0) return unknownAt(node, "count.index is used outside a counted block");
        return iteration.count;
      case "each":
        if (!iteration.each || name !== "key" && name !== "value") return unknownAt(node, "each is used outside a for_each block");
        return iteration.each[name];
      case "path":
        return name === "module" ? this.module.dir : name === "root" || name === "cwd" ? this.rootDir : unknownAt(node, "a path of the machine that runs Terraform");
      case "terraform":
        return unknownAt(node, "the workspace is chosen when Terraform runs");
      case "data":
        if (name === "aws_iam_policy_document") return this.policyDocuments(node);
        return unknownAt(node, "a data source, read when Terraform runs");
      default:
        return unknownAt(node, "an attribute of another resource, known only after apply");
    }
  }
  variable(name, node) {
    if (this.variableValues.has(name)) return this.variableValues.get(name);
    const declaration = this.module.variables.get(name);
    let value;
    if (!declaration) value = unknownAt(node, `var.${name} is not declared in ${this.module.dir}`);
    else {
      const input = this.inputs.get(name);
      const hasDefault = Object.hasOwn(declaration.block, "default");
      if (input) value = input.value();
      if ((value === void 0 || value === null && declaration.block.nullable === false) && hasDefault) value = declaration.block.default;
      if (value === void 0) {
        value = unknownBecause(
          `\${var.${name}}`,
          this.prefix ? `var.${name} has no default and the caller passes no value` : `var.${name} has no default and no value in terraform.tfvars, *.auto.tfvars or infra.terraform.var-files`
        );
      } else value = withTypeDefaults(declaration.block.type, value, (text2) => this.config.parse(text2));
    }
    this.variableValues.set(name, value);
    return value;
  }
  local(name, node) {
    return this.once("local", name, node, this.localValues, () => this.value(this.module.locals.get(name).raw, this.scope()));
  }
  moduleValue(name, node) {
    return this.once("module", name, node, this.moduleValues, () => {
      const children = this.childrenOf(name);
      if (!children) return unknownAt(node, NOT_SOURCE_AVAILABLE);
      return byInstance(
        children.keys,
        children.instances.map((child) => child.outputs()),
        node
      );
    });
  }
  /** `data.aws_iam_policy_document`: each document of this module, rendered when first read. */
  policyDocuments(node) {
    const documents = {};
    for (const name of this.module.policyDocuments.keys()) {
      Object.defineProperty(documents, name, {
        enumerable: true,
        get: () => this.once("data", name, node, this.documentValues, () => this.policyDocument(name, node))
      });
    }
    return documents;
  }
  /** One `aws_iam_policy_document` per `count`/`for_each` instance: its `json` is the rendered document. */
  policyDocument(name, node) {
    const block = this.module.policyDocuments.get(name);
    const expansion = this.expansion(block, this.scope());
    const settings = Object.fromEntries(Object.entries(block).filter(([key]) => !RESOURCE_META.has(key)));
    const documents = expansion.iterations.map((iteration) => {
      const json = renderPolicyDocument(this.body(settings, this.scope(iteration), { sourcePath: [], valuePath: [], placed: /* @__PURE__ */ new Map(), origins: /* @__PURE__ */ new Map() }));
      return {
        json,
        minified_json: json,
        id: unknownBecause(`\${data.aws_iam_policy_document.${name}.id}`, "the id of a data source, known when Terraform reads it")
      };
    });
    return byInstance(expansion.keys, documents, node);
  }
  /** A local's or a module call's value, computed once; one that needs itself is unknown. */
  once(kind, name, node, cache, compute) {
    if (cache.has(name)) return cache.get(name);
    const declared = kind === "local" ? this.module.locals.has(name) : kind === "module" ? this.module.calls.has(name) : this.module.policyDocuments.has(name);
    if (!declared) return unknownAt(node, `${kind}.${name} is not ${kind === "local" ? "defined" : "called"} in ${this.module.dir}`);
    const key = `${kind}.${name}`;
    if (this.evaluating.has(key)) return unknownAt(node, `${key} depends on itself`);
    this.evaluating.add(key);
    const value = compute();
    this.evaluating.delete(key);
    cache.set(name, value);
    return value;
  }
  outputs() {
    return Object.fromEntries([...this.module.outputs].map(([name, output]) => [name, this.value(output.raw, this.scope())]));
  }
  // ---------- values ----------
  /** Evaluates a value as hcl2json gives it: strings are templates, lists and maps are walked. */
  value(raw, scope, place) {
    if (typeof raw === "string") {
      if (!raw.includes("${") && !raw.includes("%{")) return raw.replaceAll("$${", "${").replaceAll("%%{", "%{");
      const parsed = this.config.parse(raw);
      if (place) {
        const attribute2 = place.valuePath.findLast((step) => typeof step === "string");
        place.placed.set(pathKey(place.valuePath), { sourcePath: place.sourcePath, ...this.originOf(parsed, place.origins, attribute2) });
      }
      if (parsed instanceof Error) return unknownBecause(raw, `the expression could not be read (${parsed.message})`);
      const value = evaluateSafely(parsed, scope, raw);
      return isUnresolved(value) && value.expression !== raw && parsed.kind === "template" && parsed.parts.length === 1 ? renamed(value, raw) : value;
    }
    if (Array.isArray(raw)) {
      return raw.map(
        (item, position) => this.value(item, scope, place && { ...place, sourcePath: [...place.sourcePath, position], valuePath: [...place.valuePath, position] })
      );
    }
    if (isObject(raw)) {
      const entries = [];
      for (const [key, item] of Object.entries(raw)) {
        const name = key.includes("${") ? this.value(key, scope) : key;
        if (isUnresolved(name)) return unknownBecause(key, reasonOf(name));
        entries.push([
          String(name),
          this.value(item, scope, place && { ...place, sourcePath: [...place.sourcePath, key], valuePath: [...place.valuePath, String(name)] })
        ]);
      }
      return Object.fromEntries(entries);
    }
    return raw;
  }
  /** A block body: attributes and nested blocks, with `dynamic` blocks expanded. */
  body(raw, scope, place) {
    const values = [];
    const blockLists = /* @__PURE__ */ new Map();
    for (const [key, item] of Object.entries(raw)) {
      if (key === "dynamic") continue;
      const at = { ...place, sourcePath: [...place.sourcePath, key], valuePath: [...place.valuePath, key] };
      if (Array.isArray(item) && item.length && item.every(isObject)) {
        blockLists.set(
          key,
          item.map((block, position) => this.body(block, scope, { ...at, sourcePath: [...at.sourcePath, position], valuePath: [...at.valuePath, position] }))
        );
      } else values.push([key, this.value(item, scope, at)]);
    }
    for (const [name, definitions] of Object.entries(blocksOf(raw, "dynamic"))) {
      const existing = blockLists.get(name);
      let blocks = Array.isArray(existing) ? [...existing] : [];
      (Array.isArray(definitions) ? definitions : [definitions]).forEach((definition2, position) => {
        if (!isObject(definition2) || isUnresolved(blocks)) return;
        blocks = this.dynamic(name, definition2, scope, { ...place, sourcePath: [...place.sourcePath, "dynamic", name, position] }, blocks);
      });
      blockLists.set(name, blocks);
    }
    return Object.fromEntries([...values, ...blockLists]);
  }
  /** `dynamic "name" { for_each, iterator, content }`: one block per element, appended to `blocks`. */
  dynamic(name, definition2, scope, place, blocks) {
    const collection = this.value(definition2.for_each, scope);
    if (isUnresolved(collection)) return unknownBecause(`dynamic "${name}"`, `its for_each ${collection.expression} is not known: ${reasonOf(collection)}`);
    const iterator = typeof definition2.iterator === "string" ? definition2.iterator.replace(/^\$\{\s*(.*?)\s*\}$/, "$1") : name;
    const content = firstBody(definition2.content) ?? {};
    const forEach = typeof definition2.for_each === "string" ? this.config.parse(definition2.for_each) : void 0;
    const origin = forEach && !(forEach instanceof Error) ? this.originOf(forEach, place.origins).origin : void 0;
    let pairs;
    try {
      pairs = iterate(collection, { kind: "literal", value: collection, text: `dynamic "${name}"` });
    } catch {
      return unknownBecause(`dynamic "${name}"`, "its for_each is neither a list nor a map");
    }
    for (const [key, value] of pairs.slice(0, MAX_EXPANSION)) {
      const inner = withSymbols(scope, /* @__PURE__ */ new Map([[iterator, { key, value }]]));
      const origins = new Map(place.origins).set(iterator, typeof key === "string" ? refine(origin, [key]) : origin);
      blocks.push(
        this.body(content, inner, { ...place, sourcePath: [...place.sourcePath, "content", 0], valuePath: [...place.valuePath, name, blocks.length], origins })
      );
    }
    return blocks;
  }
  /**
   * Where the variables an expression reads were set, when that is outside this module (an
   * input, a tfvars). Of the values it reads, the one under a key named like `attribute`
   * (`each.value.ssl_policy` for `ssl_policy`) points at that key's line; otherwise the first
   * one read, as a whole.
   */
  originOf(expr, symbols, attribute2, seen = /* @__PURE__ */ new Set()) {
    if (expr instanceof Error) return {};
    const candidates = [];
    const visit = (node) => {
      if (node === null || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach(visit);
      const current = node;
      const chain = accessChain(current);
      if (!chain) {
        for (const [key, child] of Object.entries(current)) if (key !== "text") visit(child);
        return;
      }
      const [first, ...rest] = chain.steps;
      let origin2;
      let steps = [];
      if (chain.root === "var" && typeof first === "string") [origin2, steps] = [this.inputOrigin(first), rest];
      else if (chain.root === "local" && typeof first === "string" && !seen.has(first)) {
        seen.add(first);
        const local = this.module.locals.get(first);
        if (typeof local?.raw === "string") origin2 = this.originOf(this.config.parse(local.raw), symbols, void 0, seen).origin;
      } else if (chain.root !== "local") [origin2, steps] = [symbols.get(chain.root), first === "value" ? rest : []];
      if (origin2) candidates.push({ origin: origin2, steps });
      if (current.kind === "call") current.args.slice(2).forEach(visit);
    };
    visit(expr);
    const named2 = candidates.find((candidate) => attribute2 !== void 0 && candidate.steps.at(-1) === attribute2);
    const origin = named2 ? refine(named2.origin, named2.steps) : candidates[0]?.origin;
    return origin ? { origin } : {};
  }
  /**
   * Where a variable's value was set outside the module; a part the caller or tfvars left out
   * that an `optional()` default in the variable's type fills points at that default.
   */
  inputOrigin(name) {
    const input = this.inputs.get(name);
    const declaration = this.module.variables.get(name);
    const type = declaration && typeWithDefaults(declaration.block.type, (text2) => this.config.parse(text2));
    if (!input?.origin || !type) return input?.origin;
    const { origin } = input;
    const { file } = declaration;
    let supplied;
    return {
      ...origin,
      within: (path) => {
        supplied ??= { value: input.value() };
        const typePath = optionalDefaultPath(type, supplied.value, path);
        if (typePath) return { ...file.locate(["variable", name, 0, "type", ...typePath]), path: file.path };
        return origin.within?.(path) ?? plain(origin);
      }
    };
  }
  // ---------- expansion ----------
  /** The instance keys of a `count` / `for_each` block: `undefined` for a single instance, Unresolved when not known. */
  expansion(block, scope) {
    const origins = /* @__PURE__ */ new Map();
    if (block.count !== void 0) {
      const count = this.value(block.count, scope);
      const origin = typeof block.count === "string" ? this.originOf(this.config.parse(block.count), origins).origin : void 0;
      if (typeof count === "number" && Number.isInteger(count) && count >= 0 && count <= MAX_EXPANSION) {
        const keys = Array.from({ length: count }, (_, position) => position);
        return { keys, iterations: keys.map((position) => ({ count: position, ...origin ? { origin } : {} })) };
      }
      const unknown = isUnresolved(count) ? count : unknownBecause(JSON.stringify(block.count), `count ${JSON.stringify(count)} is not a small whole number`);
      return { keys: unknown, iterations: [{ count: unknownBecause("${count.index}", "count is not known"), ...origin ? { origin } : {} }] };
    }
    if (block.for_each !== void 0) {
      const collection = this.value(block.for_each, scope);
      const origin = typeof block.for_each === "string" ? this.originOf(this.config.parse(block.for_each), origins).origin : void 0;
      const unknownEach = (reason) => {
        const each = { key: unknownBecause("${each.key}", reason), value: unknownBecause("${each.value}", reason) };
        return { keys: unknownBecause(JSON.stringify(block.for_each), reason), iterations: [{ each, ...origin ? { origin } : {} }] };
      };
      if (isUnresolved(collection)) return unknownEach(reasonOf(collection));
      const pairs = Array.isArray(collection) ? collection.map((item) => [String(item), item]) : isObject(collection) ? Object.keys(collection).sort().map((key) => [key, collection[key]]) : [];
      if (pairs.some(([, value]) => isUnresolved(value) && Array.isArray(collection))) return unknownEach("some keys of for_each are not known");
      if (pairs.length > MAX_EXPANSION) return unknownEach(`for_each has more than ${MAX_EXPANSION} elements`);
      const originOfKey = (key) => isObject(collection) ? refine(origin, [key]) : origin;
      return {
        keys: pairs.map(([key]) => key),
        iterations: pairs.map(([key, value]) => ({ each: { key, value }, ...origin ? { origin: originOfKey(key) } : {} }))
      };
    }
    return { iterations: [{}] };
  }
  // ---------- children ----------
  childrenOf(name) {
    const call2 = this.module.calls.get(name);
    const key = this.key ? `${this.key}.${name}` : name;
    const dir = this.config.sourceDir(this.module.dir, this.rootDir, name, call2.block, this.key);
    const child = dir === void 0 ? void 0 : this.config.module(dir);
    const source = typeof call2.block.source === "string" ? call2.block.source : "";
    if (!child) {
      const why = dir === void 0 ? "no .terraform/modules/modules.json records it" : `${dir} holds no Terraform files`;
      this.config.note(
        call2.file.path,
        `infra: ${this.prefix}module.${name} (source "${source}") is not available locally (${why}); its resources are not checked and values from it are unknown`
      );
      return void 0;
    }
    if (this.depth >= MAX_MODULE_DEPTH || [...this.prefix.matchAll(/module\./g)].length >= MAX_MODULE_DEPTH) {
      this.config.note(call2.file.path, `infra: ${this.prefix}module.${name} nests modules deeper than ${MAX_MODULE_DEPTH} levels; it is not checked`);
      return void 0;
    }
    const cached = this.children.get(name);
    const expansion = this.expansion(call2.block, this.scope());
    if (cached) return { ...expansion.keys !== void 0 ? { keys: expansion.keys } : {}, instances: cached };
    const instances = [];
    expansion.iterations.forEach((iteration, position) => {
      if (!this.config.admit()) {
        this.config.note(
          call2.file.path,
          `infra: the configuration has more than ${MAX_INSTANCES} module instances; ${this.prefix}module.${name} and later ones are not checked`
        );
        return;
      }
      const keys = expansion.keys;
      const suffix = keys === void 0 || isUnresolved(keys) ? "" : instanceSuffix(keys[position]);
      const inputs = /* @__PURE__ */ new Map();
      for (const [input, raw] of Object.entries(call2.block)) {
        if (MODULE_META.has(input)) continue;
        const parsed = typeof raw === "string" ? this.config.parse(raw) : void 0;
        const callerLine = originAt(call2.file, ["module", name, 0, input]);
        const scope = this.scope(iteration);
        inputs.set(input, {
          value: () => this.value(raw, scope),
          origin: (parsed && this.originOf(
            parsed,
            /* @__PURE__ */ new Map([
              ["each", iteration.origin],
              ["count", iteration.origin]
            ])
          ).origin) ?? callerLine
        });
      }
      instances.push(new _Instance(this.config, child, `${this.prefix}module.${name}${suffix}.`, this.rootDir, key, inputs, this.depth + 1));
    });
    this.children.set(name, instances);
    return { ...expansion.keys !== void 0 ? { keys: expansion.keys } : {}, instances };
  }
  // ---------- resources ----------
  resources() {
    const resources = [];
    for (const file of this.module.files) {
      for (const [type, named2] of Object.entries(blocksOf(file.body, "resource"))) {
        if (!isObject(named2)) continue;
        for (const [name, declaration] of Object.entries(named2)) {
          const block = firstBody(declaration);
          if (block) resources.push(...this.resourceInstances(file, type, name, block));
        }
      }
    }
    for (const name of this.module.calls.keys()) {
      for (const child of this.childrenOf(name)?.instances ?? []) resources.push(...child.resources());
    }
    return resources;
  }
  resourceInstances(file, type, name, block) {
    const prefix = ["resource", type, name, 0];
    const local = `${type}.${name}`;
    const expansion = this.expansion(block, this.scope());
    return expansion.iterations.map((iteration, position) => {
      const keys = expansion.keys;
      const suffix = keys === void 0 || isUnresolved(keys) ? "" : instanceSuffix(keys[position]);
      const placed = /* @__PURE__ */ new Map();
      const origins = /* @__PURE__ */ new Map([
        ["each", iteration.origin],
        ["count", iteration.origin]
      ]);
      const settings = Object.fromEntries(Object.entries(block).filter(([key]) => !RESOURCE_META.has(key)));
      const values = this.body(settings, this.scope(iteration), { sourcePath: [], valuePath: [], placed, origins });
      const movedFrom = this.module.moves.get(local)?.map((from) => `${this.prefix}${from}${suffix}`);
      const resource = {
        address: `${this.prefix}${local}${suffix}`,
        type,
        format: "terraform",
        path: file.path,
        range: file.locate(prefix),
        values,
        scope: `terraform:${this.rootDir}`,
        locate: (path) => {
          for (let length = path.length; length >= 0; length--) {
            const found = placed.get(pathKey(path.slice(0, length)));
            if (!found) continue;
            if (found.origin) return plain(refine(found.origin, path.slice(length)));
            return file.locate([...prefix, ...found.sourcePath, ...path.slice(length)]);
          }
          return file.locate([...prefix, ...path]);
        },
        ...movedFrom?.length ? { movedFrom } : {}
      };
      return resource;
    });
  }
};
function setOwn(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
function byInstance(keys, values, node) {
  if (keys === void 0) return values[0];
  if (isUnresolved(keys)) return unknownAt(node, reasonOf(keys));
  if (keys.every((key) => typeof key === "number")) return values;
  return Object.fromEntries(keys.map((key, position) => [String(key), values[position]]));
}
function pathKey(path) {
  return JSON.stringify(path);
}
function instanceSuffix(key) {
  return typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
function renamed(value, expression) {
  return unknownBecause(expression, reasonOf(value), value.branches);
}
function withTypeDefaults(type, value, parse) {
  const expr = typeWithDefaults(type, parse);
  return expr ? applyType(expr, value) : value;
}
function typeWithDefaults(type, parse) {
  if (typeof type !== "string" || !type.includes("optional(")) return void 0;
  const parsed = parse(type);
  if (parsed instanceof Error) return void 0;
  return parsed.kind === "template" && parsed.parts.length === 1 && parsed.parts[0].kind === "interpolation" ? parsed.parts[0].expr : parsed;
}
function optionalDefaultPath(type, supplied, path) {
  const out = [];
  let current = type;
  let value = supplied;
  for (const step of path) {
    if (current.kind !== "call" || !current.args[0]) return void 0;
    if (current.name === "map" || current.name === "list" || current.name === "set") {
      out.push(0);
      current = current.args[0];
      value = isObject(value) ? value[String(step)] : Array.isArray(value) ? value[Number(step)] : void 0;
      continue;
    }
    const attributes = current.args[0];
    if (current.name !== "object" || attributes.kind !== "object") return void 0;
    const item = attributes.items.find((candidate) => candidate.key.kind === "literal" && String(candidate.key.value) === String(step));
    if (!item) return void 0;
    out.push(0, step);
    const given = isObject(value) && Object.hasOwn(value, String(step));
    let attributeType = item.value;
    if (attributeType.kind === "call" && attributeType.name === "optional" && attributeType.args[0]) {
      if (!given && attributeType.args[1]) return [...out, 1];
      out.push(0);
      attributeType = attributeType.args[0];
    }
    if (!given) return void 0;
    value = value[String(step)];
    current = attributeType;
  }
  return void 0;
}
function applyType(type, value) {
  if (isUnresolved(value) || value === null || value === void 0 || type.kind !== "call") return value;
  const [inner] = type.args;
  if ((type.name === "list" || type.name === "set") && inner && Array.isArray(value)) return value.map((item) => applyType(inner, item));
  if (type.name === "map" && inner && isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, applyType(inner, item)]));
  if (type.name !== "object" || inner?.kind !== "object" || !isObject(value)) return value;
  const result = { ...value };
  for (const item of inner.items) {
    if (item.key.kind !== "literal") continue;
    const name = String(item.key.value);
    let attributeType = item.value;
    if (attributeType.kind === "call" && attributeType.name === "optional") {
      const [optionalType, fallback] = attributeType.args;
      attributeType = optionalType ?? attributeType;
      if (result[name] === void 0 || result[name] === null && fallback) setOwn(result, name, fallback ? defaultValue(fallback) : null);
    }
    if (result[name] !== void 0) setOwn(result, name, applyType(attributeType, result[name]));
  }
  return result;
}
function defaultValue(expr) {
  const notLiteral = (node) => unknownAt(node, "an optional() default that is not a literal");
  return evaluateSafely(expr, { reference: (_, __, node) => notLiteral(node), symbol: (_, node) => notLiteral(node) }, expr.text);
}

// checks/infra/terraform/hcl-positions.ts
function locateHcl(text2) {
  return new HclLocator(text2).root();
}
var HclLocator = class {
  constructor(text2) {
    this.text = text2;
    for (let i = 0; i < text2.length; i++) if (text2[i] === "\n") this.starts.push(i + 1);
  }
  text;
  starts = [0];
  root() {
    const node = { startLine: 1, endLine: Math.max(1, this.starts.length), entries: /* @__PURE__ */ new Map() };
    this.body(0, node.entries, false);
    return node;
  }
  /** Reads attributes and blocks until the closing brace (or the end); returns the offset after it. */
  body(from, entries, closing) {
    let i = from;
    for (; ; ) {
      i = this.skipBlank(i, true);
      if (i >= this.text.length) return i;
      if (this.text[i] === "}" && closing) return i + 1;
      const name = this.identifier(i);
      if (!name) {
        i = this.lineEnd(i);
        continue;
      }
      const afterName = this.skipBlank(i + name.length, false);
      if (this.text[afterName] === "=" && this.text[afterName + 1] !== "=") {
        const valueStart = this.skipBlank(afterName + 1, false);
        const valueEnd = this.expressionEnd(valueStart);
        const key = this.range(i, i + name.length);
        const value = this.range(valueStart, valueEnd);
        this.constructor_(valueStart, value);
        entries.set(name, { key, value });
        i = valueEnd;
        continue;
      }
      i = this.block(name, i, afterName, entries);
    }
  }
  /** A block `type "label" label { … }`: filed under its type, then each label, then its index. */
  block(type, start, from, entries) {
    const labels = [];
    let i = from;
    while (i < this.text.length && this.text[i] !== "{") {
      if (this.text[i] === '"') {
        const end2 = this.stringEnd(i);
        labels.push(this.text.slice(i + 1, end2 - 1));
        i = end2;
      } else {
        const label = this.identifier(i);
        if (!label) return this.lineEnd(i);
        labels.push(label);
        i += label.length;
      }
      i = this.skipBlank(i, false);
    }
    const node = { startLine: this.lineOf(start), endLine: this.lineOf(start), entries: /* @__PURE__ */ new Map() };
    const end = this.body(i + 1, node.entries, true);
    node.endLine = this.lineOf(Math.max(start, end - 1));
    let parent = entries;
    let holder;
    for (const step of [type, ...labels]) {
      holder = this.child(parent, step, node);
      parent = holder.entries ?? (holder.entries = /* @__PURE__ */ new Map());
    }
    (holder.items ??= []).push(node);
    return end;
  }
  child(entries, key, block) {
    const existing = entries.get(key);
    if (existing) {
      existing.value.endLine = Math.max(existing.value.endLine, block.endLine);
      return existing.value;
    }
    const value = { startLine: block.startLine, endLine: block.endLine };
    entries.set(key, { key: { startLine: block.startLine, endLine: block.startLine }, value });
    return value;
  }
  /**
   * The keys of an object constructor (`{ https = { ssl_policy = "…" } }`), the elements of a
   * list and the arguments of a call, so a value set deep inside a tfvars, a module input or a
   * variable's type has its own line. Returns the offset after the value; other expressions are
   * left as one range.
   */
  constructor_(from, node) {
    if (this.text[from] === "{") return this.objectConstructor(from, node);
    if (this.text[from] === "[") return this.listConstructor(from, node, "]");
    const name = this.identifier(from);
    if (name && this.text[from + name.length] === "(") return this.listConstructor(from + name.length, node, ")");
    return this.expressionEnd(from, true);
  }
  objectConstructor(from, node) {
    const entries = /* @__PURE__ */ new Map();
    let i = from + 1;
    for (; ; ) {
      i = this.skipSeparators(i);
      if (i >= this.text.length || this.text[i] === "}") break;
      const quoted = this.text[i] === '"';
      const keyEnd = quoted ? this.stringEnd(i) : i + (this.identifier(i)?.length ?? 0);
      const separator = this.skipBlank(keyEnd, false);
      if (keyEnd === i || this.text[separator] !== "=" && this.text[separator] !== ":") return this.expressionEnd(from, true);
      const valueStart = this.skipBlank(separator + 1, false);
      const value = { startLine: this.lineOf(valueStart), endLine: this.lineOf(valueStart) };
      const valueEnd = this.constructor_(valueStart, value);
      value.endLine = this.lineOf(Math.max(valueStart, valueEnd - 1));
      entries.set(quoted ? this.text.slice(i + 1, keyEnd - 1) : this.text.slice(i, keyEnd), { key: this.range(i, keyEnd), value });
      i = valueEnd;
    }
    node.entries = entries;
    return i + 1;
  }
  listConstructor(from, node, close) {
    const items = [];
    let i = from + 1;
    for (; ; ) {
      i = this.skipSeparators(i);
      if (i >= this.text.length || this.text[i] === close) break;
      const item = { startLine: this.lineOf(i), endLine: this.lineOf(i) };
      const end = this.constructor_(i, item);
      item.endLine = this.lineOf(Math.max(i, end - 1));
      items.push(item);
      i = end;
    }
    node.items = items;
    return i + 1;
  }
  /** Blanks, newlines, comments and the commas between elements. */
  skipSeparators(from) {
    let i = this.skipBlank(from, true);
    while (this.text[i] === ",") i = this.skipBlank(i + 1, true);
    return i;
  }
  /** The end of an expression: the first newline or unmatched `}` outside brackets, strings and heredocs. */
  expressionEnd(from, commas = false) {
    let depth = 0;
    let i = from;
    let last = from;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === '"') i = this.stringEnd(i);
      else if (c === "<" && this.text[i + 1] === "<" && /[-A-Za-z_]/.test(this.text[i + 2] ?? "")) i = this.heredocEnd(i);
      else if (c === "#" || c === "/" && this.text[i + 1] === "/") {
        if (depth === 0) break;
        i = this.lineEnd(i);
        continue;
      } else if (c === "/" && this.text[i + 1] === "*") {
        i = this.commentEnd(i);
        continue;
      } else if (c === "(" || c === "[" || c === "{") {
        depth++;
        i++;
      } else if (c === ")" || c === "]" || c === "}") {
        if (depth === 0) break;
        depth--;
        i++;
      } else if ((c === "\n" || c === "," && commas) && depth === 0) break;
      else {
        if (c !== " " && c !== "	" && c !== "\r" && c !== "\n") last = i;
        i++;
        continue;
      }
      last = i - 1;
    }
    return Math.max(from, last) + 1;
  }
  /** From an opening quote to just after the closing one, through `${…}` templates. */
  stringEnd(from) {
    let i = from + 1;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === "\\") i += 2;
      else if (c === '"' || c === "\n") return i + 1;
      else if ((c === "$" || c === "%") && this.text[i + 1] === "{") i = this.templateEnd(i + 2);
      else i++;
    }
    return i;
  }
  templateEnd(from) {
    let depth = 1;
    let i = from;
    while (i < this.text.length && depth > 0) {
      const c = this.text[i];
      if (c === '"') i = this.stringEnd(i);
      else {
        if (c === "{") depth++;
        else if (c === "}") depth--;
        i++;
      }
    }
    return i;
  }
  /** `<<EOF` or `<<-EOF` through the line that closes it. */
  heredocEnd(from) {
    const marker = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(this.text.slice(from, from + 100))?.[1];
    if (!marker) return from + 2;
    let i = this.lineEnd(from) + 1;
    while (i < this.text.length) {
      const end = this.lineEnd(i);
      if (this.text.slice(i, end).trim() === marker) return end;
      i = end + 1;
    }
    return this.text.length;
  }
  commentEnd(from) {
    const end = this.text.indexOf("*/", from + 2);
    return end < 0 ? this.text.length : end + 2;
  }
  skipBlank(from, newlines) {
    let i = from;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === " " || c === "	" || c === "\r" || newlines && c === "\n") i++;
      else if (newlines && (c === "#" || c === "/" && this.text[i + 1] === "/")) i = this.lineEnd(i);
      else if (c === "/" && this.text[i + 1] === "*") i = this.commentEnd(i);
      else break;
    }
    return i;
  }
  identifier(from) {
    return /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(from, from + 256))?.[0];
  }
  lineEnd(from) {
    const end = this.text.indexOf("\n", from);
    return end < 0 ? this.text.length : end;
  }
  range(start, end) {
    return { startLine: this.lineOf(start), endLine: this.lineOf(Math.max(start, end - 1)) };
  }
  lineOf(offset) {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
};

// checks/infra/terraform/terraform-json.ts
function isObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function body(value) {
  if (!isObject2(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (isObject2(item)) return [key, [body(item)]];
      if (Array.isArray(item) && item.length && item.every(isObject2)) return [key, item.map(body)];
      return [key, item];
    })
  );
}
var bodies = (value) => Array.isArray(value) ? value.map(body) : [body(value)];
function labelled(value, depth) {
  if (depth === 0) return bodies(value);
  return isObject2(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, labelled(item, depth - 1)])) : {};
}
var LABELS = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, moved: 0, terraform: 0 };
function parseTerraformJson(text2, varFile = false) {
  const document = parseYamlDocuments(text2)[0];
  const raw = document?.value;
  const positions = document?.positions ?? { startLine: 1, endLine: 1 };
  const normalized = !isObject2(raw) ? {} : varFile ? raw : Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, labelled(value, LABELS[key] ?? 0)]));
  return {
    body: normalized,
    // The normalized path has a list index where the JSON may hold a single object: skip it there.
    locate: (path) => {
      const steps = [];
      let current = raw;
      for (const step of path) {
        if (typeof step === "number" && !Array.isArray(current)) continue;
        steps.push(step);
        current = Array.isArray(current) ? current[step] : isObject2(current) ? current[String(step)] : void 0;
      }
      return locate(positions, steps);
    }
  };
}

// checks/infra/terraform/parse-terraform.ts
var MODULES_MANIFEST = ".terraform/modules/modules.json";
function isModulesManifest(path) {
  return path === MODULES_MANIFEST || path.endsWith(`/${MODULES_MANIFEST}`);
}
var hcl2json;
function parseHcl(path, text2) {
  hcl2json ??= import("./chunk-AGSOMJRC.js").then((module) => module.parse);
  return hcl2json.then((parse) => parse(path, text2));
}
var MAX_HCL_NESTING = 500;
function findExcessiveNesting(text2) {
  let line = 1;
  let depth = 0;
  let unaryRun = 0;
  let conditionals = 0;
  let lastSignificant = "";
  let lineBroken = false;
  for (const char of text2) {
    if (char === "\n") {
      line++;
      lineBroken = true;
    } else if (char !== " " && char !== "	" && char !== "\r") {
      if (lineBroken && !CONTINUES.includes(lastSignificant) && !CONTINUES.includes(char)) conditionals = 0;
      lineBroken = false;
      lastSignificant = char;
    }
    if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") depth = Math.max(0, depth - 1);
    else if (char === "?") conditionals++;
    if (char === "!" || char === "-") unaryRun++;
    else if (char !== " " && char !== "	" && char !== "\r" && char !== "\n") unaryRun = 0;
    if (depth > MAX_HCL_NESTING || unaryRun > MAX_HCL_NESTING || conditionals > MAX_HCL_NESTING) {
      return { line, message: `expressions nest deeper than ${MAX_HCL_NESTING} levels; the file was not parsed` };
    }
  }
  return void 0;
}
var CONTINUES = "?:([{,=!-+*/%&|<>";
async function parseTerraformModule(files, options = {}) {
  const manifests = new Map(files.filter((file) => isModulesManifest(file.path)).map((file) => [file.path, file.text]));
  const parsed = await Promise.all(files.map(async (file) => isModulesManifest(file.path) ? void 0 : parseFile(file)));
  const sources = parsed.filter((result) => result !== void 0 && !("error" in result));
  const configuration = evaluateConfiguration(sources, { ...options.varFiles ? { varFiles: options.varFiles } : {}, modulesJson: manifests });
  const byPath = /* @__PURE__ */ new Map();
  for (const resource of configuration.resources) byPath.set(resource.path, [...byPath.get(resource.path) ?? [], resource]);
  return files.map((file, position) => {
    const result = parsed[position];
    if (result && "error" in result) return result.error;
    const notes = configuration.notes.get(file.path);
    const resources = (byPath.get(file.path) ?? []).sort((a, b) => a.range.startLine - b.range.startLine);
    return { ok: true, path: file.path, format: "terraform", resources, ...notes ? { notes } : {} };
  });
}
async function parseFile(file) {
  const failed = (line, message) => ({ error: { ok: false, path: file.path, format: "terraform", line, message } });
  if (file.path.endsWith(".json")) {
    try {
      return { path: file.path, ...parseTerraformJson(file.text, isVarFile(file.path)) };
    } catch (error) {
      if (error instanceof YamlSyntaxError) return failed(error.line, error.message);
      throw error;
    }
  }
  const tooDeep = findExcessiveNesting(file.text);
  if (tooDeep) return failed(tooDeep.line, tooDeep.message);
  try {
    const body2 = await parseHcl(posix3.basename(file.path), file.text);
    const positions = locateHcl(file.text);
    return { path: file.path, body: body2, locate: (path) => locate(positions, path) };
  } catch (error) {
    const described = describeHclError(error instanceof Error ? error.message : String(error));
    return failed(described.line, described.message);
  }
}
function describeHclError(message) {
  const match = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
  if (!match) return { line: 1, message: shorten(message.replace(/^parse config: /, "")) };
  return { line: Number(match[1]), message: shorten(match[2].trim()) };
}
function shorten(message) {
  const line = message.split("\n")[0];
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}

// checks/environments/resolve-values.ts
var EXPRESSION = /\b(var|local)\.[A-Za-z_][\w-]*/;
async function resolveNetworkValues(source, paths, facts) {
  const modules = /* @__PURE__ */ new Set();
  for (const file of facts.values()) {
    const usesExpression = file.tokens.some((token) => token.block && isNetworkBlock(token.block) && EXPRESSION.test(token.text));
    if (file.path.endsWith(".tf") && usesExpression) modules.add(posix4.dirname(file.path));
  }
  const resolved = /* @__PURE__ */ new Map();
  for (const module of [...modules].sort()) {
    const files = await readModule(
      source,
      paths.filter((path) => path.endsWith(".tf") && posix4.dirname(path) === module)
    );
    const lines = new Map(files.map((file) => [file.path, file.text.split(/\r?\n/)]));
    let parsed;
    try {
      parsed = await parseTerraformModule(files);
    } catch {
      continue;
    }
    for (const file of parsed) {
      if (!file.ok) continue;
      const tokens = file.resources.filter((resource) => isNetworkBlock(blockOf(resource))).flatMap((resource) => tokensOf2(resource, lines.get(file.path) ?? []));
      if (tokens.length) resolved.set(file.path, tokens);
    }
  }
  return resolved;
}
async function readModule(source, paths) {
  const texts = await Promise.all(paths.map(async (path) => ({ path, text: await source.read(path).catch(() => void 0) })));
  return texts.flatMap(({ path, text: text2 }) => text2 === void 0 ? [] : [{ path, text: text2 }]);
}
function blockOf(resource) {
  return { type: resource.type, name: resource.address.split(".").at(-1) ?? "", ...resource.range };
}
function tokensOf2(resource, lines) {
  const tokens = [];
  const walk = (value, steps) => {
    if (isUnresolved(value)) return;
    if (Array.isArray(value)) value.forEach((item, index2) => walk(item, [...steps, index2]));
    else if (typeof value === "object" && value !== null) for (const [key, inner] of Object.entries(value)) walk(inner, [...steps, key]);
    else if (typeof value === "string") {
      const line = resource.locate(steps).startLine;
      const expression = EXPRESSION.exec(lines[line - 1] ?? "");
      if (!expression) return;
      const key = steps.findLast((step) => typeof step === "string");
      tokens.push({
        text: value,
        place: { path: resource.path, line, column: expression.index + 1 },
        ...key ? { key } : {},
        block: blockOf(resource),
        namespaceContext: false,
        expression: expression[0]
      });
    }
  };
  walk(resource.values, []);
  return tokens;
}

// checks/environments/suppress.ts
function applyEnvironmentSuppressions(findings, facts, now) {
  const byPath = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const path = finding.location.kind === "file" ? finding.location.path : "";
    byPath.set(path, [...byPath.get(path) ?? [], finding]);
  }
  const outcome = { findings: [...byPath.get("") ?? []], suppressed: [] };
  byPath.delete("");
  for (const file of facts.values()) {
    const result = applySuppressionList(file.path, file.suppressions, byPath.get(file.path) ?? [], file.blocks, now);
    byPath.delete(file.path);
    outcome.findings.push(...result.findings);
    outcome.suppressed.push(...result.suppressed);
  }
  for (const rest of byPath.values()) outcome.findings.push(...rest);
  return outcome;
}

// checks/environments/evaluate.ts
var import_picomatch3 = __toESM(require_picomatch(), 1);

// checks/environments/cidr.ts
import { isIP as isIP2 } from "node:net";
function parseRange(text2) {
  const [address = "", prefixText, ...rest] = text2.split("/");
  if (rest.length) return void 0;
  const family = isIP2(address);
  if (family !== 4 && family !== 6) return void 0;
  const bits = family === 4 ? 32 : 128;
  if (prefixText !== void 0 && !/^\d{1,3}$/.test(prefixText)) return void 0;
  const prefix = prefixText === void 0 ? bits : Number(prefixText);
  if (prefix > bits) return void 0;
  const value = family === 4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const hostBits = BigInt(bits - prefix);
  const first = value >> hostBits << hostBits;
  return { family, first, last: first + (1n << hostBits) - 1n, prefix, text: text2 };
}
function rangesOverlap(a, b) {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}
function rangeContains(outer, inner) {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}
function isCatchAll(range) {
  return range.prefix < (range.family === 4 ? 8 : 16);
}
function ipv4ToBigInt(address) {
  return address.split(".").reduce((value, octet) => value << 8n | BigInt(Number(octet)), 0n);
}
function ipv6ToBigInt(address) {
  let text2 = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text2);
  if (v4?.[1]) {
    const n = ipv4ToBigInt(v4[1]);
    text2 = `${text2.slice(0, -v4[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text2.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array(tail === void 0 ? 0 : missing).fill("0"), ...tailGroups];
  return groups.reduce((value, group) => value << 16n | BigInt(parseInt(group, 16)), 0n);
}

// checks/environments/evaluate.ts
function declaredKey(environment, field, value) {
  return `${environment}\0${field}\0${value}`;
}
var NETWORK_KINDS = /* @__PURE__ */ new Set(["vpc", "cidr", "account", "namespace"]);
var FIELD_KIND = {
  accounts: { kind: "account", label: "cloud account" },
  vpcs: { kind: "vpc", label: "VPC" },
  cidrs: { kind: "cidr", label: "network range" },
  domains: { kind: "domain", label: "domain" },
  namespaces: { kind: "namespace", label: "namespace" },
  names: { kind: "name", label: "resource name" }
};
function addTo(map, key, value) {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}
function fileLocation(place) {
  return { kind: "file", path: place.path, startLine: place.line, endLine: place.line };
}
function buildIndex(facts) {
  const index2 = { exact: /* @__PURE__ */ new Map(), patterns: [], ranges: [] };
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const addExact = (owner) => {
    addTo(index2.exact, owner.value.toLowerCase(), owner);
  };
  const addRange = (owner) => {
    const range = parseRange(owner.value);
    if (range && !isCatchAll(range)) index2.ranges.push({ owner, range });
  };
  for (const environment of facts.model.environments) {
    for (const field of Object.keys(FIELD_KIND)) {
      const { kind, label } = FIELD_KIND[field];
      for (const value of environment.identifiers[field]) {
        const place = facts.declared[declaredKey(environment.name, field, value)];
        const owner = { environment, kind, value, label, shareable: kind === "account" || kind === "vpc", declared: true, ...place ? { place } : {} };
        if (kind === "cidr") addRange(owner);
        else if (kind === "domain" || kind === "name") {
          index2.patterns.push({ owner, isMatch: (0, import_picomatch3.default)(value, { nocase: true, dot: true }) });
        } else addExact(owner);
      }
    }
  }
  for (const { environment: name, facts: file } of facts.files) {
    const environment = byName.get(name);
    if (!environment) continue;
    for (const definition2 of file.definitions) {
      if (definition2.kind === "namespace" && !readsLikeEnvironment(definition2.value)) continue;
      const owner = {
        environment,
        kind: definition2.kind,
        value: definition2.value,
        label: definition2.label,
        shareable: definition2.shareable,
        declared: false,
        place: fileLocation(definition2.place),
        column: definition2.place.column
      };
      if (definition2.kind === "cidr") addRange(owner);
      else addExact(owner);
    }
  }
  return index2;
}
function evaluateSeparation(facts) {
  if (facts.model.environments.length < 2) return ambiguousFindings(facts);
  const index2 = buildIndex(facts);
  return dedupeSubjects([
    ...ambiguousFindings(facts),
    ...referenceFindings(facts, index2),
    ...sharedResourceFindings(index2, facts.configPath),
    ...sharedStateFindings(facts),
    ...overlapFindings(index2, facts.configPath)
  ]);
}
function dedupeSubjects(findings) {
  const seen = /* @__PURE__ */ new Map();
  return findings.map((finding) => {
    const count = seen.get(finding.fingerprint) ?? 0;
    seen.set(finding.fingerprint, count + 1);
    return count === 0 ? finding : { ...finding, fingerprint: `${finding.fingerprint.slice(0, 28)}${String(count).padStart(4, "0")}` };
  });
}
function ambiguousFindings(facts) {
  return facts.ambiguous.map(
    ({ path, environments }) => makeFinding(ENV_AMBIGUOUS_PATH, {
      message: `${path} belongs to ${environments.join(" and ")} by their paths globs; expected exactly one environment. It is not checked for separation until one environment claims it.`,
      location: { kind: "file", path, startLine: 1, endLine: 1 },
      subject: `ambiguous|${path}|${environments.join(",")}`,
      evidence: { actual: environments, expected: "one environment" }
    })
  );
}
function candidatesOf(text2, namespaceContext) {
  const parts = text2.split(/[/:@]/).filter(Boolean);
  const accounts = text2.match(/(?<!\d)\d{12}(?!\d)/g) ?? [];
  const values = [...new Set([text2, ...parts, ...accounts].map((value) => value.toLowerCase()))];
  const labels = values.filter((value) => value.includes(".")).map((value) => value.split(".")[0] ?? value);
  const namespaces = values.flatMap((value) => /^[\w-]+\.([\w-]+)\.svc(\.|$)/.exec(value)?.[1] ?? []);
  if (namespaceContext) namespaces.push(text2.toLowerCase());
  return { values, labels, namespaces };
}
function hitsOf(text2, namespaceContext, home, index2) {
  const { values, labels, namespaces } = candidatesOf(text2, namespaceContext);
  const matches = [];
  const exactOwners = (value, kinds) => (index2.exact.get(value) ?? []).filter((owner) => owner.kind === "namespace" === (kinds === "namespace"));
  const addExact = (value, owners) => {
    if (owners.some((owner) => owner.environment === home)) return;
    for (const owner of owners) matches.push({ owner, value });
  };
  for (const value of values) addExact(value, exactOwners(value, "other"));
  for (const value of labels)
    addExact(
      value,
      exactOwners(value, "other").filter((owner) => owner.kind === "name")
    );
  for (const value of namespaces) addExact(value, exactOwners(value, "namespace"));
  const patternValues = [...values, ...labels];
  const hosts = values.filter((value) => hostOf(value) === value);
  for (const { owner, isMatch } of index2.patterns) {
    const candidates = owner.kind === "domain" ? hosts : patternValues;
    const value = candidates.find((candidate) => isMatch(candidate));
    if (value === void 0 || owner.environment === home) continue;
    const homeClaims = index2.patterns.some((other) => other.owner.environment === home && other.owner.kind === owner.kind && other.isMatch(value));
    if (!homeClaims) matches.push({ owner, value });
  }
  const range = parseRange(text2);
  if (range && !isCatchAll(range)) {
    const homeRanges = index2.ranges.filter((entry) => entry.owner.environment === home);
    if (!homeRanges.some((entry) => rangeContains(entry.range, range))) {
      for (const entry of index2.ranges) {
        if (entry.owner.environment !== home && rangesOverlap(entry.range, range)) matches.push({ owner: entry.owner, value: text2 });
      }
    }
  }
  return matches;
}
function severityFor(rule, a, b) {
  return a.production || b.production ? rule.severity : "medium";
}
function referenceFindings(facts, index2) {
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const findings = [];
  const cache = /* @__PURE__ */ new Map();
  for (const { environment: name, facts: file } of facts.files) {
    const home = byName.get(name);
    if (!home) continue;
    const byLineAndTarget = /* @__PURE__ */ new Map();
    for (const token of file.tokens) {
      const key = `${name}\0${token.namespaceContext ? "ns" : ""}\0${token.text}`;
      const hits = cache.get(key) ?? hitsOf(token.text, token.namespaceContext, home, index2);
      cache.set(key, hits);
      for (const hit of hits) {
        addTo(byLineAndTarget, `${token.place.line}\0${hit.owner.environment.name}`, { ...hit, token });
      }
    }
    for (const matches of byLineAndTarget.values()) findings.push(referenceFinding(home, matches));
  }
  return findings;
}
function referenceFinding(home, matches) {
  const primary = [...matches].sort((a, b) => Number(a.owner.declared) - Number(b.owner.declared) || b.value.length - a.value.length)[0];
  const { token, owner } = primary;
  const target = owner.environment;
  const block = token.block;
  const blockName = block ? block.name ? `${block.type}.${block.name}` : block.type : "";
  const network = block !== void 0 && isNetworkBlock(block) && matches.some((match) => NETWORK_KINDS.has(match.owner.kind));
  const rule = network ? ENV_NETWORK_PATH : ENV_CROSS_REFERENCE;
  const what = `${target.name}'s ${owner.label} "${owner.value}"${howWritten(owner, token)}, ${placeText(owner)}`;
  const message = network ? `${home.name} opens a network path to ${target.name}: ${blockName} admits or reaches ${what}. Expected no peering, attachment, rule or policy between ${home.name} and ${target.name}.` : `${home.name} references ${what}. Expected ${home.name} files to name only ${home.name} resources.`;
  const related = uniqueLocations(matches.flatMap((match) => match.owner.place ? [match.owner.place] : []));
  const values = [...new Set(matches.map((match) => match.value))].sort();
  return makeFinding(rule, {
    message,
    location: fileLocation(token.place),
    related,
    severity: severityFor(rule, home, target),
    subject: `reference|${token.place.path}|${blockName}|${token.key ?? ""}|${home.name}->${target.name}|${values.join(",")}`,
    evidence: {
      actual: token.text,
      expected: `no ${target.name} identifiers in ${home.name} files`,
      fromEnvironment: home.name,
      toEnvironment: target.name,
      column: token.place.column,
      ...token.expression ? { expression: token.expression } : {},
      identifiers: matches.map((match) => ({ kind: match.owner.kind, value: match.value, declaredAs: match.owner.value }))
    }
  });
}
function howWritten(owner, token) {
  if (token.expression) return ` (through ${token.expression})`;
  return owner.value.toLowerCase() === token.text.toLowerCase() ? "" : ` (in "${token.text}")`;
}
function placeText(owner) {
  const where = owner.place ? `${owner.place.path}:${owner.place.startLine}` : "the config";
  return `${owner.declared ? "declared in" : "defined in"} ${where}`;
}
function uniqueLocations(locations) {
  const seen = /* @__PURE__ */ new Set();
  return locations.filter((location) => {
    const key = `${location.path}:${location.startLine}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function orderSides(a, b) {
  if (a.environment.production !== b.environment.production) return a.environment.production ? [b, a] : [a, b];
  return a.environment.name <= b.environment.name ? [a, b] : [b, a];
}
function environmentPairs(items) {
  const first = /* @__PURE__ */ new Map();
  for (const item of items) if (!first.has(item.environment.name)) first.set(item.environment.name, item);
  const representatives = [...first.values()];
  return representatives.flatMap((a, i) => representatives.slice(i + 1).map((b) => orderSides(a, b)));
}
function locationOf(owner, configPath) {
  return owner.place ?? { kind: "file", path: configPath, startLine: 1, endLine: 1 };
}
function sharedResourceFindings(index2, configPath) {
  const findings = [];
  for (const owners of index2.exact.values()) {
    const shareable = owners.filter((owner) => owner.shareable).sort(byPlace);
    for (const [a, b] of environmentPairs(shareable)) {
      findings.push(
        makeFinding(ENV_SHARED_RESOURCE, {
          message: `${a.environment.name} and ${b.environment.name} share the ${a.label} "${a.value}" (${placeText(b)}). Expected each environment to have its own.`,
          location: locationOf(a, configPath),
          ...b.place ? { related: [b.place] } : {},
          severity: severityFor(ENV_SHARED_RESOURCE, a.environment, b.environment),
          subject: `shared|${a.label}|${a.value.toLowerCase()}|${a.environment.name}|${b.environment.name}`,
          evidence: {
            actual: a.value,
            expected: "one resource per environment",
            environments: [a.environment.name, b.environment.name],
            ...a.column ? { column: a.column } : {}
          }
        })
      );
    }
  }
  return findings;
}
function byPlace(a, b) {
  const left = a.place ? `${a.place.path}\0${String(a.place.startLine).padStart(8, "0")}` : "";
  const right = b.place ? `${b.place.path}\0${String(b.place.startLine).padStart(8, "0")}` : "";
  return left.localeCompare(right);
}
function stateIdentity(backend) {
  const fields = Object.entries(backend.fields).sort(([a], [b]) => a.localeCompare(b));
  return `${backend.type === "file" ? "" : backend.type}|${fields.map(([key, value]) => `${key}=${value}`).join("|")}`;
}
function sharedStateFindings(facts) {
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const groups = /* @__PURE__ */ new Map();
  for (const { environment: name, facts: file } of facts.files) {
    const environment = byName.get(name);
    if (!environment) continue;
    for (const backend of file.backends.filter(hasStateLocation)) {
      addTo(groups, stateIdentity(backend), { environment, backend });
    }
  }
  return [...groups.entries()].flatMap(
    ([identity, members]) => environmentPairs(members).map(
      ([a, b]) => makeFinding(ENV_SHARED_STATE, {
        message: `${a.environment.name} and ${b.environment.name} use the same Terraform state (${describeState(a.backend)}; also in ${b.backend.place.path}:${b.backend.place.line}). Expected a state per environment.`,
        location: fileLocation(a.backend.place),
        related: [fileLocation(b.backend.place)],
        severity: severityFor(ENV_SHARED_STATE, a.environment, b.environment),
        subject: `state|${identity}|${a.environment.name}|${b.environment.name}`,
        evidence: { actual: a.backend.fields, expected: "a state location per environment", environments: [a.environment.name, b.environment.name] }
      })
    )
  );
}
function describeState(backend) {
  const fields = Object.entries(backend.fields).map(([key, value]) => `${key} "${value}"`);
  return `${backend.type === "file" ? "backend config" : `backend "${backend.type}"`} ${fields.join(", ")}`;
}
function overlapFindings(index2, configPath) {
  const byEnvironment = /* @__PURE__ */ new Map();
  for (const entry of index2.ranges) addTo(byEnvironment, entry.owner.environment, entry);
  const widest = [...byEnvironment.values()].flatMap(
    (ranges) => ranges.filter(
      (entry, i) => !ranges.some((other, j) => j !== i && rangeContains(other.range, entry.range) && (other.range.prefix < entry.range.prefix || j < i))
    )
  );
  const findings = [];
  widest.forEach((left, i) => {
    for (const right of widest.slice(i + 1)) {
      if (left.owner.environment === right.owner.environment || !rangesOverlap(left.range, right.range)) continue;
      const [a, b] = orderSides({ environment: left.owner.environment, entry: left }, { environment: right.owner.environment, entry: right });
      const [x, y] = [a.entry.owner, b.entry.owner];
      findings.push(
        makeFinding(ENV_CIDR_OVERLAP, {
          message: `${x.environment.name}'s network range ${x.value} overlaps ${y.environment.name}'s ${y.value} (${placeText(y)}). Expected disjoint ranges per environment.`,
          location: locationOf(x, configPath),
          ...y.place ? { related: [y.place] } : {},
          subject: `overlap|${x.environment.name}:${x.value}|${y.environment.name}:${y.value}`,
          evidence: { actual: [x.value, y.value], expected: "disjoint ranges", environments: [x.environment.name, y.environment.name] }
        })
      );
    }
  });
  return findings;
}

// checks/environments/index.ts
var MAX_FILE_BYTES = 1024 * 1024;
var READ_CONCURRENCY = 16;
function isEnvironmentFile(path) {
  return /\.(tf|tfvars|hcl|tfbackend|json|ya?ml|conf|env|ini|properties|toml)$/.test(path) || /(^|\/)\.env$/.test(path);
}
async function checkEnvironments(input) {
  const { changeSet, config } = input;
  const configPath = input.configPath ?? DEFAULT_CONFIG_PATH;
  const report = emptyReport(TOOL, input.now.toISOString());
  let headPaths;
  try {
    headPaths = await changeSet.head.list();
  } catch (error) {
    report.errors.push({ category: "read", target: "environments", message: `could not list the files at head: ${messageOf(error)}` });
    return report;
  }
  const basePaths = pathsAtBase(changeSet, headPaths);
  const allPaths = [.../* @__PURE__ */ new Set([...headPaths, ...basePaths])];
  const read = /* @__PURE__ */ new Map();
  const manifests = declaresEnvironments(config) ? [] : await unclaimedManifests(changeSet.head, headPaths, inferEnvironments(allPaths), read, report.errors);
  const model = resolveEnvironments(config, allPaths, manifests);
  report.notes.push(...model.notes);
  if (model.environments.length === 1) {
    report.notes.push(`environments: only ${model.environments[0]?.name ?? ""} is known; nothing to keep separate`);
  }
  if (model.environments.length === 0) return report;
  const classify2 = createClassifier(model);
  const declared = await declaredPlaces(changeSet, configPath, model);
  const { head, base } = await collectVersions(changeSet, headPaths, basePaths, classify2, read, report.errors);
  const evaluate2 = (version) => evaluateSeparation({ model, files: version.files, ambiguous: version.ambiguous, declared, configPath });
  const before = new Set(evaluate2(base).map((finding) => finding.fingerprint));
  const classified = evaluate2(head).map((finding) => ({ ...finding, change: before.has(finding.fingerprint) ? "existing" : "introduced" }));
  const { findings, suppressed } = applyEnvironmentSuppressions(classified, head.facts, input.now);
  report.findings = findings.sort(compareFindings);
  report.suppressed = suppressed;
  report.notes.push(
    `environments: checked ${head.files.length} files of ${model.environments.map((env) => env.name).join(", ")} at head (${base.read} re-read at base)`
  );
  return report;
}
function changedAtBase(changeSet) {
  return new Set(changeSet.changed.flatMap((file) => [file.path, ...file.previousPath ? [file.previousPath] : []]));
}
function pathsAtBase(changeSet, headPaths) {
  const changed = changedAtBase(changeSet);
  const paths = new Set(headPaths.filter((path) => !changed.has(path)));
  for (const file of changeSet.changed) {
    if (file.status === "modified" || file.status === "removed") paths.add(file.path);
    if (file.status === "renamed" && file.previousPath) paths.add(file.previousPath);
  }
  return [...paths];
}
async function unclaimedManifests(source, paths, layout, read, errors) {
  const classify2 = createClassifier(layout);
  const candidates = paths.filter((path) => isYamlPath(path) && classify2(path).length === 0).sort();
  const manifests = [];
  await forEachLimited(candidates, READ_CONCURRENCY, async (path) => {
    const text2 = await readText(source, path, errors, "head");
    const namespaces = text2 === void 0 ? [] : manifestNamespaces(text2);
    if (text2 === void 0 || !namespaces.length) return;
    manifests.push({ path, namespaces });
    read.set(path, collectFileFacts(path, text2));
  });
  return manifests.sort((a, b) => a.path.localeCompare(b.path));
}
async function collectVersions(changeSet, headPaths, basePaths, classify2, read, errors) {
  const head = await collectVersion(changeSet.head, headPaths, classify2, read, errors, "head");
  const changed = changedAtBase(changeSet);
  const unchanged = new Map([...head.facts].filter(([path]) => !changed.has(path)));
  const base = await collectVersion(changeSet.base, basePaths, classify2, unchanged, errors, "base");
  const changedModules = new Set([...changed].filter((path) => path.endsWith(".tf")).map((path) => posix5.dirname(path)));
  const inChangedModule = (path) => changedModules.has(posix5.dirname(path));
  const headResolved = await resolveNetworkValues(changeSet.head, headPaths, head.facts);
  const baseResolved = await resolveNetworkValues(changeSet.base, basePaths, new Map([...base.facts].filter(([path]) => inChangedModule(path))));
  for (const [path, tokens] of headResolved) if (!inChangedModule(path)) baseResolved.set(path, tokens);
  return { head: withResolved(head, headResolved), base: withResolved(base, baseResolved) };
}
function withResolved(version, resolved) {
  const files = version.files.map(({ environment, facts }) => {
    const extra = resolved.get(facts.path);
    return extra ? { environment, facts: { ...facts, tokens: [...facts.tokens, ...extra] } } : { environment, facts };
  });
  return { ...version, files };
}
async function collectVersion(source, paths, classify2, known, errors, version) {
  const result = { files: [], ambiguous: [], facts: /* @__PURE__ */ new Map(), read: 0 };
  const owned = paths.filter(isEnvironmentFile).map((path) => ({ path, environments: classify2(path).map((env) => env.name) })).filter((entry) => entry.environments.length > 0).sort((a, b) => a.path.localeCompare(b.path));
  result.ambiguous = owned.filter((entry) => entry.environments.length > 1);
  const single = owned.filter((entry) => entry.environments.length === 1);
  await forEachLimited(single, READ_CONCURRENCY, async ({ path }) => {
    const facts = known.get(path) ?? await readFacts(source, path, errors, version);
    if (!known.has(path)) result.read++;
    if (facts) result.facts.set(path, facts);
  });
  result.files = single.flatMap(({ path, environments: [environment = ""] }) => {
    const facts = result.facts.get(path);
    return facts ? [{ environment, facts }] : [];
  });
  return result;
}
async function readFacts(source, path, errors, version) {
  const text2 = await readText(source, path, errors, version);
  return text2 === void 0 ? void 0 : collectFileFacts(path, text2);
}
async function readText(source, path, errors, version) {
  const target = version === "head" ? path : `${path} (base)`;
  let text2;
  try {
    text2 = await source.read(path);
  } catch (error) {
    errors.push({ category: "read", target, message: `could not read the file for the environment checks: ${messageOf(error)}` });
    return void 0;
  }
  if (text2 === void 0) return void 0;
  if (Buffer.byteLength(text2) > MAX_FILE_BYTES) {
    errors.push({ category: "parse", target, message: `larger than ${MAX_FILE_BYTES} bytes; not checked for environment separation` });
    return void 0;
  }
  return text2;
}
async function declaredPlaces(changeSet, configPath, model) {
  const places = {};
  if (!model.environments.some((env) => env.source === "declared")) return places;
  let document;
  try {
    const text2 = await changeSet.base.read(configPath) ?? await changeSet.head.read(configPath);
    if (text2 !== void 0) document = parseYaml(text2);
  } catch {
    return places;
  }
  if (!document) return places;
  const { value: root, positions } = document;
  for (const env of model.environments) {
    for (const [field, values] of Object.entries(env.identifiers)) {
      values.forEach((value, index2) => {
        const path = ["environments", env.name, "identifiers", field, index2];
        if (valueAt2(root, path) !== value) return;
        const { startLine, endLine } = locate(positions, path);
        places[declaredKey(env.name, field, value)] = { kind: "file", path: configPath, startLine, endLine };
      });
    }
  }
  return places;
}
function valueAt2(root, path) {
  return path.reduce((node, step) => typeof node === "object" && node !== null ? node[step] : void 0, root);
}
async function forEachLimited(items, limit, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// checks/infra/index.ts
var import_picomatch8 = __toESM(require_picomatch(), 1);

// checks/infra/collect.ts
var import_picomatch7 = __toESM(require_picomatch(), 1);
import { posix as posix11 } from "node:path";

// checks/infra/formats.ts
var import_picomatch6 = __toESM(require_picomatch(), 1);

// checks/infra/cloudformation/parse-cloudformation.ts
import { posix as posix7 } from "node:path";

// checks/infra/file-identity.ts
function identifyInFile(format2, resources) {
  const seen = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    resource.scope = `${format2}:${resource.path}`;
    const count = (seen.get(resource.address) ?? 0) + 1;
    seen.set(resource.address, count);
    if (count > 1) resource.address = `${resource.address}#${count}`;
  }
}

// checks/infra/cloudformation/evaluate.ts
var NO_VALUE = /* @__PURE__ */ Symbol("AWS::NoValue");
function asObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function intrinsicOf(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return void 0;
  const entries = Object.entries(value);
  const [name, argument] = entries[0] ?? [];
  return entries.length === 1 && name !== void 0 && (name === "Ref" || name === "Condition" || name.startsWith("Fn::")) ? { name, argument } : void 0;
}
function written(name, argument) {
  return `${name === "Ref" || name === "Condition" ? name : `!${name.slice(4)}`} ${JSON.stringify(argument)}`;
}
function isScalar(value) {
  return value === null || value === void 0 || ["string", "number", "boolean"].includes(typeof value);
}
function asText(value) {
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" ? String(value) : void 0;
}
function eitherOf(expression, whenTrue, whenFalse) {
  const branches = (value) => isUnresolved(value) && value.branches ? [...value.branches] : [value === NO_VALUE ? void 0 : value];
  if ((isScalar(whenTrue) || whenTrue === NO_VALUE || isUnresolved(whenTrue)) && (isScalar(whenFalse) || whenFalse === NO_VALUE || isUnresolved(whenFalse))) {
    const all = [...branches(whenTrue), ...branches(whenFalse)];
    if (all.every((branch) => isScalar(branch) || isUnresolved(branch))) return unresolved(expression, all);
  }
  if (Array.isArray(whenTrue) && Array.isArray(whenFalse) && whenTrue.length === whenFalse.length) {
    return whenTrue.map((item, index2) => eitherOf(expression, item, whenFalse[index2]));
  }
  const both = [whenTrue, whenFalse];
  if (both.every((branch) => branch !== null && typeof branch === "object" && !Array.isArray(branch) && !isUnresolved(branch))) {
    const keys = [...new Set(both.flatMap((branch) => Object.keys(branch)))];
    return Object.fromEntries(keys.map((key) => [key, eitherOf(expression, whenTrue[key] ?? NO_VALUE, whenFalse[key] ?? NO_VALUE)]));
  }
  return unresolved(`${expression} (its branches differ in shape)`);
}
function unresolvedBecause(expression, ...inputs) {
  const cause = inputs.find(isUnresolved);
  return unresolved(cause ? `${expression}: ${cause.expression}` : expression);
}
var TemplateScope = class {
  constructor(template2, parameters) {
    this.template = template2;
    this.parameters = parameters;
  }
  template;
  parameters;
  conditions = /* @__PURE__ */ new Map();
  deciding = /* @__PURE__ */ new Set();
  /** The other-file place of the last bound parameter read (see `evaluateAt`). */
  touched;
  /** A named condition: true, false, or unresolved when it depends on what the template does not decide. */
  condition(name) {
    const known = this.conditions.get(name);
    if (known !== void 0) return known;
    const definitions = asObject(this.template.Conditions);
    if (!(name in definitions)) return unresolved(`Condition ${name} (no such condition)`);
    if (this.deciding.has(name)) return unresolved(`Condition ${name} (defined in terms of itself)`);
    this.deciding.add(name);
    const value = this.evaluate(definitions[name]);
    this.deciding.delete(name);
    const decided = typeof value === "boolean" ? value : isUnresolved(value) ? unresolved(`Condition ${name}: ${value.expression}`) : value === "true" ? true : value === "false" ? false : unresolved(`Condition ${name} is not a boolean`);
    this.conditions.set(name, decided);
    return decided;
  }
  /**
   * Whether an undecided condition hangs only on where the stack is deployed (pseudo parameters:
   * `AWS::Region`, `AWS::AccountId`, `AWS::Partition`...), not on a value someone chooses (a
   * parameter without value, an import, another resource's attribute).
   */
  dependsOnlyOnPlacement(name, seen = /* @__PURE__ */ new Set()) {
    if (seen.has(name)) return false;
    const inner = /* @__PURE__ */ new Set([...seen, name]);
    const placementOnly = (value) => {
      if (Array.isArray(value)) return value.every(placementOnly);
      const intrinsic = intrinsicOf(value);
      if (!intrinsic) return value === null || typeof value !== "object" || Object.values(value).every(placementOnly);
      const { name: fn, argument } = intrinsic;
      if (fn === "Ref") return typeof argument === "string" && (argument.startsWith("AWS::") || this.parameters.has(argument));
      if (fn === "Condition") return typeof argument === "string" && this.dependsOnlyOnPlacement(argument, inner);
      if (fn === "Fn::Sub") {
        const text2 = Array.isArray(argument) ? argument[0] : argument;
        const names = typeof text2 === "string" ? [...text2.matchAll(/\$\{([^}!.]*)\}/g)].map((match) => match[1] ?? "") : [];
        return typeof text2 === "string" && names.every(
          (variable) => variable.startsWith("AWS::") || this.parameters.has(variable) || Array.isArray(argument) && variable in asObject(argument[1])
        );
      }
      return ["Fn::If", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::FindInMap", "Fn::Join", "Fn::Select", "Fn::Split"].includes(fn) && placementOnly(argument);
    };
    const definition2 = asObject(this.template.Conditions)[name];
    return definition2 !== void 0 && placementOnly(definition2);
  }
  /** Evaluates a value; `origin` is the other-file place of a parameter it read, when any. */
  evaluateAt(value) {
    this.touched = void 0;
    const result = this.evaluate(value);
    return this.touched ? { value: result, origin: this.touched } : { value: result };
  }
  evaluate(value) {
    if (Array.isArray(value)) return value.map((item) => this.evaluate(item)).filter((item) => item !== NO_VALUE);
    const intrinsic = intrinsicOf(value);
    if (intrinsic) return this.intrinsic(intrinsic.name, intrinsic.argument);
    if (value === null || typeof value !== "object") return value;
    const entries = Object.entries(value).map(([key, item]) => [key, this.evaluate(item)]);
    return Object.fromEntries(entries.filter(([, item]) => item !== NO_VALUE));
  }
  intrinsic(name, argument) {
    const expression = written(name, argument);
    switch (name) {
      case "Ref":
        return this.ref(argument);
      case "Condition":
        return typeof argument === "string" ? this.condition(argument) : unresolved(expression);
      case "Fn::If":
        return this.fnIf(argument, expression);
      case "Fn::Equals":
        return this.logical(argument, expression, (values) => {
          const [left, right] = values.map(asText);
          return values.length === 2 && left !== void 0 && right !== void 0 ? left === right : void 0;
        });
      case "Fn::And":
        return this.logical(argument, expression, (values) => values.includes(false) ? false : values.every((item) => item === true) ? true : void 0);
      case "Fn::Or":
        return this.logical(argument, expression, (values) => values.includes(true) ? true : values.every((item) => item === false) ? false : void 0);
      case "Fn::Not":
        return this.logical(argument, expression, (values) => values.length === 1 && typeof values[0] === "boolean" ? !values[0] : void 0);
      case "Fn::FindInMap":
        return this.findInMap(argument, expression);
      case "Fn::Sub":
        return this.sub(argument, expression);
      case "Fn::Join":
        return this.join(argument, expression);
      case "Fn::Select": {
        const [index2, list2] = Array.isArray(argument) ? [this.evaluate(argument[0]), this.evaluate(argument[1])] : [];
        const position = Number(asText(index2));
        return Array.isArray(list2) && Number.isInteger(position) && position >= 0 && position < list2.length ? list2[position] : unresolvedBecause(expression, index2, list2);
      }
      case "Fn::Split": {
        const [delimiter, text2] = Array.isArray(argument) ? [this.evaluate(argument[0]), this.evaluate(argument[1])] : [];
        return typeof delimiter === "string" && typeof text2 === "string" && delimiter !== "" ? text2.split(delimiter) : unresolvedBecause(expression, delimiter, text2);
      }
      case "Fn::ImportValue":
        return unresolved(`${expression} (another stack's export, known only where this stack is deployed)`);
      default:
        return unresolved(expression);
    }
  }
  ref(name) {
    if (typeof name !== "string") return unresolved(written("Ref", name));
    if (name === "AWS::NoValue") return NO_VALUE;
    if (name.startsWith("AWS::")) return unresolved(`Ref ${name} (a pseudo parameter, known at deploy time)`);
    const binding = this.parameters.get(name);
    if (binding) {
      if (binding.origin) this.touched = binding.origin;
      return binding.value;
    }
    if (name in asObject(this.template.Parameters)) return unresolved(`Ref ${name} (a parameter without default)`);
    return unresolved(written("Ref", name));
  }
  fnIf(argument, expression) {
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== "string") return unresolved(expression);
    const decided = this.condition(argument[0]);
    if (decided === true) return this.evaluate(argument[1]);
    if (decided === false) return this.evaluate(argument[2]);
    return eitherOf(`!If [${argument[0]}, ...] (${decided.expression})`, this.evaluate(argument[1]), this.evaluate(argument[2]));
  }
  /** A condition function: decided when `decide` can tell from what is known (one `false` decides an And, whatever the others). */
  logical(argument, expression, decide) {
    const values = (Array.isArray(argument) ? argument : [argument]).map((item) => {
      const value = this.evaluate(item);
      return value === "true" ? true : value === "false" ? false : value;
    });
    const decided = decide(values);
    if (decided !== void 0) return decided;
    const cause = values.find(isUnresolved);
    return unresolved(cause ? `${expression}: ${cause.expression}` : expression);
  }
  findInMap(argument, expression) {
    if (!Array.isArray(argument) || argument.length < 3) return unresolved(expression);
    const keys = argument.slice(0, 3).map((item) => this.evaluate(item));
    const cause = keys.find(isUnresolved);
    if (cause) return unresolved(`${expression}: ${cause.expression}`);
    const [map, top, second] = keys.map(asText);
    const found = map !== void 0 && top !== void 0 && second !== void 0 ? asObject(asObject(asObject(this.template.Mappings)[map])[top])[second] : void 0;
    if (found !== void 0) return this.evaluate(found);
    const fallback = asObject(argument[3]).DefaultValue;
    return fallback !== void 0 ? this.evaluate(fallback) : unresolved(`${expression} (no such entry in Mappings)`);
  }
  sub(argument, expression) {
    const template2 = Array.isArray(argument) ? argument[0] : argument;
    const variables = Array.isArray(argument) ? asObject(argument[1]) : {};
    if (typeof template2 !== "string") return unresolved(expression);
    let cause;
    const text2 = template2.replace(/\$\{([^}]*)\}/g, (whole, name) => {
      if (name.startsWith("!")) return `\${${name.slice(1)}}`;
      const value = name in variables ? this.evaluate(variables[name]) : name.includes(".") ? unresolved(`\${${name}}`) : this.ref(name);
      const substituted = asText(value);
      if (substituted === void 0) cause ??= isUnresolved(value) ? value : unresolved(whole);
      return substituted ?? whole;
    });
    return cause ? unresolved(`${expression}: ${cause.expression}`) : text2;
  }
  join(argument, expression) {
    if (!Array.isArray(argument) || typeof argument[0] !== "string") return unresolved(expression);
    const list2 = this.evaluate(argument[1]);
    if (!Array.isArray(list2)) return unresolvedBecause(expression, list2);
    const parts = list2.map(asText);
    return parts.every((part) => part !== void 0) ? parts.join(argument[0]) : unresolvedBecause(expression, ...list2);
  }
};

// checks/infra/cloudformation/parameter-files.ts
var import_picomatch4 = __toESM(require_picomatch(), 1);
import { posix as posix6 } from "node:path";
var LIST_ITEM = /"?ParameterKey"?\s*:/;
var CONFIGURATION = /^\s*\{?\s*"?Parameters"?\s*:/m;
function looksLikeParameterFile(text2) {
  return LIST_ITEM.test(text2) || CONFIGURATION.test(text2);
}
var TEMPLATE_CONFIGURATION_KEYS = /* @__PURE__ */ new Set(["Parameters", "Tags", "StackPolicy"]);
function isScalar2(value) {
  return ["string", "number", "boolean"].includes(typeof value);
}
function readParameterFile(path, text2) {
  if (!looksLikeParameterFile(text2)) return void 0;
  let document;
  try {
    [document] = parseYamlDocuments(text2.replace(/^\uFEFF/, ""));
  } catch {
    return void 0;
  }
  if (!document) return void 0;
  const { value, positions } = document;
  const values = /* @__PURE__ */ new Map();
  if (Array.isArray(value)) {
    if (!value.length) return void 0;
    for (const [index2, item] of value.entries()) {
      const entry = asObject(item);
      if (typeof entry.ParameterKey !== "string") return void 0;
      if (entry.UsePreviousValue === true || entry.UsePreviousValue === "true") {
        values.set(entry.ParameterKey, {
          value: unresolved(`${entry.ParameterKey} (UsePreviousValue in ${path}: the running stack's value)`),
          place: { path, ...locate(positions, [index2]) }
        });
      } else if (isScalar2(entry.ParameterValue)) {
        values.set(entry.ParameterKey, { value: String(entry.ParameterValue), place: { path, ...locate(positions, [index2, "ParameterValue"]) } });
      } else return void 0;
    }
    return { path, values };
  }
  const configuration = asObject(value);
  const keys = Object.keys(configuration);
  const parameters = asObject(configuration.Parameters);
  if (!keys.includes("Parameters") || keys.some((key) => !TEMPLATE_CONFIGURATION_KEYS.has(key))) return void 0;
  for (const [name, item] of Object.entries(parameters)) {
    if (!isScalar2(item)) return void 0;
    values.set(name, { value: String(item), place: { path, ...locate(positions, ["Parameters", name]) } });
  }
  return { path, values };
}
function directoryOf(path) {
  const directory = posix6.dirname(path);
  return directory === "." ? "" : directory;
}
var TEMPLATE_EXTENSIONS = "{yaml,yml,json,template}";
function templateGlobsFor(path) {
  const directory = directoryOf(path);
  const parent = directory === "" ? "" : directoryOf(directory);
  const under = (dir, rest) => dir === "" ? rest : `${dir}/${rest}`;
  return [.../* @__PURE__ */ new Set([under(directory, `*.${TEMPLATE_EXTENSIONS}`), under(parent, `*.${TEMPLATE_EXTENSIONS}`), under(parent, `*/*.${TEMPLATE_EXTENSIONS}`)])];
}
var ROLE_WORDS = /* @__PURE__ */ new Set([
  "parameters",
  "parameter",
  "params",
  "param",
  "input",
  "inputs",
  "config",
  "configuration",
  "values",
  "master",
  "main",
  "root",
  "template",
  "stack",
  "cfn",
  "cloudformation",
  "json",
  "yaml",
  "yml"
]);
function nameWords(path) {
  return new Set(
    posix6.basename(path).toLowerCase().split(/[^a-z0-9]+/).filter((word) => word && !ROLE_WORDS.has(word))
  );
}
function sharedWords(a, b) {
  const words = nameWords(b);
  return [...nameWords(a)].filter((word) => words.has(word)).length;
}
function templatesFor(file, templates, configured) {
  const named2 = Object.entries(configured).flatMap(([template2, globs]) => (0, import_picomatch4.default)([...globs], { dot: true })(file.path) ? [template2] : []);
  if (Object.keys(configured).length && named2.length) return named2;
  const inReach = (0, import_picomatch4.default)(templateGlobsFor(file.path), { dot: true });
  const fitting = templates.filter(
    (template2) => template2.path !== file.path && inReach(template2.path) && [...file.values.keys()].every((name) => template2.parameters.has(name))
  );
  const best = Math.max(0, ...fitting.map((template2) => sharedWords(file.path, template2.path)));
  return fitting.filter((template2) => sharedWords(file.path, template2.path) === best).map((template2) => template2.path);
}

// checks/infra/cloudformation/parse-cloudformation.ts
var FUNCTION_TAGS = ["Sub", "GetAtt", "If", "Base64", "Join", "Select", "Split", "FindInMap", "ImportValue", "Equals", "And", "Or", "Not", "GetAZs", "Cidr"];
var KINDS = ["scalar", "sequence", "mapping"];
function intrinsicTypes(tag, key, convert = (data) => data) {
  return KINDS.map((kind) => new yaml.Type(`!${tag}`, { kind, construct: (data) => ({ [key]: convert(data) }) }));
}
var CLOUDFORMATION_SCHEMA = yaml.DEFAULT_SCHEMA.extend([
  ...intrinsicTypes("Ref", "Ref"),
  ...intrinsicTypes("Condition", "Condition"),
  ...intrinsicTypes("GetAtt", "Fn::GetAtt", (data) => typeof data === "string" ? data.split(/\.(.*)/s, 2) : data),
  ...FUNCTION_TAGS.filter((tag) => tag !== "GetAtt").flatMap((tag) => intrinsicTypes(tag, `Fn::${tag}`))
]);
var CLOUDFORMATION_CONTENT = /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/;
function looksLikeCloudFormation(text2) {
  return CLOUDFORMATION_CONTENT.test(text2);
}
function loadTemplate(path, text2) {
  const [document] = parseYamlDocuments(text2.replace(/^\uFEFF/, ""), CLOUDFORMATION_SCHEMA);
  return { path, template: asObject(document?.value), positions: document?.positions ?? { startLine: 1, endLine: 1 } };
}
var NESTED_TEMPLATE = { "AWS::CloudFormation::Stack": "TemplateURL", "AWS::Serverless::Application": "Location" };
function urlTail(url, substituted) {
  let tail = substituted ? url.slice(url.lastIndexOf("}") + 1) : url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  if (substituted && /^[^/]*\.[^/]*\//.test(tail) && url.slice(0, url.indexOf("${")).includes("://")) tail = tail.slice(tail.indexOf("/") + 1);
  tail = tail.replace(/[?#].*$/, "").replace(/^\/+/, "");
  return /\.(ya?ml|json|template)$/i.test(tail) ? tail : void 0;
}
function templateRefOf(from, resource) {
  const property = NESTED_TEMPLATE[String(resource.Type)];
  const url = property === void 0 ? void 0 : asObject(resource.Properties)[property];
  const sub = intrinsicOf(url)?.name === "Fn::Sub" ? intrinsicOf(url)?.argument : void 0;
  const text2 = Array.isArray(sub) ? sub[0] : sub;
  if (typeof text2 === "string") {
    const tail = urlTail(text2, true);
    return tail === void 0 ? void 0 : { urlTail: tail };
  }
  if (typeof url !== "string" || posix7.isAbsolute(url)) return void 0;
  if (/^(https?|s3):/i.test(url)) {
    const tail = urlTail(url, false);
    return tail === void 0 ? void 0 : { urlTail: tail };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.includes("${")) return void 0;
  const path = posix7.normalize(posix7.join(posix7.dirname(from), url));
  return path === ".." || path.startsWith("../") ? void 0 : { path };
}
function resolveTemplateRef(ref, paths) {
  if ("path" in ref) return ref.path;
  const wanted = ref.urlTail.split("/");
  const shared = (path) => {
    const segments = path.split("/");
    let count = 0;
    while (count < segments.length && count < wanted.length && segments[segments.length - 1 - count] === wanted[wanted.length - 1 - count]) count++;
    return count;
  };
  const best = Math.max(0, ...paths.map(shared));
  const found = paths.filter((path) => shared(path) === best);
  return best > 0 && found.length === 1 ? found[0] : void 0;
}
function nestedStacks(template2, paths) {
  return Object.entries(asObject(template2.template.Resources)).flatMap(([id, resource]) => {
    const ref = templateRefOf(template2.path, asObject(resource));
    const child = ref && resolveTemplateRef(ref, paths);
    return child === void 0 ? [] : [{ id, child }];
  });
}
function cloudFormationDependencies(path, text2) {
  if (parameterFileOf(path, text2)) return templateGlobsFor(path);
  try {
    return Object.values(asObject(loadTemplate(path, text2).template.Resources)).flatMap((resource) => {
      const ref = templateRefOf(path, asObject(resource));
      return ref === void 0 ? [] : ["path" in ref ? ref.path : `**/${posix7.basename(ref.urlTail)}`];
    });
  } catch {
    return [];
  }
}
function parameterFileOf(path, text2) {
  return looksLikeCloudFormation(text2) ? void 0 : readParameterFile(path, text2);
}
function parseCloudFormation(path, text2) {
  return parseCloudFormationFiles([{ path, text: text2 }])[0];
}
function readGroup(files, options) {
  const templates = /* @__PURE__ */ new Map();
  const parameterFiles = [];
  const failures = /* @__PURE__ */ new Map();
  for (const { path, text: text2 } of files) {
    const parameters = parameterFileOf(path, text2);
    if (parameters) {
      parameterFiles.push(parameters);
      continue;
    }
    try {
      templates.set(path, loadTemplate(path, text2));
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
      failures.set(path, { ok: false, path, format: "cloudformation", line: error.line, message: error.message });
    }
  }
  const paths = [...templates.keys()].sort();
  const nesting = new Map([...templates.values()].map((template2) => [template2.path, nestedStacks(template2, paths)]));
  const nested = new Set([...nesting.values()].flatMap((stacks) => stacks.map((stack) => stack.child)).filter((child) => templates.has(child)));
  const roots = paths.filter((candidate) => !nested.has(candidate));
  const { sets, notes } = tieParameterFiles(
    parameterFiles,
    roots.map((path) => templates.get(path)),
    options.parameterFiles ?? {}
  );
  return { templates, failures, paths, nesting, nested, roots, sets, notes };
}
function parseCloudFormationFiles(files, options = {}) {
  const { templates, failures, paths, nesting, nested, roots, sets, notes } = readGroup(files, options);
  const resources = /* @__PURE__ */ new Map();
  const visited = /* @__PURE__ */ new Set();
  const conditional2 = /* @__PURE__ */ new Map();
  for (const path of [...roots, ...paths.filter((candidate) => nested.has(candidate))]) {
    if (visited.has(path)) continue;
    const template2 = templates.get(path);
    const deployments = sets.get(path) ?? [];
    if (!deployments.length) instantiate(template2, defaultsOf(template2), { templates, nesting, visited, resources, conditional: conditional2, chain: [path], instance: "" });
    for (const file of deployments)
      instantiate(template2, withParameterFile(template2, file), { templates, nesting, visited, resources, conditional: conditional2, chain: [path], instance: file.path });
  }
  identifyInstances(resources);
  return files.map(({ path }) => {
    const failed = failures.get(path);
    if (failed) return failed;
    const conditions = [...conditional2.get(path) ?? []];
    const fileNotes = [
      ...notes.get(path) ?? [],
      ...conditions.length ? [
        `infra: resources of ${path} exist only where the stack is deployed in a region or account that meets ${conditions[0]}${conditions.length > 1 ? ` (and ${conditions.length - 1} more)` : ""}; they are judged as they are when created`
      ] : []
    ];
    return {
      ok: true,
      path,
      format: "cloudformation",
      resources: [...resources.get(path)?.values() ?? []].flat(),
      ...fileNotes.length ? { notes: fileNotes } : {}
    };
  });
}
function tieParameterFiles(files, roots, configured) {
  const declared = roots.map((template2) => ({ path: template2.path, parameters: new Set(Object.keys(asObject(template2.template.Parameters))) }));
  const sets = /* @__PURE__ */ new Map();
  const notes = /* @__PURE__ */ new Map();
  for (const file of files) {
    const named2 = templatesFor(file, declared, configured);
    const tied = named2.filter((path) => declared.some((template2) => template2.path === path));
    const missing = named2.filter((path) => !tied.includes(path));
    if (missing.length) {
      notes.set(file.path, [
        `infra: infra.cloudformation.parameter-files names ${missing.join(", ")} for ${file.path}, which is not a root template of the repository (one no other template nests); it is not applied there`
      ]);
    } else if (!tied.length) {
      notes.set(file.path, [
        `infra: ${file.path} is a CloudFormation parameter file, but no root template near it declares all its parameters; name its template in infra.cloudformation.parameter-files to apply it`
      ]);
    }
    for (const path of tied) {
      sets.set(path, [...sets.get(path) ?? [], file]);
      const parameters = declared.find((template2) => template2.path === path)?.parameters ?? /* @__PURE__ */ new Set();
      const extra = [...file.values.keys()].filter((name) => !parameters.has(name));
      if (extra.length)
        notes.set(file.path, [
          ...notes.get(file.path) ?? [],
          `infra: ${file.path} sets ${extra.join(", ")}, which ${path} does not declare (CloudFormation refuses such a parameter set)`
        ]);
    }
  }
  return { sets, notes };
}
function typed(declaration, value) {
  const type = typeof declaration.Type === "string" ? declaration.Type : "";
  if (typeof value !== "string") return value;
  if (type === "CommaDelimitedList" || type.startsWith("List<")) return value.split(",").map((item) => item.trim());
  return type === "Number" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
}
function defaultsOf(template2) {
  const bindings = /* @__PURE__ */ new Map();
  for (const [name, declaration] of Object.entries(asObject(template2.template.Parameters))) {
    const parameter = asObject(declaration);
    if ("Default" in parameter) bindings.set(name, { value: typed(parameter, parameter.Default) });
  }
  return bindings;
}
function withParameterFile(template2, file) {
  const bindings = defaultsOf(template2);
  const declarations = asObject(template2.template.Parameters);
  for (const [name, { value, place }] of file.values) bindings.set(name, { value: typed(asObject(declarations[name]), value), origin: place });
  return bindings;
}
function instantiate(template2, parameters, walk) {
  walk.visited.add(template2.path);
  const scope = new TemplateScope(template2.template, parameters);
  for (const [id, declaration] of Object.entries(asObject(template2.template.Resources))) {
    const resource = asObject(declaration);
    if (typeof resource.Type !== "string") continue;
    const condition = typeof resource.Condition === "string" ? scope.condition(resource.Condition) : true;
    if (condition === false) continue;
    const existence = isUnresolved(condition) ? { condition, placementOnly: (walk.existence?.placementOnly ?? true) && scope.dependsOnlyOnPlacement(String(resource.Condition)) } : walk.existence;
    const evaluated = evaluateProperties(scope, resource.Properties ?? {});
    const instances = walk.resources.get(template2.path) ?? /* @__PURE__ */ new Map();
    const list2 = instances.get(walk.instance) ?? [];
    if (existence?.placementOnly) walk.conditional.set(template2.path, (walk.conditional.get(template2.path) ?? /* @__PURE__ */ new Set()).add(existence.condition.expression));
    const values = existence && !existence.placementOnly ? unresolved(`the resource exists only if ${existence.condition.expression}`) : evaluated.values;
    list2.push(resourceOf(template2, id, resource.Type, values, evaluated.origins));
    walk.resources.set(template2.path, instances.set(walk.instance, list2));
    const child = walk.templates.get(walk.nesting.get(template2.path)?.find((stack) => stack.id === id)?.child ?? "");
    if (child && !walk.chain.includes(child.path)) {
      const passed = childParameters(template2, id, scope, asObject(asObject(resource.Properties).Parameters), child);
      instantiate(child, passed, {
        ...walk,
        chain: [...walk.chain, child.path],
        instance: `${walk.instance}>${template2.path}:${id}`,
        ...existence ? { existence } : {}
      });
    }
  }
}
function childParameters(parent, id, scope, passed, child) {
  const bindings = defaultsOf(child);
  const declarations = asObject(child.template.Parameters);
  for (const [name, expression] of Object.entries(passed)) {
    const { value, origin } = scope.evaluateAt(expression);
    if (value === NO_VALUE) continue;
    const line = locate(parent.positions, ["Resources", id, "Properties", "Parameters", name]);
    bindings.set(name, { value: typed(asObject(declarations[name]), value), origin: origin ?? { path: parent.path, ...line } });
  }
  return bindings;
}
function evaluateProperties(scope, properties) {
  const origins = /* @__PURE__ */ new Map();
  const walk = (node, at) => {
    if (intrinsicOf(node)) {
      const { value, origin } = scope.evaluateAt(node);
      if (origin) origins.set(at.join("."), origin);
      return value;
    }
    if (Array.isArray(node)) return node.map((item, index2) => walk(item, [...at, index2])).filter((item) => item !== NO_VALUE);
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, item]) => [key, walk(item, [...at, key])]).filter(([, item]) => item !== NO_VALUE)
    );
  };
  return { values: asObject(walk(properties, [])), origins };
}
function identifyInstances(resources) {
  for (const [path, instances] of resources) {
    for (const [instance, list2] of instances) {
      identifyInFile("cloudformation", list2);
      if (instances.size > 1) for (const resource of list2) resource.scope = `cloudformation:${path}@${instance}`;
    }
  }
}
function resourceOf(template2, id, type, values, origins) {
  const prefix = ["Resources", id, "Properties"];
  return {
    address: id,
    type,
    format: "cloudformation",
    path: template2.path,
    range: locate(template2.positions, ["Resources", id]),
    values,
    locate: (attribute2) => {
      for (let length = attribute2.length; length > 0; length--) {
        const origin = origins.get(attribute2.slice(0, length).join("."));
        if (origin) return origin;
      }
      return attribute2.length ? locate(template2.positions, [...prefix, ...attribute2]) : locate(template2.positions, ["Resources", id]);
    }
  };
}

// checks/infra/cloudformation/format.ts
var cloudFormationParser = {
  format: "cloudformation",
  matchesPath: (path) => /\.(ya?ml|json|template)$/i.test(path),
  matchesContent: (path, text2) => looksLikeCloudFormation(text2) || parameterFileOf(path, text2) !== void 0,
  parse: parseCloudFormation,
  groupOf: () => "cloudformation",
  parseGroup: (files, options) => Promise.resolve(parseCloudFormationFiles(files, options?.cloudFormationParameterFiles ? { parameterFiles: options.cloudFormationParameterFiles } : {})),
  dependenciesOf: cloudFormationDependencies
};

// checks/infra/kubernetes/parse-kubernetes.ts
var API_VERSION = /(^|[{,]\s*)"?apiVersion"?\s*:\s*["']?[A-Za-z0-9.-]*\/?v\d/m;
var KIND = /(^|[{,]\s*)"?kind"?\s*:\s*["']?[A-Z][A-Za-z]+/m;
function isHelmTemplate(path, text2) {
  return /(^|\/)templates\//.test(path) && text2.includes("{{");
}
function looksLikeKubernetes(path, text2) {
  return API_VERSION.test(text2) && KIND.test(text2) && !isHelmTemplate(path, text2);
}
function asObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}
function isObject3(value) {
  const object2 = asObject2(value);
  return typeof object2?.apiVersion === "string" && typeof object2.kind === "string";
}
function kubernetesAddress(object2, fallbackName) {
  const metadata = asObject2(object2.metadata) ?? {};
  const namespace = typeof metadata.namespace === "string" && metadata.namespace ? metadata.namespace : "default";
  const name = typeof metadata.name === "string" && metadata.name ? metadata.name : typeof metadata.generateName === "string" && metadata.generateName ? `${metadata.generateName}*` : fallbackName;
  return `${object2.kind}/${namespace}/${name}`;
}
function parseKubernetes(path, text2) {
  let documents;
  try {
    documents = parseYamlDocuments(text2);
  } catch (error) {
    if (error instanceof YamlSyntaxError) return { ok: false, path, format: "kubernetes", line: error.line, message: error.message };
    throw error;
  }
  const resources = [];
  const seen = /* @__PURE__ */ new Map();
  const add = (object2, positions, fallbackName) => {
    const resource = objectResource(path, object2, positions, fallbackName);
    const count = (seen.get(resource.address) ?? 0) + 1;
    seen.set(resource.address, count);
    if (count > 1) resource.address = `${resource.address}#${count}`;
    resources.push(resource);
  };
  documents.forEach((document, index2) => {
    if (!isObject3(document.value)) return;
    const items = document.value.items;
    if (document.value.kind.endsWith("List") && Array.isArray(items)) {
      items.forEach((item, itemIndex) => {
        const node = document.positions.entries?.get("items")?.value.items?.[itemIndex];
        if (isObject3(item) && node) add(item, node, `document-${index2 + 1}-item-${itemIndex + 1}`);
      });
      return;
    }
    add(document.value, document.positions, `document-${index2 + 1}`);
  });
  return { ok: true, path, format: "kubernetes", resources };
}
function objectResource(path, object2, positions, fallbackName) {
  const range = { startLine: positions.startLine, endLine: positions.endLine };
  return {
    address: kubernetesAddress(object2, fallbackName),
    type: object2.kind,
    format: "kubernetes",
    path,
    range,
    values: object2,
    locate: (attribute2) => attribute2.length ? locate(positions, attribute2) : range
  };
}

// checks/infra/kubernetes/format.ts
var kubernetesParser = {
  format: "kubernetes",
  matchesPath: (path) => /\.(ya?ml|json)$/i.test(path),
  matchesContent: looksLikeKubernetes,
  parse: parseKubernetes
};

// checks/infra/nginx/includes.ts
var import_picomatch5 = __toESM(require_picomatch(), 1);
import { posix as posix8 } from "node:path";

// checks/infra/nginx/parse-nginx-syntax.ts
var NginxSyntaxError = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
    this.name = "NginxSyntaxError";
  }
  line;
};
var SPECIAL = /* @__PURE__ */ new Set(["{", "}", ";"]);
function isSpace(c) {
  return c === " " || c === "	" || c === "\n" || c === "\r";
}
function unescape(raw) {
  return raw.replace(/\\(["'\\trn])/g, (_match, next) => ({ t: "	", r: "\r", n: "\n" })[next] ?? next);
}
function tokenizeNginx(text2) {
  const tokens = [];
  let line = 1;
  let i = 0;
  while (i < text2.length) {
    const c = text2[i];
    if (c === "\n") line++;
    if (isSpace(c)) {
      i++;
    } else if (c === "#") {
      while (i < text2.length && text2[i] !== "\n") i++;
    } else if (SPECIAL.has(c)) {
      tokens.push({ kind: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let raw = "";
      i++;
      while (i < text2.length && text2[i] !== c) {
        if (text2[i] === "\\" && i + 1 < text2.length) raw += text2[i++];
        if (text2[i] === "\n") line++;
        raw += text2[i++];
      }
      if (i >= text2.length) throw new NginxSyntaxError(`unterminated ${c === '"' ? "double" : "single"}-quoted string`, start);
      i++;
      tokens.push({ kind: "word", text: unescape(raw), line: start });
    } else {
      const start = i;
      while (i < text2.length && !isSpace(text2[i]) && !SPECIAL.has(text2[i])) {
        if (text2[i] === "$" && text2[i + 1] === "{") {
          const close = text2.indexOf("}", i);
          if (close < 0) throw new NginxSyntaxError('unterminated "${" variable', line);
          i = close + 1;
        } else {
          i += text2[i] === "\\" && i + 1 < text2.length ? 2 : 1;
        }
      }
      const word = text2.slice(start, i);
      tokens.push({ kind: "word", text: word.includes("\\") ? unescape(word) : word, line });
    }
  }
  return tokens;
}
var MAX_NGINX_DEPTH = 64;
function parseNginxConfig(text2) {
  const tokens = tokenizeNginx(text2.replace(/^\uFEFF/, ""));
  let position = 0;
  let depth = 0;
  const parseBlock = (opener) => {
    if (opener && ++depth > MAX_NGINX_DEPTH) throw new NginxSyntaxError(`blocks nested deeper than ${MAX_NGINX_DEPTH} levels`, opener.line);
    const directives = [];
    for (; ; ) {
      const token = tokens[position];
      if (!token) {
        if (opener) throw new NginxSyntaxError(`unexpected end of file: "${opener.name}" block opened here is never closed with "}"`, opener.line);
        return directives;
      }
      if (token.kind === "}") {
        if (!opener) throw new NginxSyntaxError('unexpected "}" with no open block', token.line);
        opener.endLine = token.line;
        position++;
        depth--;
        return directives;
      }
      if (token.kind !== "word") throw new NginxSyntaxError(`unexpected "${token.kind}": expected a directive name`, token.line);
      directives.push(parseDirective(token));
    }
  };
  const parseDirective = (nameToken) => {
    const directive = { name: nameToken.text, args: [], line: nameToken.line, endLine: nameToken.line };
    position++;
    for (; ; ) {
      const token = tokens[position];
      if (!token) throw new NginxSyntaxError(`unexpected end of file: directive "${directive.name}" is not terminated by ";"`, directive.line);
      if (token.kind === "word") {
        directive.args.push(token.text);
        position++;
      } else if (token.kind === ";") {
        directive.endLine = token.line;
        position++;
        return directive;
      } else if (token.kind === "{") {
        position++;
        directive.block = parseBlock(directive);
        return directive;
      } else {
        throw new NginxSyntaxError(`unexpected "}": directive "${directive.name}" (line ${directive.line}) is not terminated by ";"`, token.line);
      }
    }
  };
  return parseBlock(void 0);
}

// checks/infra/nginx/includes.ts
var CONFIG_PREFIXES = [
  "/etc/nginx/",
  "/usr/local/nginx/conf/",
  "/usr/local/etc/nginx/",
  "/opt/homebrew/etc/nginx/",
  "/opt/bitnami/nginx/conf/",
  "/usr/local/openresty/nginx/conf/",
  "/etc/openresty/"
];
function directoryOf2(path) {
  const directory = posix8.dirname(path);
  return directory === "." ? "" : directory;
}
function withAncestors(directory) {
  const directories = [directory];
  for (let current = directory; current !== ""; ) {
    current = directoryOf2(current);
    directories.push(current);
  }
  return directories;
}
function inside(directory, relative) {
  const joined = posix8.normalize(posix8.join(directory, relative));
  return joined === ".." || joined.startsWith("../") || posix8.isAbsolute(joined) || joined === "." ? void 0 : joined;
}
function includeCandidates(from, argument, root) {
  if (argument.includes("$") || argument === "") return [];
  const bases = [...root === void 0 ? [] : [directoryOf2(root)], ...withAncestors(directoryOf2(from))];
  const relatives = [];
  if (posix8.isAbsolute(argument)) {
    const prefix = CONFIG_PREFIXES.find((candidate) => argument.startsWith(candidate));
    if (prefix) relatives.push(argument.slice(prefix.length));
    relatives.push(argument.slice(1));
  } else {
    relatives.push(argument);
  }
  const candidates = relatives.flatMap((relative) => bases.map((base) => inside(base, relative))).filter((path) => path !== void 0);
  return [...new Set(candidates)];
}
var GLOB = /[*?[]/;
function matchCandidate(candidate, paths) {
  if (!GLOB.test(candidate)) return paths.includes(candidate) ? [candidate] : [];
  const matches = (0, import_picomatch5.default)(candidate);
  return paths.filter((path) => matches(path)).sort();
}
function includesIn(directives) {
  return directives.flatMap((directive) => [...directive.name === "include" && !directive.block ? [directive] : [], ...includesIn(directive.block ?? [])]);
}
function nginxDependencies(path, text2) {
  let directives;
  try {
    directives = parseNginxConfig(text2);
  } catch {
    return [];
  }
  const candidates = includesIn(directives).flatMap((include) => include.args.flatMap((argument) => includeCandidates(path, argument)));
  return [...new Set(candidates)].filter((candidate) => candidate !== path);
}

// checks/infra/nginx/effective-config.ts
import { posix as posix9 } from "node:path";
var INERT_INCLUDES = /* @__PURE__ */ new Set([
  "mime.types",
  "fastcgi_params",
  "fastcgi.conf",
  "proxy_params",
  "uwsgi_params",
  "scgi_params",
  "koi-utf",
  "koi-win",
  "win-utf"
]);
var MAX_INCLUDE_DEPTH = 16;
var MAX_EXPANDED_DIRECTIVES = 1e5;
function expandRoot(files, root, visited) {
  const paths = [...files.parsed.keys(), ...files.failed].sort();
  let count = 0;
  const expand = (directives, path, chain, includedAt) => directives.flatMap((directive) => {
    if (directive.name === "include" && !directive.block) return include(directive, path, chain);
    count++;
    const placed = { name: directive.name, args: directive.args, line: directive.line, endLine: directive.endLine, path };
    if (includedAt !== void 0) placed.includedAt = includedAt;
    if (directive.block) placed.block = expand(directive.block, path, chain, includedAt);
    return [placed];
  });
  const include = (directive, path, chain) => {
    const where = `${path}:${directive.line}`;
    const notFollowed = (reason) => [
      {
        name: "include",
        args: directive.args,
        line: directive.line,
        endLine: directive.endLine,
        path,
        unresolved: `include ${directive.args.join(" ")} (${where}): ${reason}`
      }
    ];
    const [argument] = directive.args;
    if (directive.args.length !== 1 || argument === void 0) return notFollowed("expected one path");
    if (argument.includes("$")) return notFollowed("nginx does not expand variables in include");
    const candidates = includeCandidates(path, argument, root);
    if (!candidates.length) return notFollowed("it points outside the repository");
    const matched = candidates.map((candidate) => matchCandidate(candidate, paths)).find((found) => found.length) ?? [];
    if (!matched.length) return INERT_INCLUDES.has(posix9.basename(argument)) ? [] : notFollowed("no file in the repository matches it");
    if (chain.length > MAX_INCLUDE_DEPTH) return notFollowed(`includes nested deeper than ${MAX_INCLUDE_DEPTH} levels`);
    return matched.flatMap((file) => {
      if (chain.includes(file)) return notFollowed(`${file} includes itself`);
      if (files.failed.has(file)) return notFollowed(`${file} did not parse`);
      if (count > MAX_EXPANDED_DIRECTIVES) return notFollowed(`the includes expand to more than ${MAX_EXPANDED_DIRECTIVES} directives`);
      visited.add(file);
      return expand(files.parsed.get(file) ?? [], file, [...chain, file], where);
    });
  };
  visited.add(root);
  return expand(files.parsed.get(root) ?? [], root, [root], void 0);
}

// checks/infra/nginx/parse-nginx.ts
function serverAddress(values) {
  return `server:${values.listen[0]?.address ?? "80"}:${values.server_name[0] ?? "_"}`;
}
var CONTENT = /^\s*(http|server|stream)\s*\{/m;
var SNIPPET_CONTENT = /^\s*(ssl_[a-z_]+|add_header|access_log|listen|server_name|location\s+[^{;\n]*\{|return\s+\d{3}|rewrite|proxy_pass|include)\s[^\n]*[;{]\s*(#.*)?$/m;
function looksLikeNginx(text2) {
  return CONTENT.test(text2);
}
var DIRECTIVE_LINE = /^\s*[a-z][a-z0-9_]*\s+[^\n=;{}]*;\s*(#.*)?$/m;
function looksLikeNginxSnippet(text2) {
  if (SNIPPET_CONTENT.test(text2)) return true;
  if (!DIRECTIVE_LINE.test(text2)) return false;
  try {
    parseNginxConfig(text2);
    return true;
  } catch {
    return false;
  }
}
function parseNginx(path, text2) {
  return parseNginxFiles([{ path, text: text2 }])[0];
}
function parseNginxFiles(files) {
  const parsed = /* @__PURE__ */ new Map();
  const failures = /* @__PURE__ */ new Map();
  for (const { path, text: text2 } of files) {
    try {
      parsed.set(path, parseNginxConfig(text2));
    } catch (error) {
      if (!(error instanceof NginxSyntaxError)) throw error;
      failures.set(path, { ok: false, path, format: "nginx", line: error.line, message: error.message });
    }
  }
  const set = { parsed, failed: new Set(failures.keys()) };
  const resources = /* @__PURE__ */ new Map();
  const visited = /* @__PURE__ */ new Set();
  const included = includedFiles(set);
  const paths = [...parsed.keys()].sort();
  for (const root of [...paths.filter((path) => !included.has(path)), ...paths.filter((path) => included.has(path))]) {
    if (visited.has(root)) continue;
    for (const resource of resourcesOf(expandRoot(set, root, visited))) {
      resources.set(resource.path, [...resources.get(resource.path) ?? [], resource]);
    }
  }
  for (const list2 of resources.values()) identifyInFile("nginx", list2);
  return files.map(({ path }) => failures.get(path) ?? { ok: true, path, format: "nginx", resources: resources.get(path) ?? [] });
}
function includedFiles(set) {
  const paths = [...set.parsed.keys(), ...set.failed];
  const included = /* @__PURE__ */ new Set();
  for (const [path, directives] of set.parsed) {
    for (const include of includesIn(directives)) {
      for (const candidate of include.args.flatMap((argument) => includeCandidates(path, argument))) {
        for (const match of matchCandidate(candidate, paths)) if (match !== path) included.add(match);
      }
    }
  }
  return included;
}
var isServer = (directive) => directive.name === "server" && directive.block !== void 0;
var isSimple = (directive) => !directive.block;
var CONTEXTS = {
  http: { server: "nginx:server", block: "nginx:http" },
  // TCP/UDP proxying (ngx_stream_ssl_module): `ssl_protocols` and `ssl_ciphers` in `stream` and its servers; no HTTP.
  stream: { server: "nginx:stream-server", block: "nginx:stream" }
};
function resourcesOf(directives) {
  const resources = directives.filter(isServer).map((server) => serverResource(server, [], "http"));
  for (const context of directives.filter((directive) => (directive.name === "http" || directive.name === "stream") && directive.block)) {
    const name = context.name;
    const block = context.block ?? [];
    const inherited = block.filter(isSimple);
    const servers = block.filter(isServer);
    if (servers.length) resources.push(...servers.map((server) => serverResource(server, inherited, name)));
    else resources.push(contextResource(context, CONTEXTS[name].block));
  }
  return resources;
}
function placeOf(directive, path) {
  const range = { startLine: directive.line, endLine: directive.endLine };
  if (directive.path !== path) range.path = directive.path;
  return range;
}
function originOf(directive, resource) {
  const included = directive.includedAt !== void 0 && directive.path !== resource.path;
  return `${directive.path}:${directive.line}${included ? `, included at ${directive.includedAt}` : ""}`;
}
var FactSheet = class {
  constructor(block, context = "http") {
    this.block = block;
    this.context = context;
  }
  block;
  context;
  ranges = /* @__PURE__ */ new Map();
  origins = {};
  /** How many facts of a list (`proxy_tls.0`, `proxy_tls.1`...) are placed so far. */
  count(list2) {
    return [...this.ranges.keys()].filter((key) => key.startsWith(`${list2}.`)).length;
  }
  place(key, directive, origin) {
    this.ranges.set(key, placeOf(directive, this.block.path));
    const level = this.block.block ?? [];
    const written2 = directive.path === this.block.path && directive.includedAt === this.block.includedAt;
    if (origin !== void 0) this.origins[key] = origin;
    else if (!level.includes(directive)) this.origins[key] = `set at ${originOf(directive, this.block)} (${this.context} block)`;
    else if (!written2) this.origins[key] = `set at ${originOf(directive, this.block)}`;
  }
  /** A fact set inside a nested block of the resource (a `location`): its origin is named only when it was included from elsewhere. */
  placeInner(key, directive) {
    this.ranges.set(key, placeOf(directive, this.block.path));
    if (directive.path !== this.block.path || directive.includedAt !== this.block.includedAt) this.origins[key] = `set at ${originOf(directive, this.block)}`;
  }
  origin(directive) {
    return originOf(directive, this.block);
  }
  /** The value of a fact, its directive recorded for `locate`; absent facts stay `undefined`. */
  settle(key, fact) {
    if (!fact) return void 0;
    this.place(key, fact.directive);
    return fact.value;
  }
  locate(fallback) {
    return (attribute2) => this.ranges.get(attribute2.slice(0, 2).join(".")) ?? this.ranges.get(String(attribute2[0])) ?? fallback;
  }
};
function rangeOf(directive) {
  return { startLine: directive.line, endLine: directive.endLine };
}
function isFound(answer) {
  return answer !== void 0 && "value" in answer;
}
function resolveInherited(levels, pick) {
  for (const directives of levels) {
    const answer = pick(directives);
    if (isFound(answer)) return answer;
    const include = directives.find((directive) => directive.unresolved !== void 0);
    if (include) return { value: unresolved(include.unresolved ?? ""), directive: include };
    if (answer) return void 0;
  }
  return void 0;
}
function lastNamed(name) {
  return (directives) => {
    const directive = directives.findLast((candidate) => candidate.name === name);
    return directive && { value: directive, directive };
  };
}
function mapFound(found, map) {
  return found ? { value: map(found.value), directive: found.directive } : void 0;
}
function readSettings(levels, facts) {
  const settings = {
    ssl_protocols: facts.settle("ssl_protocols", resolveInherited(levels, readProtocols("ssl_protocols"))),
    ssl_ciphers: facts.settle(
      "ssl_ciphers",
      resolveInherited(levels, (directives) => mapFound(lastNamed("ssl_ciphers")(directives), (directive) => directive.args.join(" ")))
    ),
    strict_transport_security: readEffectiveHsts(levels, facts),
    access_log: facts.settle("access_log", resolveInherited(levels, readAccessLog))
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== void 0));
}
function readEffectiveHsts(levels, facts) {
  const found = facts.settle("strict_transport_security", resolveInherited(levels, readHsts));
  if (found !== void 0) return found;
  const stopAt = levels.findIndex((directives) => readHsts(directives) !== void 0);
  const stop = stopAt < 0 ? void 0 : readHsts(levels[stopAt] ?? []);
  const hidden = levels.slice(stopAt + 1).map(readHsts).find(isFound);
  if (stop && !isFound(stop) && hidden) {
    facts.place(
      "strict_transport_security",
      stop.stop,
      `the add_header at ${facts.origin(stop.stop)} hides the Strict-Transport-Security header set at ${facts.origin(hidden.directive)} (nginx inherits add_header only by a level with none of its own)`
    );
  }
  return void 0;
}
function serverResource(server, inherited, context) {
  const own = server.block ?? [];
  const levels = [own, inherited];
  const path = server.path;
  const facts = new FactSheet(server, context);
  const listens = own.filter((directive) => directive.name === "listen");
  listens.forEach((directive, index2) => facts.place(`listen.${index2}`, directive));
  const listen = listens.map(readListen);
  const sslOn = resolveInherited(levels, lastNamed("ssl"));
  const values = {
    listen,
    server_name: own.filter((directive) => directive.name === "server_name").flatMap((directive) => directive.args),
    ssl: listen.some((entry) => entry.ssl) || sslOn !== void 0 && !isUnresolved(sslOn.value) && sslOn.value.args[0] === "on",
    include: unfollowedIncludes(levels.flat()),
    ...readSettings(levels, facts)
  };
  const mayListen = own.find((directive) => directive.unresolved !== void 0);
  if (!values.ssl && mayListen) {
    values.ssl = unresolved(`${mayListen.unresolved ?? ""} (it may add a TLS listener)`);
    facts.place("ssl", mayListen);
  }
  const redirect = findHttpsRedirect(own);
  if (redirect) values.https_redirect = facts.settle("https_redirect", { value: [redirect.name, ...redirect.args].join(" "), directive: redirect });
  const dropping = locationsDroppingHsts(own);
  dropping.forEach((location, index2) => facts.place(`hsts_dropped_by.${index2}`, location));
  if (dropping.length) values.hsts_dropped_by = dropping.map((location) => ["location", ...location.args].join(" "));
  const proxies = context === "http" ? proxiesOverTls(own, levels, facts) : [];
  if (proxies.length) values.proxy_tls = proxies;
  if (Object.keys(facts.origins).length) values.set_in = facts.origins;
  const range = rangeOf(server);
  return {
    address: serverAddress(values),
    type: CONTEXTS[context].server,
    format: "nginx",
    path,
    range,
    values,
    locate: facts.locate(range)
  };
}
function contextResource(http, type) {
  const own = (http.block ?? []).filter(isSimple);
  const facts = new FactSheet(http);
  const settings = readSettings([own.filter((directive) => directive.unresolved === void 0)], facts);
  const values = { include: unfollowedIncludes(own), ...settings };
  const range = rangeOf(http);
  return {
    address: http.name,
    type,
    format: "nginx",
    path: http.path,
    range,
    values,
    locate: facts.locate(range)
  };
}
function unfollowedIncludes(directives) {
  return directives.filter((directive) => directive.unresolved !== void 0).flatMap((directive) => directive.args);
}
function readListen(directive) {
  const address = directive.args[0] ?? "80";
  const port = /(?:^|:)(\d+)$/.exec(address)?.[1];
  return {
    address,
    // `listen 127.0.0.1;` and `listen unix:...` carry no port: nginx's is 80 for an address alone.
    port: port ? Number(port) : address.startsWith("unix:") ? void 0 : 80,
    ssl: directive.args.slice(1).some((arg) => arg === "ssl" || arg === "quic")
  };
}
function readHsts(directives) {
  const headers = directives.filter((directive) => directive.name === "add_header");
  const [first] = headers;
  if (!first) return void 0;
  const hsts = headers.findLast((directive) => directive.args[0]?.toLowerCase() === "strict-transport-security");
  if (!hsts) return { stop: first };
  const header = hsts.args[1] ?? "";
  if (header.includes("$"))
    return { value: unresolved(`add_header Strict-Transport-Security ${header} (${hsts.path}:${hsts.line}): the value is a variable`), directive: hsts };
  const maxAge = /max-age\s*=\s*"?(\d+)/i.exec(header)?.[1];
  return { value: { header, maxAge: maxAge === void 0 ? void 0 : Number(maxAge), always: hsts.args.includes("always") }, directive: hsts };
}
function locationsDroppingHsts(directives) {
  return directives.flatMap((directive) => {
    if (directive.name !== "location" || !directive.block) return [];
    const block = directive.block;
    const answer = readHsts(block);
    const drops = answer !== void 0 && !isFound(answer) && !block.some((inner) => inner.unresolved !== void 0);
    return [...drops ? [directive] : [], ...locationsDroppingHsts(block)];
  });
}
function readProtocols(name) {
  return (directives) => {
    const all = directives.filter((directive) => directive.name === name);
    if (!all.length) return void 0;
    const oldest = (directive) => Math.min(...directive.args.map((protocol) => protocolRank(protocol) < 0 ? Infinity : protocolRank(protocol)));
    const weakest = all.reduce((chosen, directive) => oldest(directive) < oldest(chosen) ? directive : chosen);
    return { value: [...new Set(all.flatMap((directive) => directive.args))], directive: weakest };
  };
}
function proxiesOverTls(directives, outer, facts, names = []) {
  return directives.flatMap((directive) => {
    if (directive.name !== "location" || !directive.block) return [];
    const block = directive.block;
    const levels = [block, ...outer];
    const chain = [...names, ["location", ...directive.args].join(" ")];
    const pass = block.find((inner) => inner.name === "proxy_pass");
    const url = pass?.args[0] ?? "";
    const tls = /^https:\/\//i.test(url) ? true : url.startsWith("$") ? unresolved(`proxy_pass ${url} (${pass?.path ?? ""}:${pass?.line ?? 0}): the upstream's scheme is a variable`) : void 0;
    const own = [];
    if (pass && tls !== void 0) {
      const key = `proxy_tls.${facts.count("proxy_tls")}`;
      const entry = { location: chain.join(" > "), proxy_pass: [pass.name, ...pass.args].join(" "), tls };
      facts.placeInner(key, pass);
      const protocols = resolveInherited(levels, readProtocols("proxy_ssl_protocols"));
      if (protocols) {
        const inLocation = levels.slice(0, levels.length - 2).some((level) => level.includes(protocols.directive));
        if (inLocation) facts.placeInner(key, protocols.directive);
        else facts.place(key, protocols.directive);
        entry.proxy_ssl_protocols = protocols.value;
      }
      own.push(entry);
    }
    return [...own, ...proxiesOverTls(block, levels, facts, chain)];
  });
}
function readAccessLog(directives) {
  const logs = directives.filter((directive) => directive.name === "access_log");
  const chosen = logs.find((directive) => directive.args[0] === "off") ?? logs[0];
  return chosen ? { value: chosen.args.join(" "), directive: chosen } : void 0;
}
var REDIRECT_STATUS = /* @__PURE__ */ new Set(["301", "302", "303", "307", "308"]);
function findHttpsRedirect(directives) {
  for (const directive of directives) {
    if (isHttpsRedirect(directive)) return directive;
    const catchAll = directive.name === "location" && ["/", "= /"].includes(directive.args.join(" "));
    if ((directive.name === "if" || catchAll) && directive.block) {
      const inner = directive.block.find(isHttpsRedirect);
      if (inner) return inner;
    }
  }
  return void 0;
}
function isHttpsRedirect(directive) {
  const [first, second] = directive.args;
  if (directive.name === "return") {
    const url = first !== void 0 && REDIRECT_STATUS.has(first) ? second : first;
    return url?.toLowerCase().startsWith("https://") ?? false;
  }
  return directive.name === "rewrite" && (second?.toLowerCase().startsWith("https://") ?? false);
}

// checks/infra/nginx/format.ts
var NGINX_PATH = /(\.conf(\.template)?$)|(^|\/)nginx[^/]*\/|(^|\/)nginx\.conf/i;
var nginxParser = {
  format: "nginx",
  matchesPath: (path) => NGINX_PATH.test(path),
  // A YAML or JSON file that embeds an nginx config (a ConfigMap, a Helm template) is not one.
  matchesContent: (path, text2) => !/\.(ya?ml|json)$/i.test(path) && (looksLikeNginx(text2) || NGINX_PATH.test(path) && looksLikeNginxSnippet(text2)),
  parse: parseNginx,
  groupOf: () => "nginx",
  parseGroup: (files) => Promise.resolve(parseNginxFiles(files)),
  dependenciesOf: nginxDependencies
};

// checks/infra/terraform/format.ts
import { posix as posix10 } from "node:path";
var TERRAFORM_CONTENT = /^\s*(resource|data|variable|locals|module|provider|terraform|moved)\s*("|\{)/m;
var MODULE_SOURCE = /^\s*module\s+"[^"]*"\s*\{[^}]*?^\s*source\s*=\s*"([^"]+)"/gms;
var OTHER_FORMAT_EXTENSION = /\.(ya?ml|json|md|markdown|txt|rst|adoc|conf|template)$/i;
var isConfigurationFile = (path) => path.endsWith(".tf") || path.endsWith(".tf.json");
function moduleFiles(dir) {
  const prefix = dir === "." ? "" : `${dir}/`;
  return [`${prefix}*.tf`, `${prefix}*.tf.json`];
}
var terraformParser = {
  format: "terraform",
  matchesPath: (path) => isConfigurationFile(path) || isVarFile(path) || isModulesManifest(path),
  // By content only where the extension says nothing of the format (an `.hcl` named in `infra.include`):
  // a README.yaml or a JSON document that shows a `module "x" {` example is not Terraform.
  matchesContent: (path, text2) => isConfigurationFile(path) || isVarFile(path) || isModulesManifest(path) || !OTHER_FORMAT_EXTENSION.test(path) && TERRAFORM_CONTENT.test(text2),
  parse: async (path, text2) => (await parseTerraformModule([{ path, text: text2 }]))[0],
  groupOf: () => "terraform",
  parseGroup: (files, options) => parseTerraformModule(files, options?.terraformVarFiles ? { varFiles: options.terraformVarFiles } : {}),
  /**
   * A module's files read each other (variables, locals) and its tfvars; a local module call
   * reads the called directory; a root with `.terraform/modules/modules.json` reads the modules
   * `terraform init` installed.
   */
  dependenciesOf: (path, text2) => {
    const dir = posix10.dirname(path);
    if (isModulesManifest(path)) {
      const root = posix10.dirname(posix10.dirname(posix10.dirname(path)));
      try {
        const manifest = JSON.parse(text2);
        return (manifest.Modules ?? []).flatMap(
          (entry) => typeof entry.Dir === "string" && !entry.Dir.startsWith("..") ? moduleFiles(posix10.join(root, entry.Dir)) : []
        );
      } catch {
        return [];
      }
    }
    const prefix = dir === "." ? "" : `${dir}/`;
    const own = [...moduleFiles(dir), `${prefix}*.tfvars`, `${prefix}*.tfvars.json`];
    if (!isConfigurationFile(path)) return own;
    const calls = [...text2.matchAll(MODULE_SOURCE)].map((match) => match[1]);
    const local = calls.flatMap((source) => {
      const target = localSourceDir(dir, source);
      return target === void 0 || target.startsWith("..") ? [] : moduleFiles(target);
    });
    const remote = calls.some((source) => localSourceDir(dir, source) === void 0) ? [`${prefix}${MODULES_MANIFEST}`] : [];
    return [...own, ...local, ...remote];
  }
};

// checks/infra/formats.ts
var INFRA_PARSERS = [terraformParser, cloudFormationParser, kubernetesParser, nginxParser];
function infraPathFilter(selection) {
  const included = selection.include.length ? (0, import_picomatch6.default)([...selection.include], { dot: true }) : () => false;
  const excluded = selection.exclude.length ? (0, import_picomatch6.default)([...selection.exclude], { dot: true }) : () => false;
  return (path) => !excluded(path) && (included(path) || INFRA_PARSERS.some((parser) => parser.matchesPath(path)));
}
function detectFormat(path, text2) {
  return INFRA_PARSERS.find((parser) => parser.matchesPath(path) && parser.matchesContent(path, text2)) ?? INFRA_PARSERS.find((parser) => parser.matchesContent(path, text2));
}

// checks/infra/collect.ts
var MAX_SELECTED_FILES = 2e4;
var READ_CONCURRENCY2 = 32;
async function selectInfraFiles(changeSet, options, report) {
  const { isInfra } = options;
  const changed = changeSet.changed.filter((file) => isInfra(file.path) || file.previousPath !== void 0 && isInfra(file.previousPath));
  const changedPaths = new Set(changed.flatMap((file) => [file.path, ...file.previousPath ? [file.previousPath] : []]));
  const headSeeds = changed.filter((file) => file.status !== "removed" && isInfra(file.path)).map((file) => file.path);
  const baseSeeds = changed.filter((file) => file.status !== "added").map((file) => file.previousPath ?? file.path);
  const head = new VersionReader(changeSet.head, "head", report);
  const base = new VersionReader(changeSet.base, "base", report, (path) => changedPaths.has(path) ? void 0 : head.text(path));
  const needsListing = options.all || changed.length > 0;
  const headListing = needsListing ? (await listFiles(changeSet.head, "head")).filter(isInfra) : [];
  const linksOf = configuredLinks(options.links ?? []);
  const headPaths = options.all ? new Set(headListing) : await closure(headSeeds, headListing, head, linksOf);
  await head.load([...headPaths]);
  const basePaths = baseSeeds.length ? await closure(baseSeeds, (await listFiles(changeSet.base, "base")).filter(isInfra), base, linksOf) : /* @__PURE__ */ new Set();
  for (const path of headPaths) if (!changedPaths.has(path) && head.text(path) !== void 0) basePaths.add(path);
  await base.load([...basePaths]);
  head.reportFailures(headPaths);
  base.reportFailures(basePaths);
  return { head: head.files(headPaths), base: base.files(basePaths) };
}
var VersionReader = class {
  constructor(source, side, report, reuse = () => void 0) {
    this.source = source;
    this.side = side;
    this.report = report;
    this.reuse = reuse;
  }
  source;
  side;
  report;
  reuse;
  texts = /* @__PURE__ */ new Map();
  failures = /* @__PURE__ */ new Map();
  text(path) {
    return this.texts.get(path);
  }
  async load(paths) {
    const missing = [];
    for (const path of paths) {
      if (this.texts.has(path) || this.failures.has(path)) continue;
      const reused = this.reuse(path);
      if (reused !== void 0) this.texts.set(path, reused);
      else missing.push(path);
    }
    if (!missing.length) return;
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const path = missing[next++];
        try {
          this.texts.set(path, await this.source.read(path));
        } catch (error) {
          this.failures.set(path, error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY2, missing.length) }, worker));
  }
  /**
   * A file that is selected but could not be read is a visible outcome: a note with the reason
   * when the source refused it (a link out of the repository, not text), else an error. Files
   * read only to find who depends on a change are named in one note.
   */
  reportFailures(selected) {
    const unselected = [];
    for (const [path, error] of this.failures) {
      if (!selected.has(path)) unselected.push(path);
      else if (error instanceof UnreadableFileError) this.report.notes.push(`infra: ${path} was not read at ${this.side}: ${error.reason}`);
      else
        this.report.errors.push({
          category: "read",
          target: path,
          message: `could not read ${path} at ${this.side}: ${error instanceof Error ? error.message : String(error)}`
        });
    }
    if (unselected.length) {
      const named2 = unselected.sort().slice(0, 5).join(", ");
      this.report.notes.push(
        `infra: ${unselected.length} file(s) could not be read at ${this.side} to find what depends on the changed files (${named2}${unselected.length > 5 ? ", \u2026" : ""}); a configuration that reads a changed file through them may be missed`
      );
    }
  }
  files(paths) {
    return [...paths].flatMap((path) => {
      const text2 = this.texts.get(path);
      return text2 === void 0 ? [] : [{ path, text: text2 }];
    }).sort((a, b) => a.path.localeCompare(b.path));
  }
};
var Globs = class {
  constructor(byDirectory) {
    this.byDirectory = byDirectory;
  }
  byDirectory;
  compiled = /* @__PURE__ */ new Map();
  found = /* @__PURE__ */ new Map();
  get(glob) {
    let entry = this.compiled.get(glob);
    if (!entry) {
      const scanned = import_picomatch7.default.scan(glob);
      const dir = posix11.dirname(glob) === "." ? "" : posix11.dirname(glob);
      entry = { matches: (0, import_picomatch7.default)(glob, { dot: true }), base: scanned.isGlob ? scanned.base : dir, isGlob: scanned.isGlob };
      this.compiled.set(glob, entry);
    }
    return entry;
  }
  /** Listed paths a dependency glob names. */
  matching(glob) {
    let found = this.found.get(glob);
    if (found) return found;
    const { matches, base, isGlob } = this.get(glob);
    found = [];
    if (!isGlob) found = this.byDirectory.get(base)?.filter((path) => path === glob) ?? [];
    else {
      for (const [dir, paths] of this.byDirectory) {
        if (base && dir !== base && !dir.startsWith(`${base}/`)) continue;
        for (const path of paths) if (matches(path)) found.push(path);
      }
    }
    this.found.set(glob, found);
    return found;
  }
};
async function closure(seeds, listing, reader, linksOf) {
  const listed = new Set(listing);
  const selected = /* @__PURE__ */ new Set();
  const upward = [];
  const forward = [];
  const add = (path, up) => {
    if (!listed.has(path) || selected.size >= MAX_SELECTED_FILES) return;
    if (selected.has(path)) return;
    selected.add(path);
    (up ? upward : forward).push(path);
  };
  for (const seed of seeds) add(seed, true);
  const globs = new Globs(indexByDirectory(listing));
  let dependents;
  while (upward.length || forward.length) {
    const batch = [...upward, ...forward];
    const up = new Set(upward);
    upward.length = 0;
    forward.length = 0;
    await reader.load(batch.filter(hasDependencies));
    for (const path of batch) {
      for (const glob of [...dependenciesOf(path, reader.text(path)), ...linksOf(path)]) for (const match of globs.matching(glob)) add(match, false);
      if (!up.has(path)) continue;
      dependents ??= await indexDependents(listing, reader, globs, linksOf);
      for (const dependency of candidatesFor(path, dependents)) if (dependency.owner !== path && dependency.matches(path)) add(dependency.owner, true);
    }
  }
  return selected;
}
function hasDependencies(path) {
  return INFRA_PARSERS.some((parser) => parser.dependenciesOf && parser.matchesPath(path));
}
function configuredLinks(links) {
  const matchers = links.map((link) => ({ matches: (0, import_picomatch7.default)(link.from, { dot: true }), to: link.to }));
  return (path) => matchers.filter((link) => link.matches(path)).map((link) => link.to);
}
function dependenciesOf(path, text2) {
  if (text2 === void 0 || !hasDependencies(path)) return [];
  return detectFormat(path, text2)?.dependenciesOf?.(path, text2) ?? [];
}
async function indexDependents(listing, reader, globs, linksOf) {
  const candidates = listing.filter(hasDependencies);
  await reader.load(candidates);
  const index2 = /* @__PURE__ */ new Map();
  for (const owner of /* @__PURE__ */ new Set([...candidates, ...listing.filter((path) => linksOf(path).length)])) {
    for (const glob of [...dependenciesOf(owner, reader.text(owner)), ...linksOf(owner)]) {
      const { matches, base } = globs.get(glob);
      const list2 = index2.get(base) ?? [];
      list2.push({ owner, matches });
      index2.set(base, list2);
    }
  }
  return index2;
}
function candidatesFor(path, index2) {
  const found = [...index2.get("") ?? []];
  let dir = posix11.dirname(path);
  for (; ; ) {
    if (dir !== ".") found.push(...index2.get(dir) ?? []);
    if (dir === "." || dir === "/") break;
    dir = posix11.dirname(dir);
  }
  return found;
}
function indexByDirectory(listing) {
  const index2 = /* @__PURE__ */ new Map();
  for (const path of listing) {
    const dir = posix11.dirname(path) === "." ? "" : posix11.dirname(path);
    const list2 = index2.get(dir) ?? [];
    list2.push(path);
    index2.set(dir, list2);
  }
  return index2;
}

// checks/infra/evaluate.ts
import { posix as posix12 } from "node:path";

// checks/infra/diff.ts
function diffResources(input) {
  const scopeOf2 = input.scopeOf ?? ((resource) => resource.path);
  const baseByKey = new Map(input.base.map((resource) => [`${scopeOf2(resource, "base")}#${resource.address}`, resource]));
  const matchedBase = /* @__PURE__ */ new Set();
  const pairs = input.head.map((head) => {
    const scope = scopeOf2(head, "head");
    const base = [head.address, ...head.movedFrom ?? []].map((address) => baseByKey.get(`${scope}#${address}`)).find((candidate) => candidate !== void 0 && !matchedBase.has(candidate));
    if (base) matchedBase.add(base);
    return { head, base };
  });
  const contexts = {
    base: contextsOf(input.base, (resource) => scopeOf2(resource, "base")),
    head: contextsOf(input.head, (resource) => scopeOf2(resource, "head"))
  };
  const diff = { findings: [], unknown: [], strengthened: [] };
  for (const rule of input.rules) {
    for (const { head, base } of pairs) {
      if (appliesTo(rule, head)) classify(rule, head, base, contexts, diff);
    }
    for (const base of input.base) {
      if (matchedBase.has(base) || reportedProvider(rule, base, diff)) continue;
      const safeguard = safeguardOf(rule, base);
      const context = contexts.base(base);
      if (safeguard && !protectedGoneToo(safeguard, base, context, matchedBase)) classifyRemoval(rule, base, context, diff);
    }
  }
  return diff;
}
function contextsOf(resources, scopeOf2) {
  const key = (resource) => `${scopeOf2(resource)}#${resource.format === "terraform" && !resource.qualifiedReferences ? moduleInstanceOf(resource.address) : ""}`;
  const groups = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    const name = key(resource);
    const group = groups.get(name);
    if (group) group.push(resource);
    else groups.set(name, [resource]);
  }
  return (resource) => ({ resources: groups.get(key(resource)) ?? [] });
}
function appliesTo(rule, resource) {
  return rule.formats.includes(resource.format) && rule.resourceTypes.includes(resource.type);
}
function safeguardOf(rule, resource) {
  return appliesTo(rule, resource) ? rule.safeguardTypes?.find((safeguard) => safeguard.type === resource.type) : void 0;
}
function protectedGoneToo(safeguard, base, context, kept) {
  if (!safeguard.protects) return false;
  const reference = valueAt(base.values, safeguard.protects);
  return context.resources.some((other) => other !== base && !kept.has(other) && refersTo(reference, other));
}
function reportedProvider(rule, base, diff) {
  return diff.findings.some((finding) => finding.ruleId === rule.id && finding.change === "removed" && finding.evidence?.before === base.address);
}
function classify(rule, head, base, contexts, diff) {
  const afters = verdictList(rule.check(head, contexts.head(head)));
  if (!afters.length) return;
  const befores = base ? verdictList(rule.check(base, contexts.base(base))) : [];
  const compared = /* @__PURE__ */ new Set();
  for (const after of afters) {
    const before = beforeOf(after, afters, befores, base);
    if (before) compared.add(before);
    classifyVerdict(rule, head, base, after, before, diff);
  }
  if (afters.some((after) => after.verdict === "unknown")) return;
  for (const before of befores) {
    if (before.verdict !== "fail" || compared.has(before)) continue;
    diff.strengthened.push({
      ruleId: rule.id,
      location: locationOf2(head, base, before.path).location,
      message: `${head.address}: ${pathLabel(before.path)} changed from ${describeValue(verdictValue(before))} to ${describeValue(valueAt(head.values, before.path))}`
    });
  }
}
function beforeOf(after, afters, befores, base) {
  if (!base || !befores.length) return void 0;
  const same = befores.find((before) => samePath(before.path, after.path));
  if (same) return same;
  const only = befores.length === 1 ? befores[0] : void 0;
  if (only && !afters.some((other) => samePath(other.path, only.path))) return only;
  return befores.find((before) => before.verdict === "unknown") ?? { verdict: "pass", path: after.path, actual: valueAt(base.values, after.path) };
}
function samePath(a, b) {
  return a.length === b.length && a.every((step, index2) => step === b[index2]);
}
function locationOf2(head, base, path) {
  const { path: setIn, ...lines } = placeOf2(head, base, path);
  const location = { kind: "file", path: setIn ?? head.path, ...lines };
  const related = setIn !== void 0 && setIn !== head.path ? [{ kind: "file", path: head.path, ...head.range }] : void 0;
  return { location, related };
}
function classifyVerdict(rule, head, base, after, before, diff) {
  const { location, related } = locationOf2(head, base, after.path);
  if (after.verdict === "unknown") {
    const reason = after.reason ?? reasonAt(head, after);
    diff.unknown.push({
      ruleId: rule.id,
      location,
      message: `${named(head)}: ${pathLabel(after.path)} depends on ${shortened(after.expression)}, which could not be resolved${reason ? ` (${shortened(reason)})` : ""}`
    });
    return;
  }
  if (after.verdict === "pass") {
    if (before?.verdict === "fail" || before?.verdict === "pass" && stronger(rule, after.actual, before.actual)) {
      diff.strengthened.push({
        ruleId: rule.id,
        location,
        message: `${named(head)}: ${pathLabel(after.path)} changed from ${describeValue(verdictValue(before))} to ${describeValue(after.actual)}`
      });
    }
    return;
  }
  const change = changeOf(rule, after, before, head, base);
  if (rule.onlyChanges && !rule.onlyChanges.includes(change)) return;
  diff.findings.push(findingOf(rule, head, after, location, change, before, related));
}
function placeOf2(head, base, path) {
  const direct = head.locate(path);
  if (direct.path !== void 0 || !base) return direct;
  const changed = firstDifference(valueAt(base.values, path), valueAt(head.values, path), path);
  const deeper = changed && changed.length > path.length ? head.locate(changed) : void 0;
  return deeper?.path !== void 0 ? deeper : direct;
}
function firstDifference(before, after, path) {
  if (before === after || isUnresolved(before) || isUnresolved(after)) return void 0;
  if (before !== null && after !== null && typeof before === "object" && typeof after === "object") {
    for (const key of /* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])) {
      const step = Array.isArray(after) ? Number(key) : key;
      const found = firstDifference(before[key], after[key], [...path, step]);
      if (found) return found;
    }
    return void 0;
  }
  return path;
}
function changeOf(rule, after, before, head, base) {
  if (!before) return "introduced";
  if (before.verdict === "fail") return stronger(rule, before.actual, after.actual) ? "weakened" : "existing";
  if (before.verdict === "pass" && before.providedBy !== void 0) return "removed";
  const deleted = base !== void 0 && valueAt(base.values, after.path) !== void 0 && valueAt(head.values, after.path) === void 0;
  if (before.verdict === "pass" && deleted && after.defaulted === void 0) return "removed";
  return "weakened";
}
function findingOf(rule, head, after, location, change, before, related) {
  const evidence = { resource: head.address, actual: after.actual, expected: after.expected };
  let message = `${named(head)}: ${after.message}`;
  if (change === "weakened" || change === "removed") {
    evidence.before = verdictValue(before) ?? null;
    evidence.after = after.actual;
    message += before?.verdict === "pass" && before.providedBy !== void 0 ? ` (was provided by ${before.providedBy})` : ` (was ${describeValue(verdictValue(before))})`;
  }
  return makeFinding(rule, {
    message,
    location,
    change,
    evidence,
    ...related ? { related } : {},
    subject: `${head.path}#${head.address}#${pathLabel(after.path)}${instanceScope(head)}`
  });
}
function classifyRemoval(rule, base, context, diff) {
  const befores = verdictList(rule.check(base, context));
  if (!befores.length || !befores.every((before) => before.verdict === "pass")) return;
  diff.findings.push(
    makeFinding(rule, {
      message: `${named(base)} was removed; it provided this safeguard`,
      location: { kind: "file", path: base.path, ...base.range },
      change: "removed",
      evidence: { resource: base.address, before: base.address, after: null },
      subject: `${base.path}#${base.address}#removed${instanceScope(base)}`
    })
  );
}
function instanceScope(resource) {
  return moduleInstanceOf(resource.address) && resource.scope ? `@${resource.scope}` : "";
}
function named(resource) {
  return moduleInstanceOf(resource.address) && resource.scope ? `${resource.address} (${resource.scope})` : resource.address;
}
function reasonAt(resource, verdict) {
  return firstUnknown(valueAt(resource.values, verdict.path), (part) => verdict.expression.includes(part.expression))?.reason;
}
function stronger(rule, a, b) {
  const strengthA = rule.strength?.(a);
  const strengthB = rule.strength?.(b);
  return strengthA !== void 0 && strengthB !== void 0 && strengthA > strengthB;
}
function verdictValue(verdict) {
  if (!verdict) return void 0;
  if (verdict.verdict === "unknown") return verdict.expression;
  return isUnresolved(verdict.actual) ? verdict.actual.expression : verdict.actual;
}
function shortened(expression) {
  const [first = "", ...rest] = expression.split("\n");
  return first.length > 300 || rest.length ? `${first.slice(0, 299)}\u2026` : first;
}
function pathLabel(path) {
  return path.length ? path.map(String).join(".") : "resource";
}

// checks/infra/evaluate.ts
var MAX_INFRA_FILE_BYTES = 1024 * 1024;
async function analyzeInfra(input) {
  const maxBytes = input.maxBytes ?? MAX_INFRA_FILE_BYTES;
  const analysis = { findings: [], suppressed: [], unknown: [], strengthened: [], notes: [] };
  const head = await parseVersion(input.head, maxBytes, input.parseOptions ?? {});
  const base = await parseVersion(input.base, maxBytes, input.parseOptions ?? {});
  analysis.notes.push(...head.notes);
  for (const failure of head.failures) analysis.findings.push(parseErrorFinding(failure));
  for (const failure of base.failures) {
    analysis.notes.push(
      `infra: ${failure.path} did not parse at base (line ${failure.line}: ${failure.message}); its resources at head are compared against nothing`
    );
  }
  const baseToHead = new Map([...input.renames ?? []].map(([headPath, basePath]) => [basePath, headPath]));
  const unreadAtHead = new Set(head.failures.map((failure) => failure.path));
  const diff = diffResources({
    base: base.resources.filter((resource) => !unreadAtHead.has(baseToHead.get(resource.path) ?? resource.path)),
    head: head.resources,
    rules: input.rules ?? INFRA_RULES,
    scopeOf: (resource, side) => scopeOf(resource, side === "base" ? baseToHead.get(resource.path) ?? resource.path : resource.path)
  });
  analysis.unknown.push(...diff.unknown);
  analysis.strengthened.push(...diff.strengthened);
  const texts = new Map(input.head.map((file) => [file.path, file.text]));
  const byPath = /* @__PURE__ */ new Map();
  for (const finding of diff.findings) {
    const path = finding.location.kind === "file" ? finding.location.path : "";
    byPath.set(path, [...byPath.get(path) ?? [], finding]);
  }
  for (const [path, findings] of byPath) {
    const text2 = texts.get(path);
    if (text2 === void 0) {
      analysis.findings.push(...findings);
      continue;
    }
    const blocks = head.resources.filter((resource) => resource.path === path).map((resource) => resource.range);
    const result = applySuppressions(path, text2, findings, blocks, input.now);
    analysis.findings.push(...result.findings);
    analysis.suppressed.push(...result.suppressed);
  }
  return analysis;
}
async function parseVersion(files, maxBytes, options) {
  const version = { resources: [], failures: [], notes: [] };
  const groups = /* @__PURE__ */ new Map();
  for (const file of files) {
    const parser = detectFormat(file.path, file.text);
    if (!parser) continue;
    const size = Buffer.byteLength(file.text);
    if (size > maxBytes) {
      version.failures.push({
        ok: false,
        path: file.path,
        format: parser.format,
        line: 1,
        message: `file is ${size} bytes, over the ${maxBytes}-byte limit; it was not checked`
      });
      continue;
    }
    const key = parser.groupOf?.(file.path) ?? `${parser.format}:${file.path}`;
    const group = groups.get(key) ?? { parser, files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  const parsed = await Promise.all(
    [...groups.values()].map(
      ({ parser, files: members }) => parser.parseGroup ? parser.parseGroup(members, options) : Promise.all(members.map(async (file) => parser.parse(file.path, file.text)))
    )
  );
  for (const result of parsed.flat()) {
    if (result.ok) {
      version.resources.push(...result.resources);
      version.notes.push(...result.notes ?? []);
    } else version.failures.push(result);
  }
  return version;
}
function scopeOf(resource, path) {
  if (resource.scope !== void 0) {
    const from = `:${posix12.dirname(resource.path)}`;
    return path !== resource.path && resource.scope.endsWith(from) ? `${resource.scope.slice(0, -from.length)}:${posix12.dirname(path)}` : resource.scope;
  }
  const parser = INFRA_PARSERS.find((candidate) => candidate.format === resource.format);
  return parser?.groupOf?.(path) ?? `${resource.format}:${path}`;
}
function parseErrorFinding(failure) {
  return makeFinding(PARSE_ERROR_RULE, {
    message: `${failure.path} (${failure.format}) could not be checked: ${failure.message}`,
    location: { kind: "file", path: failure.path, startLine: failure.line, endLine: failure.line },
    subject: failure.path,
    evidence: { format: failure.format, error: failure.message }
  });
}

// checks/infra/index.ts
async function checkInfra(changeSet, config, options) {
  const report = emptyReport(TOOL, options.now.toISOString());
  const isInfra = infraPathFilter(config.infra);
  const links = Object.entries(config.infra.cloudformation["parameter-files"]).flatMap(([template2, files]) => files.map((from) => ({ from, to: template2 })));
  const { head, base } = await selectInfraFiles(changeSet, { isInfra, links, ...options.all ? { all: true } : {} }, report);
  const included = config.infra.include.length ? (0, import_picomatch8.default)([...config.infra.include], { dot: true }) : void 0;
  for (const file of head) {
    if (included?.(file.path) && !detectFormat(file.path, file.text)) {
      report.notes.push(
        `infra: ${file.path} matches infra.include but is none of the formats hipaa-guard reads (Terraform, CloudFormation, Kubernetes, nginx); not checked`
      );
    }
  }
  const renames = new Map(changeSet.changed.filter((file) => file.previousPath !== void 0).map((file) => [file.path, file.previousPath]));
  const analysis = await analyzeInfra({
    base,
    head,
    renames,
    now: options.now,
    parseOptions: { terraformVarFiles: config.infra.terraform["var-files"], cloudFormationParameterFiles: config.infra.cloudformation["parameter-files"] }
  });
  report.findings.push(...analysis.findings);
  report.suppressed.push(...analysis.suppressed);
  report.unknown.push(...analysis.unknown);
  report.strengthened.push(...analysis.strengthened);
  report.notes.push(...analysis.notes);
  report.targets.push({
    kind: "repository",
    root: options.root ?? ".",
    ...changeSet.baseRef ? { base: changeSet.baseRef } : {},
    ...changeSet.headRef ? { head: changeSet.headRef } : {},
    files: head.length
  });
  return report;
}

// checks/scan.ts
async function scanChanges(changeSet, config, options) {
  const infra = await guarded("infra", options.now, () => checkInfra(changeSet, config, options));
  const environments = await guarded(
    "environments",
    options.now,
    () => checkEnvironments({ changeSet, config, now: options.now, ...options.configPath ? { configPath: options.configPath } : {} })
  );
  return withoutRepeatedSuppressionProblems(mergeReports(infra, environments));
}
function withoutRepeatedSuppressionProblems(report) {
  const seen = /* @__PURE__ */ new Set();
  const findings = report.findings.filter((finding) => {
    if (finding.ruleId !== SUPPRESSION_INVALID_RULE.id) return true;
    if (seen.has(finding.fingerprint)) return false;
    seen.add(finding.fingerprint);
    return true;
  });
  return { ...report, findings };
}
async function guarded(family, now, run) {
  try {
    return await run();
  } catch (error) {
    const report = emptyReport(TOOL, now.toISOString());
    report.errors.push({
      category: error instanceof ListingFailedError ? "read" : "bug",
      target: family,
      message: error instanceof Error ? error.message : String(error)
    });
    return report;
  }
}

export {
  diffResources,
  applySuppressions,
  parseTerraformModule,
  scanChanges
};

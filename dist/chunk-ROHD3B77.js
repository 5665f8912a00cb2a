import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  cipherSuiteByName
} from "./chunk-YWFXNLSI.js";
import {
  CITATIONS,
  citationOf
} from "./chunk-WQ6PL2OD.js";

// checks/infra/rules/general.ts
var PARSE_ERROR_RULE = {
  id: "PARSE-ERROR",
  title: "Infrastructure file could not be checked",
  family: "general",
  severity: "high",
  safeguard: "integrity",
  description: "An infrastructure file at the head of the change does not parse, or is over the size limit, so none of its safeguards could be checked. Nothing is skipped silently: the file is reported with the parser's message and line.",
  remediation: "Fix the syntax error at the reported line (run `terraform validate` or your YAML linter), or split the file below the size limit."
};
var SUPPRESSION_INVALID_RULE = {
  id: "SUPPRESSION-INVALID",
  title: "Suppression comment is not honoured",
  family: "general",
  severity: "medium",
  safeguard: "audit-controls",
  description: 'A `hipaa-guard:ignore` comment has no `reason="..."`, a malformed `until=` date, or has expired. It does not suppress anything; the findings it meant to hide are reported.',
  remediation: 'Write `# hipaa-guard:ignore RULE-ID reason="why this is acceptable" until=YYYY-MM-DD`, renew an expired one only after review, or fix the finding.'
};
var GENERAL_RULES = [PARSE_ERROR_RULE, SUPPRESSION_INVALID_RULE];

// checks/infra/model.ts
var UNRESOLVED = /* @__PURE__ */ Symbol.for("hipaa-guard.unresolved");
function unresolved(expression, branches, reason) {
  return { [UNRESOLVED]: true, expression, ...reason ? { reason } : {}, ...branches ? { branches } : {} };
}
function isUnresolved(value) {
  return typeof value === "object" && value !== null && UNRESOLVED in value;
}
function containsUnknown(value) {
  return firstUnknown(value) !== void 0;
}
function firstUnknown(value, accept = () => true) {
  if (isUnresolved(value)) return accept(value) ? value : void 0;
  const children = Array.isArray(value) ? value : value !== null && typeof value === "object" ? Object.values(value) : [];
  for (const child of children) {
    const found = firstUnknown(child, accept);
    if (found) return found;
  }
  return void 0;
}

// checks/infra/rule.ts
function isUndecided(applies) {
  return typeof applies === "object";
}
function decide(resource, path, test) {
  return decideValue(valueAt(resource.values, path), path, test);
}
function decideValue(value, path, test) {
  if (!isUnresolved(value)) return test(value);
  const answers = new Set((value.branches ?? []).map((branch) => decideValue(branch, path, test)));
  const [only] = answers;
  return answers.size === 1 && typeof only === "boolean" ? only : { undecided: true, path, ...unknownOf(value) };
}
function decidePresent(resource, path) {
  const value = valueAt(resource.values, path);
  if (isUnresolved(value) && isResourceReference(value)) return true;
  return decideValue(value, path, (item) => item !== void 0 && item !== null && item !== "");
}
function isResourceReference(value) {
  const expression = value.expression.trim();
  if (/^(!GetAtt|Ref)\b/.test(expression)) return true;
  const reference = /^(?:\$\{)?([a-z][\w-]*)\.[\w-]+(\[[^\]]*\])?\.[\w.[\]"-]+\}?$/.exec(expression);
  return reference !== null && !["var", "local", "module", "each", "count", "path", "terraform", "self"].includes(reference[1]);
}
function undecidedVerdict(applies) {
  return { verdict: "unknown", path: applies.path, expression: applies.expression, ...applies.reason ? { reason: applies.reason } : {} };
}
function unknownOf(value) {
  return { expression: value.expression, ...value.reason ? { reason: value.reason } : {} };
}
function verdictList(verdicts) {
  if (verdicts === void 0) return [];
  return isVerdict(verdicts) ? [verdicts] : verdicts;
}
function isVerdict(verdicts) {
  return !Array.isArray(verdicts);
}
function moduleInstanceOf(address) {
  return /^(?:module\.[\w-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)*/.exec(address)?.[0] ?? "";
}
function refersTo(value, target) {
  if (!isUnresolved(value)) return false;
  if (target.format === "terraform") {
    const address = target.qualifiedReferences ? target.address : target.address.slice(moduleInstanceOf(target.address).length);
    const named = address.replace(/\[[^\]]*\]$/, "");
    return new RegExp(`(^|[^\\w.])${escape(named)}(\\.|\\W|$)`).test(value.expression);
  }
  return value.expression.includes(`"${target.address}"`);
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function valueAt(values, path) {
  let current = values;
  for (const step of path) {
    if (isUnresolved(current)) return current;
    if (Array.isArray(current) && typeof step === "number") current = current[step];
    else if (current !== null && typeof current === "object" && !Array.isArray(current)) {
      current = current[String(step)];
    } else return void 0;
  }
  return current;
}
function attributeRule(spec) {
  const { targets, expect, ...metadata2 } = spec;
  return {
    ...metadata2,
    formats: [...new Set(targets.map((target) => target.format))],
    resourceTypes: [...new Set(targets.map((target) => target.type))],
    ...expect.strength ? { strength: expect.strength } : {},
    check: (resource) => {
      for (const target of targets) {
        if (target.type !== resource.type || target.format !== resource.format) continue;
        const applies = target.when?.(resource) ?? true;
        if (isUndecided(applies)) return undecidedVerdict(applies);
        if (applies) return judgeAttribute(resource, target.path, target.absent, expect);
      }
      return void 0;
    }
  };
}
function judgeAttribute(resource, path, absent, expect) {
  const written = valueAt(resource.values, path);
  const name = attributeName(path);
  const verdict = judgeValue(path, written ?? absent, expect, name);
  if (verdict.verdict === "fail" && written === void 0 && absent !== void 0) {
    verdict.message = `${name} is not set, which means ${describeValue(absent)}; expected ${expect.expected}`;
    verdict.defaulted = absent;
  }
  return verdict;
}
function judgeValue(path, value, expect, name) {
  if (isUnresolved(value)) {
    if (expect.acceptsUnresolved?.(value)) return { verdict: "pass", path, actual: value.expression };
    return value.branches?.length ? judgeBranches(path, value, expect, name) : { verdict: "unknown", path, ...unknownOf(value) };
  }
  if (expect.test(value)) return { verdict: "pass", path, actual: value };
  return {
    verdict: "fail",
    path,
    actual: value ?? null,
    expected: expect.expected,
    message: `${name} is ${describeValue(value)}; expected ${expect.expected}`
  };
}
function judgeBranches(path, value, expect, name) {
  const verdicts = (value.branches ?? []).map((branch) => judgeValue(path, branch, expect, name));
  if (verdicts.every((verdict) => verdict.verdict === "pass")) return { verdict: "pass", path, actual: value };
  if (!verdicts.every((verdict) => verdict.verdict === "fail")) {
    return {
      verdict: "unknown",
      path,
      expression: value.expression,
      reason: `some branches pass, or cannot be resolved${value.reason ? `; ${value.reason}` : ""}`
    };
  }
  const actuals = verdicts.map((verdict) => describeValue(verdict.actual));
  return {
    verdict: "fail",
    path,
    actual: value.expression,
    expected: expect.expected,
    message: `${name} is ${actuals.join(" or ")} whichever way ${value.expression} goes; expected ${expect.expected}`
  };
}
function attributeName(path) {
  return path.filter((step) => typeof step === "string").join(".") || "the resource";
}
function describeValue(value) {
  if (value === void 0 || value === null) return "not set";
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}
var mustBeTrue = {
  expected: "true",
  test: (value) => isTrue(value),
  strength: (value) => isTrue(value) ? 1 : 0
};
var mustBeFalse = {
  expected: "false",
  test: (value) => !isTrue(value),
  strength: (value) => isTrue(value) ? 0 : 1
};
function isTrue(value) {
  return value === true || typeof value === "string" && value.toLowerCase() === "true";
}
function oneOf(allowed, expected, ordered) {
  return {
    expected,
    test: (value) => allowed.includes(value),
    ...ordered ? {
      strength: (value) => {
        const index = ordered.indexOf(value);
        return index < 0 ? void 0 : index;
      }
    } : {}
  };
}
var mustBeSet = {
  expected: "set",
  test: (value) => value !== void 0 && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0),
  strength: (value) => value === void 0 || value === null || value === "" ? 0 : 1,
  acceptsUnresolved: isResourceReference
};
function atLeast(minimum, unit) {
  const asNumber = (value) => typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : void 0;
  return {
    expected: `at least ${minimum} ${unit}`,
    test: (value) => (asNumber(value) ?? -1) >= minimum,
    strength: asNumber
  };
}

// checks/infra/rules/support.ts
function tf(type, path, options = {}) {
  return { type, format: "terraform", path, ...options };
}
function cfn(type, path, options = {}) {
  return { type, format: "cloudformation", path, ...options };
}
function referencing(target, context, types, path) {
  return context.resources.filter(
    (resource) => resource.format === target.format && types.includes(resource.type) && refersTo(valueAt(resource.values, path), target)
  );
}
function companionOf(target, context, types, path, namePath) {
  const candidates = context.resources.filter((resource) => resource.format === target.format && types.includes(resource.type));
  const found = candidates.find((resource) => refersTo(valueAt(resource.values, path), target));
  if (found) return { found };
  const name = valueAt(target.values, namePath);
  const named = candidates.find((resource) => valueAt(resource.values, path) === name && typeof name === "string");
  if (named) return { found: named };
  for (const candidate of candidates) {
    const value = valueAt(candidate.values, path);
    if (isUnresolved(value) && !isResourceReference(value)) return { unknown: candidate, expression: value.expression };
    if (typeof value === "string" && isUnresolved(name)) return { unknown: candidate, expression: name.expression };
  }
  return void 0;
}
function referencedBy(referrers, what) {
  return (resource, context) => {
    const candidates = referrers[resource.format];
    if (!candidates) return void 0;
    const found = candidates.flatMap((referrer) => referencing(resource, context, [referrer.type], [referrer.path]));
    if (found.length) return { verdict: "pass", path: [], actual: found[0].address, providedBy: found[0].address };
    return {
      verdict: "fail",
      path: [],
      actual: null,
      expected: what,
      message: `no ${what} refers to this resource; expected one in the same module or template`
    };
  };
}
function allOf(resource, rows) {
  const verdicts = rows.map((row) => judgeAttribute(resource, row.path, row.absent, row.expect));
  const failing = verdicts.filter((verdict) => verdict.verdict !== "pass");
  return failing.length ? failing : verdicts.slice(-1);
}
function isAnywhere(cidr) {
  if (typeof cidr !== "string") return false;
  const match = /^\s*([0-9a-fA-F:.]+)\/0+\s*$/.exec(cidr);
  return match !== null && (match[1].includes(":") || /^\d{1,3}(\.\d{1,3}){0,3}$/.test(match[1]));
}
function itemsAt(resource, path) {
  const value = valueAt(resource.values, path);
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) return [{ path, value }];
  return value.map((item, index) => ({ path: [...path, index], value: item }));
}
function elbPolicyStrength(value) {
  if (typeof value !== "string" || !value.startsWith("ELBSecurityPolicy-")) return void 0;
  const minimum = /(?:TLS13-|TLS-|FS-)1-([0-3])-/.exec(value)?.[1];
  return minimum === void 0 ? 10 : 10 + Number(minimum);
}
var CLOUDFRONT_PROTOCOLS = [
  "SSLv3",
  "TLSv1",
  "TLSv1_2016",
  "TLSv1.1_2016",
  "TLSv1.2_2018",
  "TLSv1.2_2019",
  "TLSv1.2_2021",
  "TLSv1.2_2025",
  "TLSv1.3_2025"
];
var TLS12_OR_LATER = "TLS 1.2 or later";
var IN_TRANSIT = { family: "terraform", severity: "high", safeguard: "transmission-security", citation: CITATIONS.transmissionEncryption };
function tlsAtLeast(ordered, minimumIndex) {
  return {
    expected: `${ordered.slice(minimumIndex).map((name) => `"${name}"`).join(" or ")} (${TLS12_OR_LATER})`,
    test: (value) => typeof value === "string" && ordered.indexOf(value) >= minimumIndex,
    strength: (value) => {
      const index = typeof value === "string" ? ordered.indexOf(value) : -1;
      return index < 0 ? void 0 : index;
    }
  };
}

// checks/infra/kubernetes/annotations.ts
var INGRESS_NGINX = "nginx.ingress.kubernetes.io/";
var ALB = "alb.ingress.kubernetes.io/";
var AWS_SERVICE = "service.beta.kubernetes.io/";
function annotationPath(key) {
  return ["metadata", "annotations", key];
}
function scalarText(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : void 0;
}
function annotation(resource, key) {
  return valueAt(resource.values, annotationPath(key));
}
function annotationKeys(resource) {
  const annotations = valueAt(resource.values, ["metadata", "annotations"]);
  return annotations !== null && typeof annotations === "object" ? Object.keys(annotations) : [];
}
function isAlbIngress(resource) {
  return resource.type === "Ingress" && (valueAt(resource.values, ["spec", "ingressClassName"]) === "alb" || annotation(resource, "kubernetes.io/ingress.class") === "alb" || annotationKeys(resource).some((key) => key.startsWith(ALB)));
}
function isSpecTlsIngress(resource) {
  return resource.type === "Ingress" && !isAlbIngress(resource);
}
function albListenProtocols(resource) {
  const ports = scalarText(annotation(resource, `${ALB}listen-ports`));
  if (ports === void 0) return /* @__PURE__ */ new Set([annotation(resource, `${ALB}certificate-arn`) ? "HTTPS" : "HTTP"]);
  let parsed;
  try {
    parsed = JSON.parse(ports);
  } catch {
    parsed = void 0;
  }
  if (!Array.isArray(parsed)) return unresolved(`listen-ports ${ports} (not a JSON list such as '[{"HTTPS": 443}]')`);
  return new Set(parsed.flatMap((entry) => entry !== null && typeof entry === "object" ? Object.keys(entry).map((key) => key.toUpperCase()) : []));
}
function albServesHttps(resource) {
  const protocols = albListenProtocols(resource);
  return protocols instanceof Set && protocols.has("HTTPS");
}
function albScheme(resource) {
  return annotation(resource, `${ALB}scheme`) ?? "internal";
}
function albAttributes(resource) {
  const text = annotation(resource, `${ALB}load-balancer-attributes`);
  const attributes = /* @__PURE__ */ new Map();
  if (typeof text !== "string") return attributes;
  for (const pair of text.split(",")) {
    const [key, ...value] = pair.split("=");
    if (key?.trim()) attributes.set(key.trim(), value.join("=").trim());
  }
  return attributes;
}
function isLoadBalancerService(resource) {
  return resource.type === "Service" && valueAt(resource.values, ["spec", "type"]) === "LoadBalancer";
}
function serviceTerminatesTls(resource) {
  return isLoadBalancerService(resource) && Boolean(annotation(resource, `${AWS_SERVICE}aws-load-balancer-ssl-cert`));
}
function serviceScheme(resource) {
  const scheme = annotation(resource, `${AWS_SERVICE}aws-load-balancer-scheme`);
  if (typeof scheme === "string") return { path: annotationPath(`${AWS_SERVICE}aws-load-balancer-scheme`), value: scheme };
  const internal2 = annotation(resource, `${AWS_SERVICE}aws-load-balancer-internal`);
  if (internal2 !== void 0) {
    const value = scalarText(internal2) === "false" ? "internet-facing" : "internal";
    return { path: annotationPath(`${AWS_SERVICE}aws-load-balancer-internal`), value };
  }
  const type = annotation(resource, `${AWS_SERVICE}aws-load-balancer-type`);
  const controller = type === "external" || type === "nlb-ip" || valueAt(resource.values, ["spec", "loadBalancerClass"]) === "service.k8s.aws/nlb";
  return { path: ["spec", "type"], value: controller ? "internal" : "internet-facing" };
}
var INGRESS_NGINX_KEYS = ["ssl-protocols", "ssl-ciphers", "ssl-redirect", "force-ssl-redirect", "hsts", "hsts-max-age", "hsts-include-subdomains"];
function isIngressNginxConfigMap(resource) {
  if (resource.type !== "ConfigMap") return false;
  const name = valueAt(resource.values, ["metadata", "name"]);
  if (typeof name === "string" && /ingress-nginx|nginx-ingress|nginx-configuration/.test(name)) return true;
  const data = valueAt(resource.values, ["data"]);
  return data !== null && typeof data === "object" && INGRESS_NGINX_KEYS.some((key) => key in data);
}

// checks/infra/kubernetes/example-manifests.ts
function indent(lines, spaces) {
  return lines.map((line) => `${" ".repeat(spaces)}${line}
`).join("");
}
function metadata(name, annotations) {
  const block = annotations.length ? `  annotations:
${indent(annotations, 4)}` : "";
  return `metadata:
  name: ${name}
${block}`;
}
function albIngress(annotations) {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
${metadata("portal", annotations)}spec:
  ingressClassName: alb
`;
}
function loadBalancerService(annotations, port) {
  return `apiVersion: v1
kind: Service
${metadata("api", annotations)}spec:
  type: LoadBalancer
  ports:
    - port: ${port}
      targetPort: 8080
`;
}
function controllerConfigMap(data) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
data:
${indent(data, 2)}`;
}
function nginxIngress(annotations) {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
${metadata("portal", annotations)}spec:
  ingressClassName: nginx
  tls:
    - hosts: [portal.example.org]
      secretName: portal-tls
  rules:
    - host: portal.example.org
`;
}
var DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: phi
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

// checks/infra/kubernetes/aws-load-balancer-rules.ts
var family = "kubernetes";
var HTTPS_ONLY = `alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}]'`;
var HTTP_AND_HTTPS = `alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}, {"HTTPS": 443}]'`;
var CERTIFICATE = "alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/portal";
var REDIRECT = "alb.ingress.kubernetes.io/ssl-redirect: '443'";
var INTERNAL = "alb.ingress.kubernetes.io/scheme: internal";
var INTERNET_FACING = "alb.ingress.kubernetes.io/scheme: internet-facing";
var SERVICE_CERTIFICATE = "service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:us-east-1:111122223333:certificate/api";
var encryption = { family, safeguard: "transmission-security", citation: CITATIONS.transmissionEncryption };
var DEFAULT_ELB_POLICY = "ELBSecurityPolicy-2016-08";
var elbTls12 = {
  expected: `an ELBSecurityPolicy with ${TLS12_OR_LATER} (e.g. "ELBSecurityPolicy-TLS13-1-2-2021-06")`,
  test: (value) => (elbPolicyStrength(value) ?? 0) >= 12,
  strength: elbPolicyStrength
};
var awsLbTlsPolicy = attributeRule({
  ...encryption,
  id: "K8S-AWS-LB-TLS-POLICY",
  title: "AWS load balancer from Kubernetes allows TLS older than 1.2",
  severity: "high",
  description: `The TLS security policy of an ALB Ingress (\`alb.ingress.kubernetes.io/ssl-policy\`) or of a load balancer Service with a certificate (\`service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy\`) accepts TLS 1.0 or 1.1. Without the annotation AWS applies \`${DEFAULT_ELB_POLICY}\`, which does. A change to a weaker policy is reported as \`weakened\`.`,
  remediation: "Annotate the Ingress with `alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS13-1-2-2021-06` (the Service with `service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy`).",
  targets: [
    {
      type: "Ingress",
      format: "kubernetes",
      path: annotationPath(`${ALB}ssl-policy`),
      absent: DEFAULT_ELB_POLICY,
      when: (resource) => isAlbIngress(resource) && albServesHttps(resource)
    },
    {
      type: "Service",
      format: "kubernetes",
      path: annotationPath(`${AWS_SERVICE}aws-load-balancer-ssl-negotiation-policy`),
      absent: DEFAULT_ELB_POLICY,
      when: serviceTerminatesTls
    }
  ],
  expect: elbTls12,
  examples: {
    bad: [
      { path: "k8s/alb.yaml", line: 8, text: albIngress([HTTPS_ONLY, CERTIFICATE, "alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS-1-1-2017-01"]) },
      { path: "k8s/service.yaml", line: 5, text: loadBalancerService([SERVICE_CERTIFICATE], 443) }
    ],
    good: [{ path: "k8s/alb.yaml", text: albIngress([HTTPS_ONLY, CERTIFICATE, "alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS13-1-2-2021-06"]) }]
  }
});
var albSslRedirectMissing = attributeRule({
  ...encryption,
  id: "K8S-ALB-SSL-REDIRECT-MISSING",
  title: "ALB Ingress serves HTTP next to HTTPS without redirecting",
  severity: "high",
  description: "An ALB Ingress listens on HTTP and HTTPS but has no `alb.ingress.kubernetes.io/ssl-redirect`, so requests that arrive on port 80 are served in clear text instead of being redirected to HTTPS.",
  remediation: "Add `alb.ingress.kubernetes.io/ssl-redirect: '443'`, or listen on HTTPS only.",
  targets: [
    {
      type: "Ingress",
      format: "kubernetes",
      path: annotationPath(`${ALB}ssl-redirect`),
      when: (resource) => {
        const protocols = albListenProtocols(resource);
        return isAlbIngress(resource) && protocols instanceof Set && protocols.has("HTTP") && protocols.has("HTTPS");
      }
    }
  ],
  expect: mustBeSet,
  examples: {
    bad: [{ path: "k8s/alb.yaml", line: 5, before: albIngress([HTTP_AND_HTTPS, REDIRECT]), text: albIngress([HTTP_AND_HTTPS]) }],
    good: [{ path: "k8s/alb.yaml", text: albIngress([HTTP_AND_HTTPS, REDIRECT]) }]
  }
});
var internal = {
  expected: "internal",
  test: (value) => value === "internal",
  strength: (value) => value === "internal" ? 1 : value === "internet-facing" ? 0 : void 0
};
function checkScheme(resource) {
  if (isAlbIngress(resource)) return judgeValue(annotationPath(`${ALB}scheme`), albScheme(resource), internal, "scheme");
  if (!isLoadBalancerService(resource)) return void 0;
  const { path, value } = serviceScheme(resource);
  return judgeValue(path, value, internal, "load balancer scheme");
}
var awsLbInternetFacing = {
  id: "K8S-AWS-LB-INTERNET-FACING",
  title: "Internal load balancer from Kubernetes made internet-facing",
  family,
  severity: "high",
  safeguard: "access-control",
  description: "An ALB Ingress (`alb.ingress.kubernetes.io/scheme`) or a load balancer Service (`service.beta.kubernetes.io/aws-load-balancer-scheme`, `aws-load-balancer-internal`) that was internal now faces the internet, exposing what was reachable only inside the VPC. Reported only as a change (`weakened`, `removed`): a new internet-facing load balancer is a design decision.",
  remediation: "Keep `scheme: internal` (Service: `aws-load-balancer-scheme: internal`) unless exposing the service was reviewed; restrict it with `inbound-cidrs` if it must face the internet.",
  formats: ["kubernetes"],
  resourceTypes: ["Ingress", "Service"],
  check: checkScheme,
  strength: internal.strength,
  onlyChanges: ["weakened", "removed"],
  examples: {
    bad: [
      { path: "k8s/alb.yaml", line: 6, before: albIngress([INTERNAL]), text: albIngress([INTERNET_FACING]) },
      {
        path: "k8s/service.yaml",
        line: 6,
        before: loadBalancerService([`${AWS_SERVICE}aws-load-balancer-internal: "true"`], 443),
        text: loadBalancerService([], 443)
      }
    ],
    good: [{ path: "k8s/alb.yaml", text: albIngress([INTERNAL]) }]
  }
};
function cidrsOf(value) {
  return typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : [];
}
var albInboundCidrsOpen = attributeRule({
  id: "K8S-ALB-INBOUND-CIDRS-OPEN",
  title: "ALB Ingress opened to the whole internet",
  family,
  severity: "high",
  safeguard: "access-control",
  description: "An internet-facing ALB Ingress whose `alb.ingress.kubernetes.io/inbound-cidrs` was restricted now admits `0.0.0.0/0` or `::/0`, explicitly or by removing the annotation (the controller then opens the listeners to everyone). Reported only as a change.",
  remediation: "Keep `alb.ingress.kubernetes.io/inbound-cidrs` to the networks that need the service (partners, VPN, office ranges).",
  targets: [
    {
      type: "Ingress",
      format: "kubernetes",
      path: annotationPath(`${ALB}inbound-cidrs`),
      absent: "0.0.0.0/0, ::/0",
      when: (resource) => isAlbIngress(resource) && albScheme(resource) === "internet-facing"
    }
  ],
  expect: {
    expected: "only the networks that need access (no 0.0.0.0/0 or ::/0)",
    test: (value) => cidrsOf(value).length > 0 && !cidrsOf(value).some((cidr) => isAnywhere(cidr)),
    strength: (value) => cidrsOf(value).some((cidr) => isAnywhere(cidr)) ? 0 : 1
  },
  onlyChanges: ["weakened", "removed"],
  examples: {
    bad: [
      {
        path: "k8s/alb.yaml",
        line: 7,
        before: albIngress([INTERNET_FACING, "alb.ingress.kubernetes.io/inbound-cidrs: 203.0.113.0/24"]),
        text: albIngress([INTERNET_FACING, "alb.ingress.kubernetes.io/inbound-cidrs: 203.0.113.0/24, 0.0.0.0/0"])
      },
      {
        path: "k8s/alb.yaml",
        line: 5,
        before: albIngress([INTERNET_FACING, "alb.ingress.kubernetes.io/inbound-cidrs: 203.0.113.0/24"]),
        text: albIngress([INTERNET_FACING])
      }
    ],
    good: [{ path: "k8s/alb.yaml", text: albIngress([INTERNET_FACING, "alb.ingress.kubernetes.io/inbound-cidrs: 203.0.113.0/24"]) }]
  }
});
function albAttributeCheck(key) {
  const path = annotationPath(`${ALB}load-balancer-attributes`);
  return (resource) => isAlbIngress(resource) ? judgeValue(path, albAttributes(resource).get(key) ?? "false", mustBeTrue, `load-balancer-attributes ${key}`) : void 0;
}
var albAccessLogsOff = {
  id: "K8S-ALB-ACCESS-LOGS-OFF",
  title: "ALB Ingress without access logs",
  family,
  severity: "medium",
  safeguard: "audit-controls",
  description: "The ALB of an Ingress does not write access logs (`access_logs.s3.enabled=true` in `alb.ingress.kubernetes.io/load-balancer-attributes`; AWS's default is off), so requests to systems holding PHI leave no record to examine.",
  remediation: "Add `access_logs.s3.enabled=true,access_logs.s3.bucket=<log bucket>` to `alb.ingress.kubernetes.io/load-balancer-attributes`.",
  formats: ["kubernetes"],
  resourceTypes: ["Ingress"],
  check: albAttributeCheck("access_logs.s3.enabled"),
  strength: mustBeTrue.strength,
  examples: {
    bad: [
      {
        path: "k8s/alb.yaml",
        line: 6,
        text: albIngress(["alb.ingress.kubernetes.io/load-balancer-attributes: access_logs.s3.enabled=false,idle_timeout.timeout_seconds=60"])
      }
    ],
    good: [
      {
        path: "k8s/alb.yaml",
        text: albIngress(["alb.ingress.kubernetes.io/load-balancer-attributes: access_logs.s3.enabled=true,access_logs.s3.bucket=alb-logs"])
      }
    ]
  }
};
var albDropInvalidHeadersOff = {
  id: "K8S-ALB-DROP-INVALID-HEADERS-OFF",
  title: "ALB Ingress passes invalid HTTP headers",
  family,
  severity: "medium",
  safeguard: "integrity",
  citation: CITATIONS.transmissionIntegrity,
  description: "The ALB of an Ingress forwards header fields with invalid names (`routing.http.drop_invalid_header_fields.enabled` is not `true` in `alb.ingress.kubernetes.io/load-balancer-attributes`), which enables HTTP desync and request smuggling against the services behind it.",
  remediation: "Add `routing.http.drop_invalid_header_fields.enabled=true` to `alb.ingress.kubernetes.io/load-balancer-attributes`.",
  formats: ["kubernetes"],
  resourceTypes: ["Ingress"],
  check: albAttributeCheck("routing.http.drop_invalid_header_fields.enabled"),
  strength: mustBeTrue.strength,
  examples: {
    bad: [{ path: "k8s/alb.yaml", line: 3, text: albIngress([]) }],
    good: [
      { path: "k8s/alb.yaml", text: albIngress(["alb.ingress.kubernetes.io/load-balancer-attributes: routing.http.drop_invalid_header_fields.enabled=true"]) }
    ]
  }
};
function checkServiceTls(resource) {
  if (!isLoadBalancerService(resource)) return void 0;
  const ports = valueAt(resource.values, ["spec", "ports"]);
  const list2 = Array.isArray(ports) ? ports : [];
  const certificate = annotation(resource, `${AWS_SERVICE}aws-load-balancer-ssl-cert`);
  const sslPorts = (scalarText(annotation(resource, `${AWS_SERVICE}aws-load-balancer-ssl-ports`)) ?? "*").split(/[\s,]+/);
  const listed = (port) => [valueAt(port, ["port"]), valueAt(port, ["name"])].some((key) => sslPorts.includes(scalarText(key) ?? ""));
  const isTls = (port) => Boolean(certificate) && (sslPorts.includes("*") || listed(port));
  const plain = list2.findIndex((port) => !isTls(port) && valueAt(port, ["port"]) !== 443);
  if (plain < 0) return { verdict: "pass", path: annotationPath(`${AWS_SERVICE}aws-load-balancer-ssl-cert`), actual: certificate ?? "TLS passthrough" };
  return {
    verdict: "fail",
    path: ["spec", "ports", plain, "port"],
    actual: valueAt(list2[plain], ["port"]) ?? null,
    expected: "a TLS listener (aws-load-balancer-ssl-cert) or TLS passthrough on 443",
    message: `port ${scalarText(valueAt(list2[plain], ["port"])) ?? "?"} of the load balancer carries plain TCP/HTTP; expected TLS at the load balancer (service.beta.kubernetes.io/aws-load-balancer-ssl-cert) or TLS passed through on port 443`
  };
}
var serviceLoadBalancerWithoutTls = {
  ...encryption,
  id: "K8S-SERVICE-LB-NO-TLS",
  title: "Load balancer Service exposes a port without TLS",
  severity: "high",
  description: "A `type: LoadBalancer` Service exposes a port that neither terminates TLS at the load balancer (`service.beta.kubernetes.io/aws-load-balancer-ssl-cert`, limited by `aws-load-balancer-ssl-ports`) nor is 443 (taken as TLS passed through to the pod), so traffic on it may cross the network in clear text.",
  remediation: "Attach a certificate with `service.beta.kubernetes.io/aws-load-balancer-ssl-cert` (and `aws-load-balancer-ssl-ports`), or expose only a port on which the pod itself speaks TLS.",
  formats: ["kubernetes"],
  resourceTypes: ["Service"],
  check: checkServiceTls,
  examples: {
    bad: [{ path: "k8s/service.yaml", line: 8, text: loadBalancerService([], 80) }],
    good: [
      {
        path: "k8s/service.yaml",
        text: loadBalancerService([SERVICE_CERTIFICATE, `${AWS_SERVICE}aws-load-balancer-ssl-negotiation-policy: ELBSecurityPolicy-TLS13-1-2-2021-06`], 443)
      }
    ]
  }
};
var AWS_LOAD_BALANCER_RULES = [
  awsLbTlsPolicy,
  albSslRedirectMissing,
  awsLbInternetFacing,
  albInboundCidrsOpen,
  albAccessLogsOff,
  albDropInvalidHeadersOff,
  serviceLoadBalancerWithoutTls
];

// checks/infra/nginx/tls-settings.ts
var PROTOCOL_ORDER = ["SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
var FIRST_MODERN = PROTOCOL_ORDER.indexOf("TLSv1.2");
function protocolList(value) {
  if (Array.isArray(value)) return value.filter((item) => typeof item === "string");
  return typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : [];
}
function protocolRank(protocol) {
  return PROTOCOL_ORDER.findIndex((known) => known.toLowerCase() === protocol.toLowerCase());
}
function legacyProtocolsIn(value) {
  return protocolList(value).filter((protocol) => {
    const rank = protocolRank(protocol);
    return rank >= 0 && rank < FIRST_MODERN;
  });
}
var noLegacyProtocols = {
  expected: "TLSv1.2 and TLSv1.3 only",
  test: (value) => protocolList(value).length > 0 && legacyProtocolsIn(value).length === 0,
  strength: (value) => {
    const ranks = protocolList(value).map(protocolRank).filter((rank) => rank >= 0);
    return ranks.length ? Math.min(...ranks) : void 0;
  }
};
var WEAK_KEYWORDS = {
  NULL: ["NULL"],
  ENULL: ["NULL"],
  COMPLEMENTOFALL: ["NULL"],
  ANULL: ["anon"],
  ADH: ["anon"],
  AECDH: ["anon"],
  EXP: ["EXPORT"],
  EXPORT: ["EXPORT"],
  EXPORT40: ["EXPORT"],
  EXPORT56: ["EXPORT"],
  DES: ["DES"],
  LOW: ["DES"],
  "3DES": ["3DES"],
  MEDIUM: ["3DES", "RC4"],
  RC4: ["RC4"],
  RC2: ["RC2"],
  IDEA: ["IDEA"],
  MD5: ["MD5"],
  // ALL is everything but eNULL: anonymous suites always, RC4, DES and 3DES where OpenSSL still has them.
  ALL: ["anon", "RC4", "DES", "3DES"],
  COMPLEMENTOFDEFAULT: ["anon"]
};
function weaknessesOf(element) {
  const classes = /* @__PURE__ */ new Set();
  for (const part of element.split("+")) {
    const keyword = WEAK_KEYWORDS[part.toUpperCase()];
    if (keyword) keyword.forEach((weakness) => classes.add(weakness));
    const suite = keyword ? void 0 : cipherSuiteByName(part);
    suite?.weak.forEach((weakness) => classes.add(weakness));
    if (suite?.mac === "MD5") classes.add("MD5");
  }
  return [...classes];
}
function weakCiphersIn(cipherString) {
  const selected = /* @__PURE__ */ new Map();
  const banned = /* @__PURE__ */ new Set();
  for (const raw of cipherString.split(/[:,\s]+/).filter(Boolean)) {
    const operator = /^[!+-]/.test(raw) ? raw[0] : "";
    const element = operator ? raw.slice(1) : raw;
    if (element.startsWith("@")) continue;
    const weaknesses = weaknessesOf(element);
    if (operator === "!" && !element.includes("+")) weaknesses.forEach((weakness) => banned.add(weakness));
    if (operator === "!" || operator === "-") {
      for (const [name, classes] of selected) if (name === element || classes.every((weakness) => weaknesses.includes(weakness))) selected.delete(name);
    } else if (operator === "" && weaknesses.length) {
      selected.set(element, weaknesses);
    }
  }
  return [...selected].flatMap(([element, classes]) => {
    const left = classes.filter((weakness) => !banned.has(weakness));
    return left.length ? [`${element} (${left.join(", ")})`] : [];
  });
}
var noWeakCiphers = {
  expected: "no NULL, anonymous, EXPORT, DES, 3DES, RC2, RC4, IDEA or MD5 suites",
  test: (value) => typeof value === "string" && weakCiphersIn(value).length === 0,
  strength: (value) => typeof value === "string" ? -weakCiphersIn(value).length : void 0
};
var HSTS_MIN_MAX_AGE = 31536e3;
var hstsMaxAge = atLeast(HSTS_MIN_MAX_AGE, "seconds of HSTS max-age");

// checks/infra/kubernetes/ingress-rules.ts
var transmission = { family: "kubernetes", safeguard: "transmission-security", citation: CITATIONS.transmissionEncryption };
function hostCovered(host, tlsHosts) {
  return tlsHosts.some((tlsHost) => {
    if (tlsHost === host) return true;
    if (!tlsHost.startsWith("*.")) return false;
    const suffix = tlsHost.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes(".");
  });
}
function listAt(values, path) {
  const value = valueAt(values, path);
  return Array.isArray(value) ? value : [];
}
var GKE_CERTIFICATE_ANNOTATIONS = ["networking.gke.io/managed-certificates", "ingress.gcp.kubernetes.io/pre-shared-cert"];
function checkIngressTls(resource) {
  if (isAlbIngress(resource)) {
    const protocols = albListenProtocols(resource);
    const path = annotationPath("alb.ingress.kubernetes.io/listen-ports");
    if (!(protocols instanceof Set)) return { verdict: "unknown", path, expression: protocols.expression };
    if (protocols.has("HTTPS")) return { verdict: "pass", path, actual: [...protocols] };
    return {
      verdict: "fail",
      path,
      actual: [...protocols],
      expected: "an HTTPS listener",
      message: `the ALB listens on ${[...protocols].join(", ")} only; expected an HTTPS listener (listen-ports with {"HTTPS": 443} and a certificate)`
    };
  }
  const rules = listAt(resource.values, ["spec", "rules"]);
  if (!rules.length) return void 0;
  const gkeCertificate = GKE_CERTIFICATE_ANNOTATIONS.find((key) => annotation(resource, key) !== void 0);
  if (gkeCertificate) return { verdict: "pass", path: annotationPath(gkeCertificate), actual: "every host has TLS" };
  const tls = listAt(resource.values, ["spec", "tls"]);
  const coversAll = tls.some((entry) => !Array.isArray(valueAt(entry, ["hosts"])));
  const tlsHosts = tls.flatMap((entry) => listAt(entry, ["hosts"])).map(String);
  const index = coversAll ? -1 : rules.findIndex((rule) => !hostCovered(scalarText(valueAt(rule, ["host"])) ?? "*", tlsHosts));
  if (index < 0) return { verdict: "pass", path: ["spec", "tls"], actual: "every host has TLS" };
  const host = valueAt(rules[index], ["host"]);
  return {
    verdict: "fail",
    path: host === void 0 ? ["spec", "rules", index] : ["spec", "rules", index, "host"],
    actual: host ?? "(any host)",
    expected: "a spec.tls entry for the host",
    message: `rule host ${host === void 0 ? "(any host)" : describeValue(host)} has no spec.tls entry, so it is served over plain HTTP; expected a TLS entry listing it`
  };
}
var ingressWithoutTls = {
  ...transmission,
  id: "K8S-INGRESS-NO-TLS",
  title: "Ingress host served without TLS",
  severity: "high",
  description: "An Ingress routes a host that no `spec.tls` entry covers, so the controller serves it over plain HTTP (for an AWS Load Balancer Controller Ingress: no HTTPS listener in `listen-ports`; a GKE Ingress with `networking.gke.io/managed-certificates` or `ingress.gcp.kubernetes.io/pre-shared-cert` counts as covered). PHI sent to that host crosses the network unencrypted.",
  remediation: "Add the host to a `spec.tls` entry with a certificate Secret (cert-manager can issue it); on an ALB Ingress set `alb.ingress.kubernetes.io/listen-ports: '[{\"HTTPS\": 443}]'` with a certificate.",
  formats: ["kubernetes"],
  resourceTypes: ["Ingress"],
  check: checkIngressTls,
  examples: {
    bad: [
      { path: "k8s/ingress.yaml", line: 12, text: `${nginxIngress([])}    - host: api.example.org
` },
      {
        path: "k8s/alb.yaml",
        line: 7,
        text: albIngress(["alb.ingress.kubernetes.io/scheme: internal", `alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}]'`])
      }
    ],
    good: [{ path: "k8s/ingress.yaml", text: nginxIngress([]) }]
  }
};
var REDIRECT_STRENGTH = { off: 0, "ssl-redirect": 1, "force-ssl-redirect": 2 };
function judgeRedirect(resource, prefix) {
  const forcePath = prefix ? annotationPath(`${prefix}force-ssl-redirect`) : ["data", "force-ssl-redirect"];
  const redirectPath = prefix ? annotationPath(`${prefix}ssl-redirect`) : ["data", "ssl-redirect"];
  if (isTrue(valueAt(resource.values, forcePath))) return { verdict: "pass", path: forcePath, actual: "force-ssl-redirect" };
  const redirect = valueAt(resource.values, redirectPath);
  if (redirect === void 0 || isTrue(redirect)) return { verdict: "pass", path: redirectPath, actual: "ssl-redirect" };
  return {
    verdict: "fail",
    path: redirectPath,
    actual: "off",
    expected: 'ssl-redirect or force-ssl-redirect "true"',
    message: `ssl-redirect is ${describeValue(redirect)} and force-ssl-redirect is not "true", so plain HTTP requests are served instead of redirected to HTTPS`
  };
}
var ingressSslRedirectOff = {
  ...transmission,
  id: "K8S-INGRESS-SSL-REDIRECT-OFF",
  title: "ingress-nginx HTTPS redirect turned off",
  severity: "high",
  description: 'ingress-nginx redirects plain HTTP to HTTPS for hosts with TLS unless `ssl-redirect` is `"false"` (on the Ingress as `nginx.ingress.kubernetes.io/ssl-redirect`, or for every Ingress in the controller ConfigMap) and `force-ssl-redirect` is not `"true"`. With the redirect off, clients that start on `http://` keep sending PHI in clear text.',
  remediation: 'Remove `ssl-redirect: "false"` (the default is `"true"`), or set `force-ssl-redirect: "true"`.',
  formats: ["kubernetes"],
  resourceTypes: ["Ingress", "ConfigMap"],
  check: (resource) => {
    if (isSpecTlsIngress(resource)) return judgeRedirect(resource, INGRESS_NGINX);
    return isIngressNginxConfigMap(resource) ? judgeRedirect(resource, "") : void 0;
  },
  strength: (value) => REDIRECT_STRENGTH[String(value)],
  examples: {
    bad: [
      { path: "k8s/ingress.yaml", line: 6, text: nginxIngress(['nginx.ingress.kubernetes.io/ssl-redirect: "false"']) },
      { path: "k8s/ingress-nginx-controller.yaml", line: 7, text: controllerConfigMap(['ssl-redirect: "false"']) }
    ],
    good: [{ path: "k8s/ingress.yaml", text: nginxIngress(['nginx.ingress.kubernetes.io/force-ssl-redirect: "true"']) }]
  }
};
var controllerKey = (key, absent) => ({ type: "ConfigMap", format: "kubernetes", path: ["data", key], absent, when: isIngressNginxConfigMap });
var ingressNginxLegacyProtocols = attributeRule({
  ...transmission,
  id: "K8S-INGRESS-NGINX-LEGACY-PROTOCOLS",
  title: "ingress-nginx accepts TLS older than 1.2",
  severity: "high",
  description: "The ingress-nginx controller ConfigMap's `ssl-protocols` lists SSLv2, SSLv3, TLSv1 or TLSv1.1 for every Ingress it serves. These versions are broken (POODLE, BEAST) and forbidden by NIST SP 800-52r2 for sensitive data. Absent, the controller uses `TLSv1.2 TLSv1.3`.",
  remediation: 'Set `ssl-protocols: "TLSv1.2 TLSv1.3"` in the controller ConfigMap, or remove the key.',
  targets: [controllerKey("ssl-protocols", "TLSv1.2 TLSv1.3")],
  expect: noLegacyProtocols,
  examples: {
    bad: [{ path: "k8s/ingress-nginx-controller.yaml", line: 7, text: controllerConfigMap(['ssl-protocols: "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"']) }],
    good: [{ path: "k8s/ingress-nginx-controller.yaml", text: controllerConfigMap(['ssl-protocols: "TLSv1.2 TLSv1.3"']) }]
  }
});
var ingressNginxWeakCiphers = attributeRule({
  ...transmission,
  id: "K8S-INGRESS-NGINX-WEAK-CIPHERS",
  title: "ingress-nginx enables weak cipher suites",
  severity: "high",
  description: "An OpenSSL cipher string in `nginx.ingress.kubernetes.io/ssl-ciphers` (one Ingress) or the controller ConfigMap's `ssl-ciphers` (every Ingress) selects NULL, anonymous, EXPORT, DES, 3DES, RC2, RC4, IDEA or MD5 suites that a `!` element does not exclude again. Such suites give no or breakable encryption. Absent, the controller's default list is strong.",
  remediation: "Remove the key to use the controller default, or list only ECDHE AEAD suites, e.g. `ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384`.",
  targets: [
    { type: "Ingress", format: "kubernetes", path: annotationPath(`${INGRESS_NGINX}ssl-ciphers`), absent: "HIGH:!aNULL:!MD5" },
    controllerKey("ssl-ciphers", "HIGH:!aNULL:!MD5")
  ],
  expect: noWeakCiphers,
  examples: {
    bad: [
      {
        path: "k8s/ingress.yaml",
        line: 6,
        text: nginxIngress(['nginx.ingress.kubernetes.io/ssl-ciphers: "ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA"'])
      }
    ],
    good: [
      {
        path: "k8s/ingress-nginx-controller.yaml",
        text: controllerConfigMap(['ssl-ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:!aNULL:!MD5"'])
      }
    ]
  }
});
var ingressNginxHsts = {
  ...transmission,
  id: "K8S-INGRESS-NGINX-HSTS-WEAK",
  title: "ingress-nginx HSTS turned off or shortened",
  severity: "medium",
  description: 'The ingress-nginx controller ConfigMap sets `hsts: "false"` or an `hsts-max-age` under one year. Without HSTS a browser that once used HTTPS can be downgraded to plain HTTP by anyone on the path. The controller sends HSTS with a one-year max-age by default.',
  remediation: 'Remove `hsts: "false"` and keep `hsts-max-age` at `31536000` or more (`63072000` recommended), with `hsts-include-subdomains: "true"`.',
  formats: ["kubernetes"],
  resourceTypes: ["ConfigMap"],
  strength: hstsMaxAge.strength,
  check: (resource) => {
    if (!isIngressNginxConfigMap(resource)) return void 0;
    const enabled = valueAt(resource.values, ["data", "hsts"]);
    if (enabled !== void 0 && !isTrue(enabled)) return judgeValue(["data", "hsts"], 0, hstsMaxAge, 'HSTS (hsts: "false") max-age');
    return judgeValue(["data", "hsts-max-age"], valueAt(resource.values, ["data", "hsts-max-age"]) ?? HSTS_MIN_MAX_AGE, hstsMaxAge, "hsts-max-age");
  },
  examples: {
    bad: [
      { path: "k8s/ingress-nginx-controller.yaml", line: 7, text: controllerConfigMap(['hsts-max-age: "3600"']) },
      { path: "k8s/ingress-nginx-controller.yaml", line: 7, text: controllerConfigMap(['hsts: "false"']) }
    ],
    good: [{ path: "k8s/ingress-nginx-controller.yaml", text: controllerConfigMap(['hsts-max-age: "63072000"', 'hsts-include-subdomains: "true"']) }]
  }
};
var VERIFY_CLIENT = `${INGRESS_NGINX}auth-tls-verify-client`;
var ingressMtlsWeakened = attributeRule({
  id: "K8S-INGRESS-MTLS-WEAKENED",
  title: "ingress-nginx client-certificate verification weakened",
  family: "kubernetes",
  severity: "high",
  safeguard: "authentication",
  description: "An Ingress that authenticates clients by certificate (`nginx.ingress.kubernetes.io/auth-tls-secret`) sets `auth-tls-verify-client` to `off`, `optional` or `optional_no_ca`: clients without a certificate, or with one no trusted CA signed (`optional_no_ca`), get through. The default with a CA secret is `on`.",
  remediation: 'Set `nginx.ingress.kubernetes.io/auth-tls-verify-client: "on"` (or remove it) so every client must present a certificate signed by the CA in `auth-tls-secret`.',
  targets: [
    {
      type: "Ingress",
      format: "kubernetes",
      path: annotationPath(VERIFY_CLIENT),
      absent: "on",
      when: (resource) => annotation(resource, `${INGRESS_NGINX}auth-tls-secret`) !== void 0 || annotation(resource, VERIFY_CLIENT) !== void 0
    }
  ],
  expect: oneOf(["on"], '"on"', ["off", "optional_no_ca", "optional", "on"]),
  examples: {
    bad: [
      {
        path: "k8s/ingress.yaml",
        line: 7,
        before: nginxIngress(["nginx.ingress.kubernetes.io/auth-tls-secret: prod/partner-ca", 'nginx.ingress.kubernetes.io/auth-tls-verify-client: "on"']),
        text: nginxIngress([
          "nginx.ingress.kubernetes.io/auth-tls-secret: prod/partner-ca",
          "nginx.ingress.kubernetes.io/auth-tls-verify-client: optional_no_ca"
        ])
      }
    ],
    good: [{ path: "k8s/ingress.yaml", text: nginxIngress(["nginx.ingress.kubernetes.io/auth-tls-secret: prod/partner-ca"]) }]
  }
});
var INGRESS_RULES = [
  ingressWithoutTls,
  ingressSslRedirectOff,
  ingressNginxLegacyProtocols,
  ingressNginxWeakCiphers,
  ingressNginxHsts,
  ingressMtlsWeakened
];

// checks/infra/kubernetes/network-policy-rules.ts
function list(value) {
  return Array.isArray(value) ? value : [];
}
function isEmptySelector(selector) {
  const labels = valueAt(selector, ["matchLabels"]);
  const hasLabels = labels !== null && typeof labels === "object" && Object.keys(labels).length > 0;
  return !hasLabels && list(valueAt(selector, ["matchExpressions"])).length === 0;
}
function policyTypes(resource) {
  const declared = valueAt(resource.values, ["spec", "policyTypes"]);
  if (Array.isArray(declared)) return declared.map(String);
  return valueAt(resource.values, ["spec", "egress"]) === void 0 ? ["Ingress"] : ["Ingress", "Egress"];
}
function checkDefaultDeny(resource) {
  if (!isEmptySelector(valueAt(resource.values, ["spec", "podSelector"])) || !policyTypes(resource).includes("Ingress")) return void 0;
  const rules = list(valueAt(resource.values, ["spec", "ingress"]));
  const open = rules.findIndex((rule) => list(valueAt(rule, ["from"])).length === 0);
  if (open < 0) return { verdict: "pass", path: ["spec", "podSelector"], actual: rules.length ? "deny unless a rule names the source" : "deny all ingress" };
  return {
    verdict: "fail",
    path: ["spec", "ingress", open],
    actual: "allow from every source",
    expected: "every ingress rule lists its sources (from)",
    message: `ingress rule ${open + 1} has no "from", so every pod of the namespace accepts traffic from any source; expected a default deny (no ingress rules) or rules that name their sources`
  };
}
var defaultDenyRemoved = {
  id: "K8S-NETPOL-DEFAULT-DENY-REMOVED",
  title: "Namespace default-deny NetworkPolicy removed or opened",
  family: "kubernetes",
  severity: "high",
  safeguard: "access-control",
  description: "A NetworkPolicy that selects every pod of its namespace (`podSelector: {}`) with `policyTypes: [Ingress]` and no ingress rules is the namespace's default deny: only traffic another policy allows gets in. Deleting it (`removed`), or adding an ingress rule without `from`, lets any pod or address reach every workload, including those holding PHI.",
  remediation: "Keep a default-deny policy in each namespace (`podSelector: {}`, `policyTypes: [Ingress]`, no `ingress`) and allow traffic with narrower policies that name their sources.",
  formats: ["kubernetes"],
  resourceTypes: ["NetworkPolicy"],
  check: checkDefaultDeny,
  safeguardTypes: [{ type: "NetworkPolicy" }],
  examples: {
    // Deleting the policy is reported too (`safeguardTypes`), at its lines in the base version, where no ignore comment at head can reach.
    bad: [{ path: "k8s/network-policies.yaml", line: 10, text: `${DEFAULT_DENY}  ingress:
    - {}
` }],
    good: [{ path: "k8s/network-policies.yaml", text: DEFAULT_DENY }]
  }
};
var ALLOW_PARTNERS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-partners
  namespace: phi
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Ingress]
  ingress:
    - from:
        - ipBlock:
            cidr: 203.0.113.0/24
`;
function checkOpenToWorld(resource) {
  const rules = list(valueAt(resource.values, ["spec", "ingress"]));
  if (!rules.length) return void 0;
  for (const [ruleIndex, rule] of rules.entries()) {
    for (const [peerIndex, peer] of list(valueAt(rule, ["from"])).entries()) {
      const cidr = valueAt(peer, ["ipBlock", "cidr"]);
      if (typeof cidr === "string" && isAnywhere(cidr)) {
        return {
          verdict: "fail",
          path: ["spec", "ingress", ruleIndex, "from", peerIndex, "ipBlock", "cidr"],
          actual: cidr,
          expected: "source ranges narrower than 0.0.0.0/0 and ::/0",
          message: `ingress rule ${ruleIndex + 1} admits ipBlock ${cidr}, every address; expected the networks that need access`
        };
      }
    }
  }
  return { verdict: "pass", path: ["spec", "ingress"], actual: "named sources" };
}
var networkPolicyOpenToWorld = {
  id: "K8S-NETPOL-OPEN-TO-WORLD",
  title: "NetworkPolicy opened to every address",
  family: "kubernetes",
  severity: "high",
  safeguard: "access-control",
  description: "An ingress rule of a NetworkPolicy now admits `ipBlock` `0.0.0.0/0` or `::/0`: the selected pods accept connections from any address the cluster network routes to them. Reported only as a change (`weakened`): a policy written open from the start (an ingress controller's, say) is a design decision.",
  remediation: "List the CIDRs that need access in `ipBlock.cidr`, or select peers with `podSelector` / `namespaceSelector`.",
  formats: ["kubernetes"],
  resourceTypes: ["NetworkPolicy"],
  check: checkOpenToWorld,
  strength: (value) => isAnywhere(value) ? 0 : 1,
  onlyChanges: ["weakened", "removed"],
  examples: {
    bad: [{ path: "k8s/allow-partners.yaml", line: 15, before: ALLOW_PARTNERS, text: `${ALLOW_PARTNERS}        - ipBlock:
            cidr: 0.0.0.0/0
` }],
    good: [{ path: "k8s/allow-partners.yaml", text: ALLOW_PARTNERS }]
  }
};
var NETWORK_POLICY_RULES = [defaultDenyRemoved, networkPolicyOpenToWorld];

// checks/infra/kubernetes/rules.ts
var KUBERNETES_RULES = [...INGRESS_RULES, ...AWS_LOAD_BALANCER_RULES, ...NETWORK_POLICY_RULES];

// checks/infra/nginx/example-configs.ts
function tlsServer(directives) {
  return `server {
    listen 443 ssl;
    server_name portal.example.org;
${directives.map((directive) => `    ${directive}
`).join("")}}
`;
}

// checks/infra/nginx/rules.ts
var SERVER = "nginx:server";
var HTTP = "nginx:http";
var STREAM_SERVER = "nginx:stream-server";
var STREAM = "nginx:stream";
var transmission2 = { family: "nginx", safeguard: "transmission-security", citation: CITATIONS.transmissionEncryption };
function server(resource) {
  return resource.values;
}
var servesTls = (resource) => server(resource).ssl !== false;
function unknownUnlessTls(rule) {
  return {
    ...rule,
    check: (resource, context) => {
      const { ssl } = server(resource);
      return verdictList(rule.check(resource, context)).map(
        (verdict) => verdict.verdict === "fail" && isUnresolved(ssl) ? { verdict: "unknown", path: verdict.path, expression: ssl.expression } : verdict
      );
    }
  };
}
function contextTarget(key, type = HTTP) {
  return { type, format: "nginx", path: [key], when: (resource) => resource.values[key] !== void 0 };
}
function tlsTargets(key, absent) {
  return [
    ...[SERVER, STREAM_SERVER].map((type) => ({ type, format: "nginx", path: [key], absent, when: servesTls })),
    contextTarget(key),
    contextTarget(key, STREAM)
  ];
}
function citingOrigin(rule) {
  return {
    ...rule,
    check: (resource, context) => {
      const origins = resource.values.set_in ?? {};
      return verdictList(rule.check(resource, context)).map((verdict) => {
        const origin = verdict.verdict === "fail" ? origins[verdict.path.slice(0, 2).join(".")] ?? origins[String(verdict.path[0])] : void 0;
        return verdict.verdict === "fail" && origin !== void 0 ? { ...verdict, message: `${verdict.message}; ${origin}` } : verdict;
      });
    }
  };
}
var nginxLegacyProtocols = unknownUnlessTls(
  citingOrigin(
    attributeRule({
      ...transmission2,
      id: "NGINX-LEGACY-PROTOCOLS",
      title: "nginx accepts TLS older than 1.2",
      severity: "high",
      description: "The `ssl_protocols` in effect for a TLS server block (its own, or the `http` block's, included files followed; or set in an `http` block whose servers are not in the repository), or for a TLS server of a `stream` block (TCP/UDP proxying), lists SSLv2, SSLv3, TLSv1 or TLSv1.1, which are broken and forbidden by NIST SP 800-52r2 for sensitive data. Without `ssl_protocols` the answer depends on the nginx version (TLSv1 and TLSv1.1 stay on before 1.23.4), so it is reported as unknown.",
      remediation: "Set `ssl_protocols TLSv1.2 TLSv1.3;` in the `http` block or the server block.",
      targets: tlsTargets("ssl_protocols", unresolved("nginx's default ssl_protocols (TLSv1 and TLSv1.1 included before nginx 1.23.4)")),
      expect: noLegacyProtocols,
      examples: {
        bad: [
          {
            path: "nginx/conf.d/portal.conf",
            line: 4,
            text: tlsServer(["ssl_protocols TLSv1 TLSv1.1 TLSv1.2;", "ssl_certificate /etc/nginx/tls/portal.crt;"])
          },
          {
            path: "nginx/nginx.conf",
            line: 2,
            text: `http {
    ssl_protocols SSLv3 TLSv1.2;
    server {
        listen 443 ssl;
        server_name portal.example.org;
    }
}
`
          },
          {
            path: "nginx/stream.conf",
            line: 2,
            text: `stream {
    ssl_protocols TLSv1 TLSv1.2;
    server {
        listen 5432 ssl;
        proxy_pass records-db:5432;
    }
}
`
          }
        ],
        good: [{ path: "nginx/conf.d/portal.conf", text: tlsServer(["ssl_protocols TLSv1.2 TLSv1.3;"]) }]
      }
    })
  )
);
var nginxWeakCiphers = unknownUnlessTls(
  citingOrigin(
    attributeRule({
      ...transmission2,
      id: "NGINX-WEAK-CIPHERS",
      title: "nginx enables weak cipher suites",
      severity: "high",
      description: "The `ssl_ciphers` OpenSSL cipher string in effect for a TLS server block of `http` or `stream` (or set in an `http` or `stream` block whose servers are not in the repository) selects NULL, anonymous, EXPORT, DES, 3DES, RC2, RC4, IDEA or MD5 suites that no `!` element excludes again (`ALL` counts as selecting anonymous, RC4, DES and 3DES suites). Such suites give no or breakable encryption. Without `ssl_ciphers` nginx uses `HIGH:!aNULL:!MD5`.",
      remediation: "Use `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384;`, or remove weak elements and add `!aNULL:!eNULL:!EXPORT:!DES:!3DES:!RC4:!MD5`.",
      targets: tlsTargets("ssl_ciphers", "HIGH:!aNULL:!MD5"),
      expect: noWeakCiphers,
      examples: {
        bad: [{ path: "nginx/conf.d/portal.conf", line: 4, text: tlsServer(['ssl_ciphers "ALL:!aNULL";']) }],
        good: [{ path: "nginx/conf.d/portal.conf", text: tlsServer(["ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:!aNULL:!MD5;"]) }]
      }
    })
  )
);
function checkHttpRedirect(resource) {
  const values = server(resource);
  if (!values.listen.length && isUnresolved(values.ssl)) return { verdict: "unknown", path: ["ssl"], expression: values.ssl.expression };
  const plain = values.listen.length ? values.listen.findIndex((listen) => !listen.ssl && listen.port === 80) : 0;
  if (plain < 0) return void 0;
  if (values.https_redirect) return { verdict: "pass", path: ["https_redirect"], actual: values.https_redirect };
  return {
    verdict: "fail",
    path: values.listen.length ? ["listen", plain] : [],
    actual: null,
    expected: "return 301 https://$host$request_uri",
    message: "the server answers plain HTTP on port 80 without redirecting to https://; expected `return 301 https://$host$request_uri;`"
  };
}
var nginxHttpWithoutRedirect = citingOrigin({
  ...transmission2,
  id: "NGINX-HTTP-NO-HTTPS-REDIRECT",
  title: "nginx serves port 80 without redirecting to HTTPS",
  severity: "high",
  description: "A server block listening on plain port 80 (explicitly, or by having no `listen`) has no `return 301 https://...` or `rewrite ... https://...` at server level, in a server-level `if`, or in `location /`. Requests on `http://` are answered in clear text; removing the redirect is reported as `weakened`.",
  remediation: "Give the port-80 server `return 301 https://$host$request_uri;` (keep a `location /.well-known/acme-challenge/` beside it if certificates are issued over HTTP).",
  formats: ["nginx"],
  resourceTypes: [SERVER],
  check: checkHttpRedirect,
  strength: (value) => typeof value === "string" ? 1 : 0,
  examples: {
    bad: [
      {
        path: "nginx/conf.d/portal.conf",
        line: 2,
        before: `server {
    listen 80;
    server_name portal.example.org;
    return 301 https://$host$request_uri;
}
`,
        text: `server {
    listen 80;
    server_name portal.example.org;
    root /srv/portal;
}
`
      }
    ],
    good: [
      {
        path: "nginx/conf.d/portal.conf",
        text: `server {
    listen 80;
    listen [::]:80;
    server_name portal.example.org;
    location /.well-known/acme-challenge/ {
        root /srv/acme;
    }
    location / {
        return 301 https://$host$request_uri;
    }
}
`
      }
    ]
  }
});
function checkHsts(resource) {
  const values = server(resource);
  const hsts = values.strict_transport_security;
  if (resource.type === HTTP ? hsts === void 0 : !values.ssl) return void 0;
  if (isUnresolved(hsts)) return { verdict: "unknown", path: ["strict_transport_security"], expression: hsts.expression };
  const verdict = judgeValue(["strict_transport_security"], hsts?.maxAge ?? 0, hstsMaxAge, "Strict-Transport-Security max-age");
  const [dropping] = values.hsts_dropped_by ?? [];
  if (verdict.verdict !== "pass" || dropping === void 0) return verdict;
  return judgeValue(["hsts_dropped_by", 0], 0, hstsMaxAge, `Strict-Transport-Security max-age in \`${dropping}\` (its own add_header hides the server's)`);
}
var nginxHstsWeak = unknownUnlessTls(
  citingOrigin({
    ...transmission2,
    id: "NGINX-HSTS-WEAK",
    title: "nginx HSTS header removed or shortened",
    severity: "medium",
    description: "A TLS server block does not send `Strict-Transport-Security` with a max-age of at least one year. nginx inherits `add_header` from the `http` block only when the server block has no `add_header` of its own, so adding any header to a server (or to a `location`) silently drops an inherited HSTS header for its responses; the finding points at that `add_header`. Without HSTS a browser can be downgraded to plain HTTP by anyone on the path.",
    remediation: 'Add `add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;` to every TLS server block and `location` that has its own `add_header` directives (or to the `http` block when none do).',
    formats: ["nginx"],
    resourceTypes: [SERVER, HTTP],
    check: checkHsts,
    strength: hstsMaxAge.strength,
    examples: {
      bad: [
        {
          path: "nginx/nginx.conf",
          line: 6,
          text: `http {
    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    server {
        listen 443 ssl;
        server_name portal.example.org;
        add_header X-Frame-Options DENY;
    }
}
`
        },
        { path: "nginx/conf.d/portal.conf", line: 4, text: tlsServer(['add_header Strict-Transport-Security "max-age=86400" always;']) }
      ],
      good: [
        {
          path: "nginx/conf.d/portal.conf",
          text: tlsServer(['add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;', "add_header X-Frame-Options DENY;"])
        }
      ]
    }
  })
);
var nginxAccessLogOff = citingOrigin(
  attributeRule({
    id: "NGINX-ACCESS-LOG-OFF",
    title: "nginx access log turned off",
    family: "nginx",
    severity: "medium",
    safeguard: "audit-controls",
    description: "The `access_log` in effect for a server block (its own, or the `http` block's, included files followed; or set in an `http` block whose servers are not in the repository) is `off`, so requests to the service leave no record to examine. `access_log off` inside a `location` (health checks, static assets) is not reported.",
    remediation: "Remove `access_log off;` from the server and `http` blocks, or point `access_log` at a file or syslog target that is shipped to your log store.",
    targets: [{ type: SERVER, format: "nginx", path: ["access_log"], absent: "logs/access.log combined" }, contextTarget("access_log")],
    expect: {
      expected: "a log destination (not off)",
      test: (value) => typeof value === "string" && value !== "off",
      strength: (value) => value === "off" ? 0 : 1
    },
    examples: {
      bad: [{ path: "nginx/conf.d/portal.conf", line: 4, text: tlsServer(["access_log off;"]) }],
      good: [
        {
          path: "nginx/conf.d/portal.conf",
          text: tlsServer(["access_log /var/log/nginx/portal.access.log combined;", "location /healthz {", "    access_log off;", "    return 200;", "}"])
        }
      ]
    }
  })
);
function checkProxyProtocols(resource) {
  const proxies = server(resource).proxy_tls;
  if (!proxies?.length) return void 0;
  return proxies.map((proxy, index) => {
    const path = ["proxy_tls", index, "proxy_ssl_protocols"];
    if (isUnresolved(proxy.tls)) return { verdict: "unknown", path, expression: proxy.tls.expression };
    const value = proxy.proxy_ssl_protocols ?? unresolved(`nginx's default proxy_ssl_protocols for \`${proxy.proxy_pass}\` (TLSv1 and TLSv1.1 included before nginx 1.23.4)`);
    return judgeValue(path, value, noLegacyProtocols, `proxy_ssl_protocols in \`${proxy.location}\``);
  });
}
var nginxProxyLegacyProtocols = citingOrigin({
  ...transmission2,
  id: "NGINX-PROXY-LEGACY-PROTOCOLS",
  title: "nginx proxies to a TLS upstream allowing TLS older than 1.2",
  severity: "high",
  description: "A `location` that passes requests on with `proxy_pass https://...` has a `proxy_ssl_protocols` in effect (its own, or the server's or `http` block's: nginx allows it in all three) that lists SSLv2, SSLv3, TLSv1 or TLSv1.1, so the hop from nginx to the upstream, which carries the same PHI, can be downgraded. Without `proxy_ssl_protocols` the answer depends on the nginx version (TLSv1 and TLSv1.1 stay on before 1.23.4), so it is reported as unknown; so is a `proxy_pass` whose scheme is a variable.",
  remediation: "Set `proxy_ssl_protocols TLSv1.2 TLSv1.3;` in the `http` block, the server, or the location.",
  formats: ["nginx"],
  resourceTypes: [SERVER],
  check: checkProxyProtocols,
  strength: noLegacyProtocols.strength,
  examples: {
    bad: [
      {
        path: "nginx/conf.d/portal.conf",
        line: 5,
        text: tlsServer(["location /records/ {", "    proxy_ssl_protocols TLSv1 TLSv1.2;", "    proxy_pass https://records.internal:8443;", "}"])
      }
    ],
    good: [
      {
        path: "nginx/conf.d/portal.conf",
        text: tlsServer([
          "proxy_ssl_protocols TLSv1.2 TLSv1.3;",
          "location /records/ {",
          "    proxy_pass https://records.internal:8443;",
          "}",
          "location /static/ {",
          "    proxy_pass http://assets:8080;",
          "}"
        ])
      }
    ]
  }
});
var NGINX_RULES = [
  nginxLegacyProtocols,
  nginxWeakCiphers,
  nginxHttpWithoutRedirect,
  nginxHstsWeak,
  nginxAccessLogOff,
  nginxProxyLegacyProtocols
];

// checks/infra/rules/aws-access.ts
var WEB_PORTS = [80, 443];
function ingressRules(resource) {
  const values = resource.values;
  const list2 = (value) => Array.isArray(value) ? value : value === void 0 ? [] : [value];
  switch (resource.type) {
    case "aws_security_group":
      return itemsAt(resource, ["ingress"]).map(({ path, value }) => ({
        path,
        cidrs: [...list2(valueAt(value, ["cidr_blocks"])), ...list2(valueAt(value, ["ipv6_cidr_blocks"]))],
        from: valueAt(value, ["from_port"]),
        to: valueAt(value, ["to_port"]),
        protocol: valueAt(value, ["protocol"])
      }));
    case "aws_security_group_rule":
      return [
        {
          path: [],
          direction: values.type,
          cidrs: [...list2(values.cidr_blocks), ...list2(values.ipv6_cidr_blocks)],
          from: values.from_port,
          to: values.to_port,
          protocol: values.protocol
        }
      ];
    case "aws_vpc_security_group_ingress_rule":
      return [
        { path: [], cidrs: [...list2(values.cidr_ipv4), ...list2(values.cidr_ipv6)], from: values.from_port, to: values.to_port, protocol: values.ip_protocol }
      ];
    case "AWS::EC2::SecurityGroup":
      return itemsAt(resource, ["SecurityGroupIngress"]).map(({ path, value }) => cfnIngress(path, value));
    case "AWS::EC2::SecurityGroupIngress":
      return [cfnIngress([], values)];
    default:
      return [];
  }
}
function cfnIngress(path, value) {
  return {
    path,
    cidrs: [valueAt(value, ["CidrIp"]), valueAt(value, ["CidrIpv6"])].filter((cidr) => cidr !== void 0),
    from: valueAt(value, ["FromPort"]),
    to: valueAt(value, ["ToPort"]),
    protocol: valueAt(value, ["IpProtocol"])
  };
}
function nonWebPorts(rule) {
  if (rule.protocol === "-1" || rule.protocol === -1 || rule.protocol === "all") return "all ports";
  const from = Number(rule.from);
  const to = Number(rule.to ?? rule.from);
  if (Number.isNaN(from) || Number.isNaN(to)) return `ports ${String(rule.from)}-${String(rule.to)}`;
  const open = [];
  for (let port = from; port <= to && open.length <= WEB_PORTS.length; port++) if (!WEB_PORTS.includes(port)) open.push(port);
  if (!open.length) return void 0;
  return from === to ? `port ${from}` : `ports ${from}-${to}`;
}
function judgeIngress(rule) {
  if (rule.direction !== void 0) {
    const ingress2 = decideValue(rule.direction, [...rule.path, "type"], (direction) => direction === "ingress");
    if (isUndecided(ingress2)) return undecidedVerdict(ingress2);
    if (!ingress2) return void 0;
  }
  const open = [];
  let pending;
  for (const cidr of rule.cidrs) {
    const anywhere = decideValue(cidr, rule.path, isAnywhere);
    if (isUndecided(anywhere)) pending ??= undecidedVerdict(anywhere);
    else if (anywhere) open.push(typeof cidr === "string" ? cidr : cidr.expression);
  }
  if (!open.length) return pending;
  const unresolvedPort = [rule.protocol, rule.from, rule.to].find(isUnresolved);
  if (unresolvedPort && isUnresolved(unresolvedPort)) return { verdict: "unknown", path: rule.path, expression: unresolvedPort.expression };
  const ports = nonWebPorts(rule);
  if (!ports) return pending;
  return {
    verdict: "fail",
    path: rule.path,
    actual: `${ports} from ${open.join(", ")}`,
    expected: "only ports 80 and 443 open to the internet",
    message: `ingress opens ${ports} to ${open.join(" and ")}; expected only 80/443 from anywhere, other ports from known ranges`
  };
}
function checkOpenIngress(resource) {
  const rules = ingressRules(resource);
  if (!rules.length) return void 0;
  const verdicts = rules.map(judgeIngress).filter((verdict) => verdict !== void 0);
  if (!verdicts.length && rules.every((rule) => rule.direction !== void 0 && rule.direction !== "ingress" && !isUnresolved(rule.direction)))
    return void 0;
  return verdicts.length ? verdicts : [{ verdict: "pass", path: [], actual: "no non-web port open to the internet" }];
}
var securityGroupOpen = {
  id: "IAC-SG-OPEN-INGRESS",
  title: "Security group opens a non-web port to the internet",
  family: "terraform",
  severity: "high",
  safeguard: "access-control",
  description: "An ingress rule admitting every address (`0.0.0.0/0`, `::/0` or any other spelling with prefix length 0) on any port other than 80/443 (SSH, RDP, database ports\u2026) exposes systems holding PHI to the whole internet. Every such rule of a security group is its own finding.",
  remediation: "Restrict the source to known CIDRs or security groups, or reach the host through a bastion, SSM Session Manager or a VPN.",
  formats: ["terraform", "cloudformation"],
  resourceTypes: [
    "aws_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::SecurityGroupIngress"
  ],
  check: checkOpenIngress,
  examples: {
    bad: [
      {
        path: "network.tf",
        line: 3,
        text: `resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`
      },
      {
        path: "network.yaml",
        line: 6,
        text: `Resources:
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIpv6: ::/0
`
      }
    ],
    good: [
      {
        path: "network.tf",
        text: `resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
`
      }
    ]
  }
};
var publicDatabase = attributeRule({
  id: "IAC-DB-PUBLIC",
  title: "Database is publicly accessible",
  family: "terraform",
  severity: "critical",
  safeguard: "access-control",
  description: "`publicly_accessible = true` gives the database a public address: its login prompt is one security-group rule away from the internet.",
  remediation: "Set `publicly_accessible = false` and reach the database from inside the VPC.",
  targets: [
    tf("aws_db_instance", ["publicly_accessible"], { absent: false }),
    // Instances of an Aurora cluster: IAC-RDS-CLUSTER-INSTANCE-PUBLIC.
    cfn("AWS::RDS::DBInstance", ["PubliclyAccessible"], { absent: false, when: (resource) => invert(decidePresent(resource, ["DBClusterIdentifier"])) })
  ],
  expect: mustBeFalse,
  examples: {
    bad: [{ path: "db.tf", line: 3, text: `resource "aws_db_instance" "phi" {
  engine              = "postgres"
  publicly_accessible = true
}
` }],
    good: [{ path: "db.tf", text: `resource "aws_db_instance" "phi" {
  engine              = "postgres"
  publicly_accessible = false
}
` }]
  }
});
function invert(applies) {
  return isUndecided(applies) ? applies : !applies;
}
var BLOCK_FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];
var CFN_BLOCK_FLAGS = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];
var s3PublicAccessBlock = {
  id: "IAC-S3-PUBLIC-ACCESS-BLOCK",
  title: "S3 public access block removed or relaxed",
  family: "terraform",
  severity: "high",
  safeguard: "access-control",
  description: "The public access block is what keeps a stray ACL or bucket policy from publishing PHI. Removing `aws_s3_bucket_public_access_block` is `removed`; turning a flag off is `weakened`; each flag off is its own finding. In a CloudFormation `PublicAccessBlockConfiguration` an omitted flag is false, as in Terraform. A bucket without a block is reported too (Terraform: an `aws_s3_bucket` that no `aws_s3_bucket_public_access_block` of its module instance names, by reference or by bucket name, and no `aws_s3_account_public_access_block` there covers; unknown when a block's `bucket` cannot be resolved; CloudFormation: an `AWS::S3::Bucket` without `PublicAccessBlockConfiguration`): S3 blocks public access by default only on buckets created since April 2023, an account can turn that default off, and with the property absent CloudFormation neither sets the flags on an existing bucket nor notices when they are switched off, so the code does not show the safeguard a HIPAA reviewer asks for. Deleting a block while its bucket stays is `removed`; deleting the bucket is no finding (nothing is left to protect).",
  remediation: "Give every bucket an `aws_s3_bucket_public_access_block` (CloudFormation: `PublicAccessBlockConfiguration`) in the same module and keep all four flags (`block_public_acls`, `block_public_policy`, `ignore_public_acls`, `restrict_public_buckets`) true.",
  formats: ["terraform", "cloudformation"],
  resourceTypes: ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block", "aws_s3_bucket", "AWS::S3::Bucket"],
  // Deleting a block is `removed`; deleting the bucket leaves nothing to block.
  safeguardTypes: [{ type: "aws_s3_bucket_public_access_block", protects: ["bucket"] }, { type: "aws_s3_account_public_access_block" }],
  check: (resource, context) => {
    if (resource.type === "aws_s3_bucket") return bucketHasBlock(resource, context);
    const terraform = resource.format === "terraform";
    const prefix = terraform ? [] : ["PublicAccessBlockConfiguration"];
    if (!terraform && valueAt(resource.values, prefix) === void 0) {
      return {
        verdict: "fail",
        path: [],
        actual: null,
        expected: "all four flags true",
        message: `PublicAccessBlockConfiguration is not set, which leaves ${CFN_BLOCK_FLAGS.join(", ")} to S3's default for new buckets and to the account; expected all four true`
      };
    }
    return allOf(
      resource,
      (terraform ? BLOCK_FLAGS : CFN_BLOCK_FLAGS).map((flag) => ({ path: [...prefix, flag], absent: false, expect: mustBeTrue }))
    );
  },
  examples: {
    bad: [
      {
        path: "storage.tf",
        line: 4,
        text: `resource "aws_s3_bucket_public_access_block" "phi" {
  bucket                  = aws_s3_bucket.phi.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`
      },
      { path: "storage.yaml", line: 2, text: `Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: phi-records
` },
      { path: "bucket.tf", line: 1, text: `resource "aws_s3_bucket" "phi" {
  bucket = "phi-records"
}
` }
    ],
    good: [
      {
        path: "bucket.tf",
        text: `resource "aws_s3_bucket" "phi" {
  bucket = "phi-records"
}

resource "aws_s3_bucket_public_access_block" "phi" {
  bucket                  = aws_s3_bucket.phi.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`
      },
      {
        path: "storage.tf",
        text: `resource "aws_s3_bucket_public_access_block" "phi" {
  bucket                  = aws_s3_bucket.phi.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`
      },
      {
        path: "storage.yaml",
        text: `Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`
      }
    ]
  }
};
function bucketHasBlock(bucket2, context) {
  const companion = companionOf(bucket2, context, ["aws_s3_bucket_public_access_block"], ["bucket"], ["bucket"]);
  const account = context.resources.find((resource) => resource.format === "terraform" && resource.type === "aws_s3_account_public_access_block");
  const provider = companion && "found" in companion ? companion.found : account;
  if (provider) return { verdict: "pass", path: [], actual: provider.address, providedBy: provider.address };
  if (companion && "unknown" in companion)
    return { verdict: "unknown", path: [], expression: companion.expression, reason: `the bucket of ${companion.unknown.address}` };
  return {
    verdict: "fail",
    path: [],
    actual: null,
    expected: "an aws_s3_bucket_public_access_block with all four flags true",
    message: `no aws_s3_bucket_public_access_block in this module refers to the bucket, which leaves ${BLOCK_FLAGS.join(", ")} to S3's default for new buckets and to the account; expected one with all four true`
  };
}
var asList = (value) => Array.isArray(value) ? value : [value];
function statements(document) {
  let parsed = document;
  if (typeof document === "string") {
    try {
      parsed = JSON.parse(document);
    } catch {
      return void 0;
    }
  }
  const statement = valueAt(parsed, ["Statement"]);
  return statement === void 0 ? void 0 : asList(statement);
}
function isAdminStatement(statement) {
  return valueAt(statement, ["Effect"]) === "Allow" && asList(valueAt(statement, ["Action"])).some((action) => action === "*" || action === "*:*") && asList(valueAt(statement, ["Resource"])).includes("*");
}
function unresolvedAdminPart(statement) {
  const effect = valueAt(statement, ["Effect"]);
  const actions = asList(valueAt(statement, ["Action"]));
  const resources = asList(valueAt(statement, ["Resource"]));
  const parts = [effect, ...actions, ...resources];
  const pending = parts.find(isUnresolved);
  if (!pending || !isUnresolved(pending)) return void 0;
  const couldAllow = effect === "Allow" || isUnresolved(effect);
  const couldBeAll = actions.some((action) => action === "*" || action === "*:*" || isUnresolved(action));
  const couldBeAnywhere = resources.some((resource) => resource === "*" || isUnresolved(resource));
  return couldAllow && couldBeAll && couldBeAnywhere ? pending.expression : void 0;
}
var POLICY_PATHS = {
  aws_iam_policy: [["policy"]],
  aws_iam_role_policy: [["policy"]],
  aws_iam_user_policy: [["policy"]],
  aws_iam_group_policy: [["policy"]],
  "AWS::IAM::Policy": [["PolicyDocument"]],
  "AWS::IAM::ManagedPolicy": [["PolicyDocument"]]
};
function checkAdminPolicy(resource) {
  const paths = POLICY_PATHS[resource.type] ?? itemsAt(resource, ["Policies"]).map(({ path }) => [...path, "PolicyDocument"]);
  let verdict;
  for (const path of paths) {
    const document = valueAt(resource.values, path);
    if (isUnresolved(document)) return { verdict: "unknown", path, expression: document.expression };
    const list2 = statements(document);
    const index = list2?.findIndex(isAdminStatement) ?? -1;
    if (index >= 0) {
      return {
        verdict: "fail",
        path,
        actual: "Allow * on *",
        expected: "least-privilege actions and resources",
        message: 'policy allows every action on every resource ("*:*"); expected named actions on named resources'
      };
    }
    const expression = list2?.map(unresolvedAdminPart).find((part) => part !== void 0);
    if (expression !== void 0) return { verdict: "unknown", path, expression };
    verdict = { verdict: "pass", path, actual: "no Allow * on *" };
  }
  return verdict;
}
var iamAdminPolicy = {
  id: "IAC-IAM-ADMIN",
  title: "IAM policy grants `*:*`",
  family: "terraform",
  severity: "high",
  safeguard: "access-control",
  description: "A statement allowing every action on every resource gives its holder full control of the account and all PHI in it, defeating least privilege and unique user identification.",
  remediation: "List the actions and resources the principal needs; use AWS managed job-function policies as a starting point.",
  formats: ["terraform", "cloudformation"],
  resourceTypes: [...Object.keys(POLICY_PATHS), "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"],
  check: checkAdminPolicy,
  examples: {
    bad: [
      {
        path: "iam.tf",
        line: 3,
        text: `resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
`
      }
    ],
    good: [
      {
        path: "iam.tf",
        text: `resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::phi-records/*" }]
  })
}
`
      }
    ]
  }
};
var ACCESS_RULES = [securityGroupOpen, publicDatabase, s3PublicAccessBlock, iamAdminPolicy];
var BUCKET_POLICIES = {
  terraform: { referrer: "aws_s3_bucket_policy", bucketPath: "bucket", documentPath: "policy" },
  cloudformation: { referrer: "AWS::S3::BucketPolicy", bucketPath: "Bucket", documentPath: "PolicyDocument" }
};
function bucketPolicies(bucket2, context) {
  const shape = BUCKET_POLICIES[bucket2.format];
  if (!shape) return [];
  const inline = bucket2.format === "terraform" && valueAt(bucket2.values, ["policy"]) !== void 0 ? [{ policy: bucket2, document: valueAt(bucket2.values, ["policy"]) }] : [];
  return [
    ...inline,
    ...referencing(bucket2, context, [shape.referrer], [shape.bucketPath]).map((policy) => ({ policy, document: valueAt(policy.values, [shape.documentPath]) }))
  ];
}
function deniesPlainHttp(statement) {
  if (valueAt(statement, ["Effect"]) !== "Deny") return false;
  const secure = asList(valueAt(statement, ["Condition", "Bool", "aws:SecureTransport"]));
  const version = asList(valueAt(statement, ["Condition", "NumericLessThan", "s3:TlsVersion"]));
  return secure.some((value) => value === false || value === "false") || version.some((value) => Number(value) >= 1.2);
}
function checkTlsOnlyPolicy(resource, context) {
  const policies = bucketPolicies(resource, context);
  for (const { policy, document } of policies) {
    if (isUnresolved(document)) return { verdict: "unknown", path: [], expression: `${policy.address}: ${document.expression}` };
    if (statements(document)?.some(deniesPlainHttp)) return { verdict: "pass", path: [], actual: policy.address, providedBy: policy.address };
  }
  for (const { policy, document } of policies) {
    const pending = statements(document)?.find((statement) => containsUnknown(statement) && valueAt(statement, ["Effect"]) !== "Allow");
    if (pending) return { verdict: "unknown", path: [], expression: `${policy.address}: ${firstUnknown(pending).expression}` };
  }
  const what = policies.length ? `the bucket policy (${policies.map(({ policy }) => policy.address).join(", ")}) does not deny` : "no bucket policy denies";
  return {
    verdict: "fail",
    path: [],
    actual: null,
    expected: "a Deny of requests where aws:SecureTransport is false",
    message: `${what} requests made without TLS; expected a statement denying s3:* when "aws:SecureTransport" is "false"`
  };
}
var TLS_POLICY = `{
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyPlainHttp"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  }`;
var s3TlsOnlyPolicy = {
  id: "IAC-S3-TLS-ONLY-POLICY",
  title: "S3 bucket accepts requests without TLS",
  ...IN_TRANSIT,
  description: "S3 answers plain-HTTP requests unless the bucket policy denies them: only a statement that denies requests where `aws:SecureTransport` is `false` (or `s3:TlsVersion` is below 1.2) keeps PHI from crossing the network unencrypted. The policy is looked up among the `aws_s3_bucket_policy` (CloudFormation `AWS::S3::BucketPolicy`) resources of the same module or template; deleting it is `removed`.",
  remediation: 'Add a bucket policy statement `{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = [bucket ARN, "bucket ARN/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }`.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: ["aws_s3_bucket", "AWS::S3::Bucket"],
  check: checkTlsOnlyPolicy,
  examples: {
    bad: [
      { path: "storage.tf", line: 1, text: `resource "aws_s3_bucket" "phi" {
  bucket = "phi-records"
}
` },
      { path: "storage.yaml", line: 2, text: `Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: phi-records
` }
    ],
    good: [
      {
        path: "storage.tf",
        text: `resource "aws_s3_bucket" "phi" {
  bucket = "phi-records"
}

resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode(${TLS_POLICY})
}
`
      },
      {
        path: "storage.yaml",
        text: `Resources:
  Records:
    Type: AWS::S3::Bucket
  RecordsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Records
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Resource: !Sub "arn:aws:s3:::\${Records}/*"
            Condition:
              Bool:
                aws:SecureTransport: false
`
      }
    ]
  }
};
var PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read", "PublicRead", "PublicReadWrite", "AuthenticatedRead"];
function matchesAnything(value) {
  if (typeof value !== "string") return false;
  const fields = value.split(":");
  return fields[0] === "arn" ? fields.length > 4 && fields.slice(4).every((field) => /^\*?$/.test(field)) && fields.slice(4).some((field) => field === "*") : value === "*";
}
function conditionNarrows(condition) {
  if (condition === null || typeof condition !== "object" || isUnresolved(condition)) return true;
  const values = Object.values(condition).flatMap(
    (keys) => keys !== null && typeof keys === "object" && !isUnresolved(keys) ? Object.values(keys).flatMap(asList) : [keys]
  );
  return !values.length || !values.every(matchesAnything);
}
function allowsEveryone(statement) {
  const principal = valueAt(statement, ["Principal"]);
  const everyone = principal === "*" || asList(valueAt(principal, ["AWS"])).includes("*");
  const condition = valueAt(statement, ["Condition"]);
  return valueAt(statement, ["Effect"]) === "Allow" && everyone && (condition === void 0 || !conditionNarrows(condition));
}
function mayAllowEveryone(statement) {
  if (isUnresolved(statement)) return true;
  if (!containsUnknown(statement)) return false;
  const effect = valueAt(statement, ["Effect"]);
  const principal = valueAt(statement, ["Principal"]);
  const couldBeEveryone = principal === "*" || containsUnknown(principal) || asList(valueAt(principal, ["AWS"])).includes("*");
  const condition = valueAt(statement, ["Condition"]);
  const couldBeUnnarrowed = condition === void 0 || containsUnknown(condition) || !conditionNarrows(condition);
  return (effect === "Allow" || isUnresolved(effect)) && couldBeEveryone && couldBeUnnarrowed;
}
var ACL_PATHS = { aws_s3_bucket: ["acl"], aws_s3_bucket_acl: ["acl"], "AWS::S3::Bucket": ["AccessControl"] };
var POLICY_DOCUMENTS = {
  aws_s3_bucket_policy: ["policy"],
  "AWS::S3::BucketPolicy": ["PolicyDocument"],
  aws_s3_bucket: ["policy"]
};
var PUBLIC_GRANTEES = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;
function publicGrants(resource) {
  return itemsAt(resource, ["access_control_policy", 0, "grant"]).flatMap(({ path, value }) => {
    const uriPath = [...path, "grantee", 0, "uri"];
    const uri = valueAt(value, ["grantee", 0, "uri"]);
    if (isUnresolved(uri)) return [{ verdict: "unknown", path: uriPath, expression: uri.expression }];
    if (typeof uri !== "string" || !PUBLIC_GRANTEES.test(uri)) return [];
    return [
      {
        verdict: "fail",
        path: uriPath,
        actual: uri,
        expected: "grants to named accounts only",
        message: `the ACL grants ${describeValue(valueAt(value, ["permission"]))} to ${uri}; expected grants to named accounts only`
      }
    ];
  });
}
function checkPublicBucket(resource) {
  const verdicts = resource.type === "aws_s3_bucket_acl" ? publicGrants(resource) : [];
  const aclPath = ACL_PATHS[resource.type];
  if (aclPath) {
    verdicts.push(
      judgeAttribute(resource, aclPath, "private", {
        expected: "a private ACL",
        test: (acl) => !PUBLIC_ACLS.includes(String(acl)),
        strength: (acl) => PUBLIC_ACLS.includes(String(acl)) ? 0 : 1
      })
    );
  }
  const documentPath = POLICY_DOCUMENTS[resource.type];
  const document = documentPath ? valueAt(resource.values, documentPath) : void 0;
  if (documentPath && document !== void 0) {
    if (isUnresolved(document)) verdicts.push({ verdict: "unknown", path: documentPath, expression: document.expression });
    else if (statements(document)?.some(allowsEveryone)) {
      verdicts.push({
        verdict: "fail",
        path: documentPath,
        actual: 'Allow to Principal "*"',
        expected: "no unconditional Allow to everyone",
        message: 'the bucket policy allows every principal ("*") without a condition that narrows it; expected named principals'
      });
    } else if (statements(document)?.some(mayAllowEveryone)) {
      const pending = statements(document).find(mayAllowEveryone);
      const cause = ["Effect", "Principal", "Condition"].map((key) => firstUnknown(valueAt(pending, [key]))).find((found) => found !== void 0) ?? firstUnknown(pending);
      verdicts.push({ verdict: "unknown", path: documentPath, expression: cause.expression });
    } else verdicts.push({ verdict: "pass", path: documentPath, actual: "no Allow to everyone" });
  }
  if (!verdicts.length) return void 0;
  const failing = verdicts.filter((verdict) => verdict.verdict !== "pass");
  return failing.length ? failing : verdicts.slice(-1);
}
var s3PublicBucket = {
  id: "IAC-S3-PUBLIC",
  title: "S3 bucket made public by ACL or policy",
  family: "terraform",
  severity: "critical",
  safeguard: "access-control",
  description: 'A canned ACL `public-read`, `public-read-write` or `authenticated-read` (CloudFormation `PublicRead`, `PublicReadWrite`, `AuthenticatedRead`), a grant to the `AllUsers` or `AuthenticatedUsers` group (any permission, `READ` included: it lists the bucket to anyone), or a bucket policy that allows every principal (`"*"`) without a condition that narrows it (a condition whose values are only wildcards, such as `aws:PrincipalArn` = `arn:aws:iam::*`, narrows nothing), lets anyone on the internet (or any AWS account) read or write objects that may be PHI.',
  remediation: 'Use `acl = "private"` (or no ACL with object ownership `BucketOwnerEnforced`), name the principals in bucket policies, and keep the public access block on.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_acl", "aws_s3_bucket_policy", "AWS::S3::Bucket", "AWS::S3::BucketPolicy"],
  check: checkPublicBucket,
  examples: {
    bad: [
      { path: "storage.tf", line: 3, text: `resource "aws_s3_bucket_acl" "phi" {
  bucket = aws_s3_bucket.phi.id
  acl    = "public-read"
}
` },
      { path: "storage.yaml", line: 5, text: `Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
` },
      {
        path: "policy.tf",
        line: 3,
        text: `resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.phi.arn}/*" }]
  })
}
`
      },
      {
        path: "policy.tf",
        line: 3,
        text: `resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "\${aws_s3_bucket.phi.arn}/*", Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::*" } } }]
  })
}
`
      }
    ],
    good: [
      { path: "storage.tf", text: `resource "aws_s3_bucket_acl" "phi" {
  bucket = aws_s3_bucket.phi.id
  acl    = "private"
}
` },
      { path: "storage.yaml", text: `Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: Private
` },
      {
        path: "policy.tf",
        text: `resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "\${aws_s3_bucket.phi.arn}/*", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } } }]
  })
}
`
      }
    ]
  }
};
var rdsClusterInstancePublic = attributeRule({
  id: "IAC-RDS-CLUSTER-INSTANCE-PUBLIC",
  title: "Aurora cluster instance is publicly accessible",
  family: "terraform",
  severity: "critical",
  safeguard: "access-control",
  description: "An instance of an Aurora cluster (`aws_rds_cluster_instance`, or a CloudFormation `AWS::RDS::DBInstance` with `DBClusterIdentifier`) with `publicly_accessible = true` gets a public address: the cluster's data is one security-group rule away from the internet.",
  remediation: "Set `publicly_accessible = false` (CloudFormation `PubliclyAccessible: false`) and reach the cluster from inside the VPC.",
  targets: [
    tf("aws_rds_cluster_instance", ["publicly_accessible"], { absent: false }),
    cfn("AWS::RDS::DBInstance", ["PubliclyAccessible"], { absent: false, when: (resource) => decidePresent(resource, ["DBClusterIdentifier"]) })
  ],
  expect: mustBeFalse,
  examples: {
    bad: [
      {
        path: "db.tf",
        line: 4,
        text: `resource "aws_rds_cluster_instance" "phi" {
  cluster_identifier  = aws_rds_cluster.phi.id
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}
`
      },
      {
        path: "db.yaml",
        line: 7,
        text: `Resources:
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      DBInstanceClass: db.r6g.large
      PubliclyAccessible: true
`
      }
    ],
    good: [
      {
        path: "db.tf",
        text: `resource "aws_rds_cluster_instance" "phi" {
  cluster_identifier  = aws_rds_cluster.phi.id
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}
`
      }
    ]
  }
});
var S3_ACCESS_RULES = [s3TlsOnlyPolicy, s3PublicBucket, rdsClusterInstancePublic];

// checks/infra/rules/aws-audit.ts
var TRAIL = "aws_cloudtrail";
var CFN_TRAIL = "AWS::CloudTrail::Trail";
var trailExample = (body, line) => ({
  path: "audit.tf",
  text: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "audit-logs"
${body}}
`,
  ...line ? { line } : {}
});
var cloudTrailLogging = attributeRule({
  id: "IAC-CLOUDTRAIL-LOGGING",
  title: "CloudTrail trail removed or logging stopped",
  family: "terraform",
  severity: "critical",
  safeguard: "audit-controls",
  description: "CloudTrail records who did what to the AWS account. Deleting a trail (`removed`) or setting `enable_logging = false` (`weakened`) erases the record of activity in systems holding PHI.",
  remediation: "Keep the trail and `enable_logging = true`.",
  targets: [tf(TRAIL, ["enable_logging"], { absent: true }), cfn(CFN_TRAIL, ["IsLogging"])],
  expect: mustBeTrue,
  safeguardTypes: [{ type: TRAIL }, { type: CFN_TRAIL }],
  examples: { bad: [trailExample("  enable_logging = false\n", 4)], good: [trailExample("  enable_logging = true\n")] }
});
var cloudTrailLogValidation = attributeRule({
  id: "IAC-CLOUDTRAIL-LOG-VALIDATION",
  title: "CloudTrail log file validation is off",
  family: "terraform",
  severity: "medium",
  safeguard: "integrity",
  description: "Log file validation signs a digest of every delivered log file, so tampering with the audit trail can be detected.",
  remediation: "Set `enable_log_file_validation = true` and check digests with `aws cloudtrail validate-logs`.",
  targets: [tf(TRAIL, ["enable_log_file_validation"], { absent: false }), cfn(CFN_TRAIL, ["EnableLogFileValidation"], { absent: false })],
  expect: mustBeTrue,
  examples: { bad: [trailExample("  enable_log_file_validation = false\n", 4)], good: [trailExample("  enable_log_file_validation = true\n")] }
});
var cloudTrailMultiRegion = attributeRule({
  id: "IAC-CLOUDTRAIL-MULTI-REGION",
  title: "CloudTrail trail covers one region only",
  family: "terraform",
  severity: "medium",
  safeguard: "audit-controls",
  description: "A single-region trail misses activity in every other region, where resources holding PHI can be created unnoticed.",
  remediation: "Set `is_multi_region_trail = true` (or use an organization trail covering every region).",
  targets: [tf(TRAIL, ["is_multi_region_trail"], { absent: false }), cfn(CFN_TRAIL, ["IsMultiRegionTrail"], { absent: false })],
  expect: mustBeTrue,
  examples: { bad: [trailExample("  is_multi_region_trail = false\n", 4)], good: [trailExample("  is_multi_region_trail = true\n")] }
});
var vpcFlowLogCheck = referencedBy(
  { terraform: [{ type: "aws_flow_log", path: "vpc_id" }], cloudformation: [{ type: "AWS::EC2::FlowLog", path: "ResourceId" }] },
  "VPC flow log"
);
var vpcFlowLogs = {
  id: "IAC-VPC-FLOW-LOGS",
  title: "VPC has no flow log",
  family: "terraform",
  severity: "medium",
  safeguard: "audit-controls",
  description: "Flow logs record the network connections into and out of a VPC. Removing the `aws_flow_log` of a VPC that stays is reported on the VPC as `removed`; deleting the VPC with it is no finding.",
  remediation: 'Add an `aws_flow_log` with `vpc_id` set to the VPC and `traffic_type = "ALL"`.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: ["aws_vpc", "AWS::EC2::VPC"],
  check: vpcFlowLogCheck,
  examples: {
    bad: [{ path: "network.tf", line: 1, text: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
` }],
    good: [
      {
        path: "network.tf",
        text: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_s3_bucket.flow_logs.arn
}
`
      }
    ]
  }
};
function isLogTarget(resource, context) {
  if (resource.format === "cloudformation") {
    return valueAt(resource.values, ["AccessControl"]) === "LogDeliveryWrite" || referencing(resource, context, ["AWS::S3::Bucket"], ["LoggingConfiguration", "DestinationBucketName"]).some((other) => other !== resource);
  }
  const name = valueAt(resource.values, ["bucket"]);
  const namedTarget = (other, path) => typeof name === "string" && valueAt(other.values, path) === name;
  return valueAt(resource.values, ["acl"]) === "log-delivery-write" || referencing(resource, context, ["aws_s3_bucket_acl"], ["bucket"]).some((acl) => valueAt(acl.values, ["acl"]) === "log-delivery-write") || referencing(resource, context, ["aws_s3_bucket_logging"], ["target_bucket"]).length > 0 || referencing(resource, context, ["aws_s3_bucket"], ["logging", 0, "target_bucket"]).some((other) => other !== resource) || context.resources.some(
    (other) => other.type === "aws_s3_bucket_logging" && namedTarget(other, ["target_bucket"]) || other.type === "aws_s3_bucket" && other !== resource && namedTarget(other, ["logging", 0, "target_bucket"])
  );
}
var s3LoggingResource = referencedBy({ terraform: [{ type: "aws_s3_bucket_logging", path: "bucket" }] }, "aws_s3_bucket_logging");
var s3AccessLogging = {
  id: "IAC-S3-ACCESS-LOGGING",
  title: "S3 bucket access logging is off",
  family: "terraform",
  severity: "low",
  safeguard: "audit-controls",
  description: "Server access logs record every request made to a bucket that may hold PHI. Terraform configures them with `aws_s3_bucket_logging` (or the older inline `logging` block); CloudFormation with `LoggingConfiguration`. A bucket that receives access logs (a logging target, or granted `log-delivery-write`) is not judged.",
  remediation: "Add an `aws_s3_bucket_logging` for the bucket with a `target_bucket` for the logs.",
  formats: ["terraform", "cloudformation"],
  resourceTypes: ["aws_s3_bucket", "AWS::S3::Bucket"],
  check: (resource, context) => {
    const path = [resource.format === "terraform" ? "logging" : "LoggingConfiguration"];
    const inline = valueAt(resource.values, path);
    if (isUnresolved(inline)) {
      const separate = resource.format === "terraform" ? s3LoggingResource(resource, context) : void 0;
      if (separate?.verdict === "pass") return separate;
      if (isLogTarget(resource, context)) return void 0;
      return { verdict: "unknown", path, expression: inline.expression };
    }
    if (inline !== void 0 && inline !== null && !(Array.isArray(inline) && inline.length === 0)) return { verdict: "pass", path, actual: true };
    if (isLogTarget(resource, context)) return void 0;
    if (resource.format === "cloudformation") {
      return {
        verdict: "fail",
        path: [],
        actual: null,
        expected: "LoggingConfiguration",
        message: "LoggingConfiguration is not set; expected access logs to a log bucket"
      };
    }
    return s3LoggingResource(resource, context);
  },
  examples: {
    bad: [{ path: "storage.tf", line: 1, text: `resource "aws_s3_bucket" "phi" {
  bucket = "phi-records"
}
` }],
    good: [
      {
        path: "storage.tf",
        text: `resource "aws_s3_bucket" "phi" {
  bucket = "phi-records"
}

resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = "access-logs"
  target_prefix = "phi/"
}
`
      }
    ]
  }
};
var retention = {
  expected: "at least 365 days, or 0 (never expire)",
  test: (value) => value === 0 || typeof value === "number" && value >= 365,
  strength: (value) => value === 0 ? Number.POSITIVE_INFINITY : typeof value === "number" ? value : void 0
};
var logRetentionLowered = attributeRule({
  id: "IAC-LOG-RETENTION-LOWERED",
  title: "CloudWatch log retention lowered",
  family: "terraform",
  severity: "medium",
  safeguard: "audit-controls",
  description: "A log group's retention decides how long audit evidence survives. Reported only when a change lowers it below a year (absent `retention_in_days` keeps logs forever).",
  remediation: "Keep `retention_in_days` at 365 or more (HIPAA documentation is kept six years: 2192), or archive the logs elsewhere first.",
  targets: [tf("aws_cloudwatch_log_group", ["retention_in_days"], { absent: 0 }), cfn("AWS::Logs::LogGroup", ["RetentionInDays"], { absent: 0 })],
  expect: retention,
  onlyChanges: ["weakened", "removed"],
  examples: {
    bad: [
      {
        path: "logs.tf",
        line: 3,
        before: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/phi"
  retention_in_days = 2192
}
`,
        text: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/phi"
  retention_in_days = 30
}
`
      }
    ],
    good: [{ path: "logs.tf", text: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/phi"
  retention_in_days = 2192
}
` }]
  }
});
var cloudTrailKms = attributeRule({
  id: "IAC-CLOUDTRAIL-KMS",
  title: "CloudTrail logs are not encrypted with a KMS key",
  family: "terraform",
  severity: "medium",
  safeguard: "audit-controls",
  citation: CITATIONS.encryptionAtRest,
  description: "Without `kms_key_id` (CloudFormation `KMSKeyId`) CloudTrail writes its log files with S3-managed keys: anyone who can read the log bucket reads the record of every action on systems holding PHI, and key use leaves no audit trail of its own. The CloudFormation property is spelled `KMSKeyId`; a template that writes `KmsKeyId` sets no key (CloudFormation rejects the unknown property), so it is reported.",
  remediation: "Set `kms_key_id` to a customer-managed KMS key whose policy lets CloudTrail encrypt and only auditors decrypt.",
  targets: [tf(TRAIL, ["kms_key_id"]), cfn(CFN_TRAIL, ["KMSKeyId"])],
  expect: mustBeSet,
  examples: {
    bad: [
      trailExample("", 1),
      {
        path: "trail.yaml",
        line: 4,
        text: `Resources:
  Audit:
    Type: ${CFN_TRAIL}
    Properties:
      IsLogging: true
      S3BucketName: audit-logs
`
      }
    ],
    good: [
      trailExample("  kms_key_id = aws_kms_key.audit.arn\n"),
      {
        path: "trail.yaml",
        text: `Resources:
  Audit:
    Type: ${CFN_TRAIL}
    Properties:
      IsLogging: true
      KMSKeyId: !GetAtt AuditKey.Arn
      S3BucketName: audit-logs
`
      }
    ]
  }
});
var logGroupKms = attributeRule({
  id: "IAC-LOG-GROUP-KMS",
  title: "CloudWatch log group is not encrypted with a KMS key",
  family: "terraform",
  severity: "low",
  safeguard: "audit-controls",
  citation: CITATIONS.encryptionAtRest,
  description: "Application logs often carry PHI. A log group without `kms_key_id` (CloudFormation `KmsKeyId`) is encrypted only with a service key, so access is governed by IAM alone and decryption is not audited.",
  remediation: "Set `kms_key_id` to a customer-managed KMS key that allows `logs.<region>.amazonaws.com` to use it.",
  targets: [tf("aws_cloudwatch_log_group", ["kms_key_id"]), cfn("AWS::Logs::LogGroup", ["KmsKeyId"])],
  expect: mustBeSet,
  examples: {
    bad: [
      { path: "logs.tf", line: 1, text: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/phi"
  retention_in_days = 2192
}
` },
      { path: "logs.yaml", line: 4, text: `Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 2192
` }
    ],
    good: [{ path: "logs.tf", text: `resource "aws_cloudwatch_log_group" "app" {
  name       = "/app/phi"
  kms_key_id = aws_kms_key.logs.arn
}
` }]
  }
});
var AUDIT_RULES = [
  cloudTrailLogging,
  cloudTrailLogValidation,
  cloudTrailMultiRegion,
  vpcFlowLogs,
  s3AccessLogging,
  logRetentionLowered,
  cloudTrailKms,
  logGroupKms
];

// checks/infra/rules/aws-data.ts
function encryptionRule(row) {
  return attributeRule({
    id: row.id,
    title: row.title,
    family: "terraform",
    severity: row.severity ?? "high",
    safeguard: row.safeguard ?? "access-control",
    citation: row.citation ?? CITATIONS.encryptionAtRest,
    description: `${row.what} PHI written to it must be encrypted at rest so that a lost disk, snapshot or backup does not disclose it.`,
    remediation: row.remediation,
    targets: row.targets,
    expect: row.expect ?? mustBeTrue,
    ...row.safeguardTypes ? { safeguardTypes: row.safeguardTypes } : {},
    examples: { bad: [row.bad].flat(), good: [row.good] }
  });
}
function tfExample(type, body, line) {
  return { path: "main.tf", text: `resource "${type}" "this" {
${body}}
`, ...line ? { line } : {} };
}
var encryptedFlag = (type, cfnType, tfAttribute, cfnAttribute2, when) => [
  tf(type, [tfAttribute], { absent: false, ...when ? { when } : {} }),
  cfn(cfnType, [cfnAttribute2], { absent: false, ...when ? { when } : {} })
];
var noneSet = (paths) => (resource) => {
  for (const key of resource.format === "terraform" ? paths.terraform : paths.cloudformation) {
    const present = decidePresent(resource, [key]);
    if (present !== false) return isUndecided(present) ? present : false;
  }
  return true;
};
var ownsStorage = noneSet({
  terraform: ["replicate_source_db", "snapshot_identifier"],
  cloudformation: ["SourceDBInstanceIdentifier", "DBSnapshotIdentifier", "DBClusterIdentifier", "SourceDBClusterIdentifier"]
});
var ownsClusterStorage = (resource) => {
  const restored = noneSet({
    terraform: ["snapshot_identifier", "replication_source_identifier"],
    cloudformation: ["SnapshotIdentifier", "SourceDBClusterIdentifier"]
  })(resource);
  if (restored !== true) return restored;
  return decide(resource, [resource.format === "terraform" ? "engine_mode" : "EngineMode"], (mode) => mode !== "serverless");
};
var ownsBackups = noneSet({ terraform: [], cloudformation: ["DBClusterIdentifier"] });
var rdsEncryption = encryptionRule({
  id: "IAC-RDS-ENCRYPTION",
  title: "RDS instance storage is not encrypted",
  what: "An RDS database instance stores PHI on its volumes, snapshots and automated backups. (A read replica, a snapshot restore and a member of an Aurora cluster inherit encryption from their source and are judged there.)",
  targets: encryptedFlag("aws_db_instance", "AWS::RDS::DBInstance", "storage_encrypted", "StorageEncrypted", ownsStorage),
  remediation: "Set `storage_encrypted = true` (and `kms_key_id` for a customer-managed key); an existing instance is encrypted by restoring an encrypted snapshot copy.",
  bad: tfExample("aws_db_instance", '  engine            = "postgres"\n  storage_encrypted = false\n', 3),
  good: tfExample("aws_db_instance", '  engine            = "postgres"\n  storage_encrypted = true\n')
});
var auroraEncryption = encryptionRule({
  id: "IAC-AURORA-ENCRYPTION",
  title: "Aurora cluster storage is not encrypted",
  what: "An Aurora cluster (and an `aws_rds_global_cluster` not made from an existing cluster) stores PHI in its shared cluster volume and snapshots. (Aurora Serverless v1 is always encrypted; a restored or replicated cluster inherits encryption from its source.) `storage_encrypted = true` without `kms_key_id` passes: the AWS-managed key meets the encryption-at-rest specification; Trivy's check also asks for a customer-managed key, a key-management choice this rule does not make for you.",
  targets: [
    ...encryptedFlag("aws_rds_cluster", "AWS::RDS::DBCluster", "storage_encrypted", "StorageEncrypted", ownsClusterStorage),
    // A global cluster made from an existing cluster takes that cluster's encryption.
    tf("aws_rds_global_cluster", ["storage_encrypted"], { absent: false, when: noneSet({ terraform: ["source_db_cluster_identifier"], cloudformation: [] }) })
  ],
  remediation: "Set `storage_encrypted = true` on the cluster.",
  bad: [
    tfExample("aws_rds_cluster", '  engine = "aurora-postgresql"\n', 1),
    tfExample("aws_rds_global_cluster", '  global_cluster_identifier = "records"\n  storage_encrypted         = false\n', 3)
  ],
  good: tfExample("aws_rds_cluster", '  engine            = "aurora-postgresql"\n  storage_encrypted = true\n')
});
var SSE_ALGORITHMS = ["AES256", "aws:kms", "aws:kms:dsse"];
var s3Encryption = encryptionRule({
  id: "IAC-S3-ENCRYPTION",
  title: "S3 bucket encryption configuration removed or invalid",
  what: "An S3 bucket holds objects that may be PHI.",
  targets: [
    tf("aws_s3_bucket_server_side_encryption_configuration", ["rule", 0, "apply_server_side_encryption_by_default", 0, "sse_algorithm"]),
    cfn("AWS::S3::Bucket", ["BucketEncryption", "ServerSideEncryptionConfiguration", 0, "ServerSideEncryptionByDefault", "SSEAlgorithm"], { absent: "AES256" })
  ],
  expect: oneOf(SSE_ALGORITHMS, '"aws:kms", "aws:kms:dsse" or "AES256"', SSE_ALGORITHMS),
  // Deleting the configuration is `removed`; deleting the bucket leaves nothing to encrypt.
  safeguardTypes: [{ type: "aws_s3_bucket_server_side_encryption_configuration", protects: ["bucket"] }],
  remediation: 'Keep an `aws_s3_bucket_server_side_encryption_configuration` with `sse_algorithm = "aws:kms"` for each bucket.',
  bad: tfExample(
    "aws_s3_bucket_server_side_encryption_configuration",
    '  bucket = aws_s3_bucket.phi.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "none"\n    }\n  }\n',
    5
  ),
  good: tfExample(
    "aws_s3_bucket_server_side_encryption_configuration",
    '  bucket = aws_s3_bucket.phi.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n'
  )
});
var ebsEncryption = encryptionRule({
  id: "IAC-EBS-ENCRYPTION",
  title: "EBS volume is not encrypted",
  what: "An EBS volume holds whatever the instance writes, PHI included, and its snapshots.",
  targets: encryptedFlag("aws_ebs_volume", "AWS::EC2::Volume", "encrypted", "Encrypted"),
  remediation: "Set `encrypted = true` on the volume (or turn on EBS encryption by default for the account).",
  bad: tfExample("aws_ebs_volume", '  availability_zone = "us-east-1a"\n  size              = 100\n', 1),
  good: tfExample("aws_ebs_volume", '  availability_zone = "us-east-1a"\n  size              = 100\n  encrypted         = true\n')
});
var efsEncryption = encryptionRule({
  id: "IAC-EFS-ENCRYPTION",
  title: "EFS file system is not encrypted",
  what: "An EFS file system is shared storage for PHI.",
  targets: encryptedFlag("aws_efs_file_system", "AWS::EFS::FileSystem", "encrypted", "Encrypted"),
  remediation: "Set `encrypted = true`; an existing file system must be recreated and its data copied.",
  bad: tfExample("aws_efs_file_system", "  encrypted = false\n", 2),
  good: tfExample("aws_efs_file_system", "  encrypted = true\n")
});
var dynamoDbEncryption = encryptionRule({
  id: "IAC-DYNAMODB-ENCRYPTION",
  title: "DynamoDB table does not use a KMS key",
  what: "A DynamoDB table is always encrypted with an AWS-owned key; only a KMS key gives you control and an audit trail of its use.",
  severity: "low",
  targets: [
    tf("aws_dynamodb_table", ["server_side_encryption", 0, "enabled"], { absent: false }),
    cfn("AWS::DynamoDB::Table", ["SSESpecification", "SSEEnabled"], { absent: false })
  ],
  remediation: "Add `server_side_encryption { enabled = true }` (optionally with `kms_key_arn`).",
  bad: tfExample("aws_dynamodb_table", '  name     = "visits"\n  hash_key = "id"\n', 1),
  good: tfExample("aws_dynamodb_table", '  name     = "visits"\n  hash_key = "id"\n  server_side_encryption {\n    enabled = true\n  }\n')
});
var noKmsKey = (attribute) => noneSet({ terraform: [attribute], cloudformation: [attribute] });
var sqsEncryption = encryptionRule({
  id: "IAC-SQS-ENCRYPTION",
  title: "SQS queue is not encrypted",
  what: "An SQS queue holds messages, PHI included, until they are consumed. The safeguard must be written down: AWS turns SSE-SQS on only for queues created since October 2022, a queue created earlier or imported keeps what it had, and with the attribute absent neither Terraform nor CloudFormation notices when it is switched off outside the code. So a queue with neither `sqs_managed_sse_enabled = true` nor `kms_master_key_id` is reported, as Checkov and Trivy do.",
  targets: [
    tf("aws_sqs_queue", ["sqs_managed_sse_enabled"], { when: noKmsKey("kms_master_key_id") }),
    cfn("AWS::SQS::Queue", ["SqsManagedSseEnabled"], { when: noKmsKey("KmsMasterKeyId") })
  ],
  remediation: "Set `sqs_managed_sse_enabled = true` (CloudFormation `SqsManagedSseEnabled: true`) or `kms_master_key_id` (`KmsMasterKeyId`).",
  bad: [
    tfExample("aws_sqs_queue", '  name                    = "claims"\n  sqs_managed_sse_enabled = false\n', 3),
    { path: "queue.yaml", line: 4, text: "Resources:\n  Claims:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: claims\n" }
  ],
  good: tfExample("aws_sqs_queue", '  name              = "claims"\n  kms_master_key_id = "alias/aws/sqs"\n')
});
var snsEncryption = encryptionRule({
  id: "IAC-SNS-ENCRYPTION",
  title: "SNS topic is not encrypted",
  what: "An SNS topic stores messages, PHI included, until they are delivered.",
  severity: "medium",
  targets: [tf("aws_sns_topic", ["kms_master_key_id"]), cfn("AWS::SNS::Topic", ["KmsMasterKeyId"])],
  expect: mustBeSet,
  remediation: 'Set `kms_master_key_id` (e.g. `"alias/aws/sns"`).',
  bad: tfExample("aws_sns_topic", '  name = "alerts"\n', 1),
  good: tfExample("aws_sns_topic", '  name              = "alerts"\n  kms_master_key_id = "alias/aws/sns"\n')
});
var elastiCacheEncryption = encryptionRule({
  id: "IAC-ELASTICACHE-ENCRYPTION",
  title: "ElastiCache replication group is not encrypted at rest",
  what: "An ElastiCache replication group keeps cached PHI in memory, on swap and in backups.",
  targets: encryptedFlag("aws_elasticache_replication_group", "AWS::ElastiCache::ReplicationGroup", "at_rest_encryption_enabled", "AtRestEncryptionEnabled"),
  remediation: "Set `at_rest_encryption_enabled = true` (a new replication group is needed; migrate with a backup restore).",
  bad: tfExample("aws_elasticache_replication_group", '  replication_group_id = "sessions"\n  description          = "sessions"\n', 1),
  good: tfExample(
    "aws_elasticache_replication_group",
    '  replication_group_id       = "sessions"\n  description                = "sessions"\n  at_rest_encryption_enabled = true\n'
  )
});
var redshiftEncryption = encryptionRule({
  id: "IAC-REDSHIFT-ENCRYPTION",
  title: "Redshift cluster is not encrypted",
  what: "A Redshift cluster stores analytics data, often PHI, and its snapshots.",
  targets: encryptedFlag("aws_redshift_cluster", "AWS::Redshift::Cluster", "encrypted", "Encrypted"),
  remediation: "Set `encrypted = true` (with `kms_key_id` for a customer-managed key).",
  bad: tfExample("aws_redshift_cluster", '  cluster_identifier = "warehouse"\n  encrypted          = false\n', 3),
  good: tfExample("aws_redshift_cluster", '  cluster_identifier = "warehouse"\n  encrypted          = true\n')
});
var elastiCacheTransit = encryptionRule({
  id: "IAC-ELASTICACHE-TRANSIT",
  title: "ElastiCache replication group does not encrypt in transit",
  what: "Clients of an ElastiCache replication group exchange cached PHI with it over the network.",
  safeguard: "transmission-security",
  citation: CITATIONS.transmissionEncryption,
  targets: encryptedFlag("aws_elasticache_replication_group", "AWS::ElastiCache::ReplicationGroup", "transit_encryption_enabled", "TransitEncryptionEnabled"),
  remediation: "Set `transit_encryption_enabled = true` and have clients connect with TLS.",
  bad: tfExample(
    "aws_elasticache_replication_group",
    '  replication_group_id       = "sessions"\n  description                = "sessions"\n  transit_encryption_enabled = false\n',
    4
  ),
  good: tfExample(
    "aws_elasticache_replication_group",
    '  replication_group_id       = "sessions"\n  description                = "sessions"\n  transit_encryption_enabled = true\n'
  )
});
function forcedTlsParameter(family2) {
  if (typeof family2 !== "string") return void 0;
  const postgres = /postgres(?:ql)?(\d+)/.exec(family2);
  if (postgres) return { name: "rds.force_ssl", value: "1", ...Number(postgres[1]) >= 15 ? { absent: "1" } : {} };
  if (family2.includes("mysql") || family2.includes("mariadb")) return { name: "require_secure_transport", value: "1" };
  return void 0;
}
function checkForcedTls(resource) {
  const terraform = resource.format === "terraform";
  const familyPath = [terraform ? "family" : "Family"];
  const family2 = valueAt(resource.values, familyPath);
  if (isUnresolved(family2)) return { verdict: "unknown", path: familyPath, expression: family2.expression };
  const parameter = forcedTlsParameter(family2);
  if (!parameter) return void 0;
  let path = [terraform ? "parameter" : "Parameters"];
  const parameters = valueAt(resource.values, path);
  if (isUnresolved(parameters)) return { verdict: "unknown", path, expression: parameters.expression };
  if (terraform) {
    const list2 = Array.isArray(parameters) ? parameters : [];
    const index = list2.findIndex((item) => valueAt(item, ["name"]) === parameter.name);
    const pending = list2.findIndex((item) => isUnresolved(item) || isUnresolved(valueAt(item, ["name"])));
    if (index < 0 && pending >= 0) return { verdict: "unknown", path: ["parameter", pending], expression: "a parameter whose name could not be resolved" };
    if (index >= 0) path = ["parameter", index, "value"];
  } else if (valueAt(resource.values, ["Parameters", parameter.name]) !== void 0) {
    path = ["Parameters", parameter.name];
  }
  const written = path.length > 1 ? valueAt(resource.values, path) : void 0;
  const expect = {
    expected: `"${parameter.value}" so clients must use TLS`,
    test: (value) => (typeof value === "string" || typeof value === "number") && [parameter.value, "ON"].includes(String(value).toUpperCase())
  };
  const verdict = judgeValue(path, written ?? parameter.absent, expect, parameter.name);
  return verdict;
}
var rdsForceSsl = {
  id: "IAC-RDS-FORCE-SSL",
  title: "RDS parameter group does not require TLS",
  ...IN_TRANSIT,
  description: "Without `rds.force_ssl = 1` (PostgreSQL; the default from version 15) or `require_secure_transport = 1` (MySQL, MariaDB) the database accepts unencrypted client connections.",
  remediation: 'Add `parameter { name = "rds.force_ssl", value = "1" }` (or `require_secure_transport`) to the parameter group.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: ["aws_db_parameter_group", "aws_rds_cluster_parameter_group", "AWS::RDS::DBParameterGroup", "AWS::RDS::DBClusterParameterGroup"],
  check: checkForcedTls,
  examples: {
    bad: [
      {
        path: "db.tf",
        line: 6,
        text: `resource "aws_db_parameter_group" "phi" {
  name   = "phi"
  family = "postgres14"
  parameter {
    name  = "rds.force_ssl"
    value = "0"
  }
}
`
      }
    ],
    good: [
      {
        path: "db.tf",
        text: `resource "aws_db_parameter_group" "phi" {
  name   = "phi"
  family = "postgres14"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}
`
      },
      {
        path: "db.yaml",
        text: `Resources:
  Params:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: mysql8.0
      Parameters:
        require_secure_transport: "1"
`
      },
      { path: "db16.tf", text: `resource "aws_db_parameter_group" "phi" {
  name   = "phi"
  family = "postgres16"
}
` }
    ]
  }
};
var rdsBackupRetention = attributeRule({
  id: "IAC-RDS-BACKUP-RETENTION",
  title: "RDS backups kept for less than 7 days",
  family: "terraform",
  severity: "medium",
  safeguard: "integrity",
  citation: CITATIONS.integrityMechanism,
  description: "Automated backups are how PHI altered or destroyed by mistake or attack is recovered. AWS keeps one day by default; a shortened retention is reported as `weakened`. Members of an Aurora cluster take their backups from the cluster, which is judged instead.",
  remediation: "Set `backup_retention_period` to 7 days or more (35 at most).",
  targets: [
    tf("aws_db_instance", ["backup_retention_period"], { absent: 1 }),
    tf("aws_rds_cluster", ["backup_retention_period"], { absent: 1 }),
    cfn("AWS::RDS::DBInstance", ["BackupRetentionPeriod"], { absent: 1, when: ownsBackups }),
    cfn("AWS::RDS::DBCluster", ["BackupRetentionPeriod"], { absent: 1 })
  ],
  expect: atLeast(7, "days"),
  examples: {
    bad: [tfExample("aws_db_instance", '  engine                  = "postgres"\n  backup_retention_period = 0\n', 3)],
    good: [tfExample("aws_db_instance", '  engine                  = "postgres"\n  backup_retention_period = 14\n')]
  }
});
var rdsDeletionProtection = attributeRule({
  id: "IAC-RDS-DELETION-PROTECTION",
  title: "RDS deletion protection is off",
  family: "terraform",
  severity: "medium",
  safeguard: "integrity",
  citation: CITATIONS.integrityMechanism,
  description: "Deletion protection keeps a database holding PHI from being destroyed by one mistaken apply or API call.",
  remediation: "Set `deletion_protection = true` on the instance or cluster; turn it off only in the change that deletes it.",
  targets: [
    tf("aws_db_instance", ["deletion_protection"], { absent: false }),
    tf("aws_rds_cluster", ["deletion_protection"], { absent: false }),
    cfn("AWS::RDS::DBInstance", ["DeletionProtection"], { absent: false, when: ownsBackups }),
    cfn("AWS::RDS::DBCluster", ["DeletionProtection"], { absent: false })
  ],
  expect: mustBeTrue,
  examples: {
    bad: [tfExample("aws_rds_cluster", '  engine              = "aurora-postgresql"\n  deletion_protection = false\n', 3)],
    good: [tfExample("aws_rds_cluster", '  engine              = "aurora-postgresql"\n  deletion_protection = true\n')]
  }
});
var versioningEnabled = oneOf(["Enabled", true], '"Enabled"', ["Suspended", "Disabled", false, "Enabled", true]);
var versioningStatus = attributeRule({
  id: "IAC-S3-VERSIONING",
  title: "S3 bucket versioning is off or suspended",
  family: "terraform",
  severity: "medium",
  safeguard: "integrity",
  citation: CITATIONS.integrityMechanism,
  description: "Versioning keeps every earlier version of an object, so PHI overwritten or deleted by mistake or attack can be recovered. A bucket with no versioning at all (no `aws_s3_bucket_versioning` for it in the module, no inline `versioning`, no CloudFormation `VersioningConfiguration`) is reported too; deleting the versioning resource is `removed`.",
  remediation: 'Keep an `aws_s3_bucket_versioning` with `status = "Enabled"` for the bucket (CloudFormation: `VersioningConfiguration: {Status: Enabled}`).',
  targets: [
    tf("aws_s3_bucket_versioning", ["versioning_configuration", 0, "status"]),
    tf("aws_s3_bucket", ["versioning", 0, "enabled"], { absent: false }),
    cfn("AWS::S3::Bucket", ["VersioningConfiguration", "Status"])
  ],
  expect: versioningEnabled,
  examples: {
    bad: [
      tfExample("aws_s3_bucket_versioning", '  bucket = aws_s3_bucket.phi.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n', 4),
      tfExample("aws_s3_bucket", '  bucket = "phi-records"\n', 1),
      { path: "storage.yaml", line: 4, text: "Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: phi-records\n" }
    ],
    good: [
      tfExample("aws_s3_bucket_versioning", '  bucket = aws_s3_bucket.phi.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n'),
      {
        path: "main.tf",
        text: 'resource "aws_s3_bucket" "phi" {\n  bucket = "phi-records"\n}\n\nresource "aws_s3_bucket_versioning" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n'
      },
      {
        path: "storage.yaml",
        text: "Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n"
      }
    ]
  }
});
var s3Versioning = {
  ...versioningStatus,
  check: (resource, context) => {
    if (resource.type === "aws_s3_bucket" && valueAt(resource.values, ["versioning"]) === void 0) {
      const companion = referencing(resource, context, ["aws_s3_bucket_versioning"], ["bucket"])[0];
      if (companion) return { verdict: "pass", path: [], actual: companion.address, providedBy: companion.address };
      return {
        verdict: "fail",
        path: [],
        actual: null,
        expected: '"Enabled"',
        message: 'the bucket has no versioning (no aws_s3_bucket_versioning refers to it); expected versioning "Enabled"'
      };
    }
    return versioningStatus.check(resource, context);
  }
};
function checkRedshiftSsl(resource) {
  const terraform = resource.format === "terraform";
  const listPath = [terraform ? "parameter" : "Parameters"];
  const list2 = valueAt(resource.values, listPath);
  if (isUnresolved(list2)) return { verdict: "unknown", path: listPath, expression: list2.expression };
  const items = Array.isArray(list2) ? list2 : [];
  const [nameKey, valueKey] = terraform ? ["name", "value"] : ["ParameterName", "ParameterValue"];
  const index = items.findIndex((item) => valueAt(item, [nameKey]) === "require_ssl");
  const pending = items.findIndex((item) => isUnresolved(item) || isUnresolved(valueAt(item, [nameKey])));
  if (index < 0 && pending >= 0) return { verdict: "unknown", path: [...listPath, pending], expression: "a parameter whose name could not be resolved" };
  const path = index < 0 ? listPath : [...listPath, index, valueKey];
  return judgeValue(path, index < 0 ? false : valueAt(resource.values, path), mustBeTrue, "require_ssl");
}
var redshiftRequireSsl = {
  id: "IAC-REDSHIFT-REQUIRE-SSL",
  title: "Redshift parameter group does not require TLS",
  ...IN_TRANSIT,
  description: "A Redshift cluster accepts unencrypted client connections unless its parameter group sets `require_ssl` to `true` (the default is `false`).",
  remediation: 'Add `parameter { name = "require_ssl", value = "true" }` to the `aws_redshift_parameter_group` (CloudFormation `Parameters: [{ParameterName: require_ssl, ParameterValue: "true"}]`).',
  formats: ["terraform", "cloudformation"],
  resourceTypes: ["aws_redshift_parameter_group", "AWS::Redshift::ClusterParameterGroup"],
  strength: mustBeTrue.strength,
  check: checkRedshiftSsl,
  examples: {
    bad: [
      {
        path: "warehouse.tf",
        line: 6,
        text: `resource "aws_redshift_parameter_group" "phi" {
  name   = "phi"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "false"
  }
}
`
      },
      {
        path: "warehouse.yaml",
        line: 6,
        text: `Resources:
  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      ParameterGroupFamily: redshift-1.0
      Parameters:
        - ParameterName: enable_user_activity_logging
          ParameterValue: "true"
`
      }
    ],
    good: [
      {
        path: "warehouse.tf",
        text: `resource "aws_redshift_parameter_group" "phi" {
  name   = "phi"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
}
`
      },
      {
        path: "warehouse.yaml",
        text: `Resources:
  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      ParameterGroupFamily: redshift-1.0
      Parameters:
        - ParameterName: require_ssl
          ParameterValue: "true"
`
      }
    ]
  }
};
var redshiftPublic = attributeRule({
  id: "IAC-REDSHIFT-PUBLIC",
  title: "Redshift cluster is publicly accessible",
  family: "terraform",
  severity: "critical",
  safeguard: "access-control",
  description: "`publicly_accessible = true` (CloudFormation `PubliclyAccessible: true`) gives the warehouse a public address: its data, often PHI, is one security-group rule away from the internet. In Terraform an absent `publicly_accessible` is judged as true: AWS provider versions before 5.0 made that the default, and a cluster created then keeps it.",
  remediation: "Set `publicly_accessible = false` and reach the cluster from inside the VPC.",
  targets: [tf("aws_redshift_cluster", ["publicly_accessible"], { absent: true }), cfn("AWS::Redshift::Cluster", ["PubliclyAccessible"], { absent: false })],
  expect: mustBeFalse,
  examples: {
    bad: [
      tfExample("aws_redshift_cluster", '  cluster_identifier  = "warehouse"\n  publicly_accessible = true\n', 3),
      tfExample("aws_redshift_cluster", '  cluster_identifier = "warehouse"\n', 1)
    ],
    good: [tfExample("aws_redshift_cluster", '  cluster_identifier  = "warehouse"\n  publicly_accessible = false\n')]
  }
});
var DATA_RULES = [
  rdsEncryption,
  auroraEncryption,
  s3Encryption,
  ebsEncryption,
  efsEncryption,
  dynamoDbEncryption,
  sqsEncryption,
  snsEncryption,
  elastiCacheEncryption,
  redshiftEncryption,
  elastiCacheTransit,
  rdsForceSsl,
  rdsBackupRetention,
  rdsDeletionProtection,
  s3Versioning,
  redshiftRequireSsl,
  redshiftPublic
];

// checks/infra/rules/aws-load-balancing.ts
var LISTENERS = ["aws_lb_listener", "aws_alb_listener"];
var CFN_LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
var CFN_LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
var LOAD_BALANCERS = ["aws_lb", "aws_alb"];
function listenerProtocol(resource, context) {
  const key = resource.format === "terraform" ? "protocol" : "Protocol";
  const written = valueAt(resource.values, [key]);
  if (written !== void 0) return written;
  const arn = valueAt(resource.values, [resource.format === "terraform" ? "load_balancer_arn" : "LoadBalancerArn"]);
  const balancer = context?.resources.find(
    (candidate) => (LOAD_BALANCERS.includes(candidate.type) || candidate.type === CFN_LOAD_BALANCER) && refersTo(arn, candidate)
  );
  const type = balancer ? valueAt(balancer.values, [balancer.format === "terraform" ? "load_balancer_type" : "Type"]) : void 0;
  return type === "network" ? "TCP" : type === "gateway" ? "GENEVE" : "HTTP";
}
var protocolIs = (protocols) => (resource, context) => decideValue(
  listenerProtocol(resource, context),
  [resource.format === "terraform" ? "protocol" : "Protocol"],
  (protocol) => typeof protocol === "string" && protocols.includes(protocol.toUpperCase())
);
var elbTls122 = {
  expected: `an ELBSecurityPolicy with ${TLS12_OR_LATER} (e.g. "ELBSecurityPolicy-TLS13-1-2-2021-06")`,
  test: (value) => (elbPolicyStrength(value) ?? 0) >= 12,
  strength: elbPolicyStrength
};
var lbListenerTlsPolicy = attributeRule({
  id: "IAC-LB-TLS-POLICY",
  title: "Load balancer listener allows TLS older than 1.2",
  ...IN_TRANSIT,
  description: "An HTTPS or TLS listener of an Application or Network Load Balancer negotiates with the protocols of its security policy. Without `ssl_policy` AWS applies `ELBSecurityPolicy-2016-08`, which still accepts TLS 1.0 and 1.1. A change to a weaker policy is reported as `weakened` with the old and new policy.",
  remediation: 'Set `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` (or another TLS 1.2+ policy) on the listener.',
  targets: [
    ...LISTENERS.map((type) => tf(type, ["ssl_policy"], { absent: "ELBSecurityPolicy-2016-08", when: protocolIs(["HTTPS", "TLS"]) })),
    cfn(CFN_LISTENER, ["SslPolicy"], { absent: "ELBSecurityPolicy-2016-08", when: protocolIs(["HTTPS", "TLS"]) })
  ],
  expect: elbTls122,
  examples: {
    bad: [
      {
        path: "lb.tf",
        line: 4,
        text: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.front.arn
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS-1-1-2017-01"
  certificate_arn   = var.certificate_arn
}
`
      },
      {
        path: "lb.yaml",
        line: 4,
        text: `Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      LoadBalancerArn: !Ref Front
`
      }
    ],
    good: [
      {
        path: "lb.tf",
        text: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.front.arn
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
}
`
      }
    ]
  }
});
var redirectsToHttps = {
  expected: "a redirect to HTTPS",
  test: (protocol) => typeof protocol === "string" && protocol.toUpperCase() === "HTTPS"
};
function checkHttpRedirect2(resource, context) {
  const terraform = resource.format === "terraform";
  const http = protocolIs(["HTTP"])(resource, context);
  if (isUndecided(http)) return undecidedVerdict(http);
  if (!http) return void 0;
  const actionPath = terraform ? ["default_action", 0] : ["DefaultActions", 0];
  const typePath = [...actionPath, terraform ? "type" : "Type"];
  const redirect = decide(resource, typePath, (type2) => type2 === "redirect");
  if (isUndecided(redirect)) return undecidedVerdict(redirect);
  const protocolPath = terraform ? [...actionPath, "redirect", 0, "protocol"] : [...actionPath, "RedirectConfig", "Protocol"];
  const protocol = valueAt(resource.values, protocolPath);
  if (redirect && (protocol !== void 0 || isUnresolved(protocol))) return judgeValue(protocolPath, protocol, redirectsToHttps, "redirect protocol");
  const type = valueAt(resource.values, typePath);
  return {
    verdict: "fail",
    path: actionPath,
    actual: type ?? null,
    expected: "a redirect to HTTPS",
    message: `HTTP listener's default action is ${describeValue(type)}, not a redirect to HTTPS; expected a redirect with protocol "HTTPS"`
  };
}
var lbHttpRedirect = {
  id: "IAC-LB-HTTP-NO-REDIRECT",
  title: "HTTP listener does not redirect to HTTPS",
  ...IN_TRANSIT,
  description: "A plain-HTTP listener that forwards traffic instead of redirecting it to HTTPS lets clients send PHI unencrypted.",
  remediation: 'Make the HTTP listener\'s default action `redirect` with `protocol = "HTTPS"`, `port = "443"`, `status_code = "HTTP_301"`.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: [...LISTENERS, CFN_LISTENER],
  check: checkHttpRedirect2,
  examples: {
    bad: [
      {
        path: "lb.tf",
        line: 4,
        text: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.front.arn
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
`
      }
    ],
    good: [
      {
        path: "lb.tf",
        text: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.front.arn
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}
`
      },
      {
        path: "lb.yaml",
        text: `Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            StatusCode: HTTP_301
`
      }
    ]
  }
};
var typeIs = (types) => (resource) => {
  const key = resource.format === "terraform" ? "load_balancer_type" : "Type";
  return decideValue(valueAt(resource.values, [key]) ?? "application", [key], (type) => typeof type === "string" && types.includes(type));
};
function cfnAttribute(resource, key) {
  const attributes = valueAt(resource.values, ["LoadBalancerAttributes"]);
  if (isUnresolved(attributes)) return { path: ["LoadBalancerAttributes"], value: attributes };
  const index = Array.isArray(attributes) ? attributes.findIndex((item) => valueAt(item, ["Key"]) === key) : -1;
  const unresolvedItem = Array.isArray(attributes) ? attributes.findIndex((item) => isUnresolved(item) || isUnresolved(valueAt(item, ["Key"]))) : -1;
  if (index < 0 && unresolvedItem >= 0) return { path: ["LoadBalancerAttributes", unresolvedItem], value: valueAt(attributes, [unresolvedItem]) };
  return index < 0 ? { path: ["LoadBalancerAttributes"], value: void 0 } : { path: ["LoadBalancerAttributes", index, "Value"], value: valueAt(attributes, [index, "Value"]) };
}
function lbAttributeRule(spec) {
  const terraformRule = attributeRule({
    ...spec,
    family: "terraform",
    targets: LOAD_BALANCERS.map((type) => tf(type, spec.terraformPath, { absent: false, when: typeIs(spec.types) })),
    expect: mustBeTrue
  });
  return {
    ...terraformRule,
    formats: ["terraform", "cloudformation"],
    resourceTypes: [...terraformRule.resourceTypes, CFN_LOAD_BALANCER],
    check: (resource, context) => {
      if (resource.format === "terraform") return terraformRule.check(resource, context);
      const applies = typeIs(spec.types)(resource);
      if (isUndecided(applies)) return undecidedVerdict(applies);
      if (!applies) return void 0;
      const { path, value } = cfnAttribute(resource, spec.key);
      return judgeValue(path, value ?? false, mustBeTrue, spec.key);
    }
  };
}
var lbAccessLogs = lbAttributeRule({
  id: "IAC-LB-ACCESS-LOGS",
  title: "Load balancer access logs are off",
  key: "access_logs.s3.enabled",
  terraformPath: ["access_logs", 0, "enabled"],
  types: ["application", "network"],
  severity: "medium",
  safeguard: "audit-controls",
  description: "Access logs record every request an Application Load Balancer handled (every TLS connection of a Network Load Balancer): who reached which system holding PHI, and when.",
  remediation: 'Add `access_logs { bucket = "...", enabled = true }` to the load balancer.',
  examples: {
    bad: [{ path: "lb.tf", line: 1, text: `resource "aws_lb" "front" {
  name                       = "front"
  drop_invalid_header_fields = true
}
` }],
    good: [
      {
        path: "lb.tf",
        text: `resource "aws_lb" "front" {
  name = "front"
  access_logs {
    bucket  = "lb-logs"
    enabled = true
  }
}
`
      },
      {
        path: "lb.yaml",
        text: `Resources:
  Front:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - Key: access_logs.s3.enabled
          Value: "true"
`
      }
    ]
  }
});
var lbDropInvalidHeaders = lbAttributeRule({
  id: "IAC-LB-DROP-INVALID-HEADERS",
  title: "Load balancer passes invalid HTTP headers through",
  key: "routing.http.drop_invalid_header_fields.enabled",
  terraformPath: ["drop_invalid_header_fields"],
  types: ["application"],
  severity: "low",
  safeguard: "integrity",
  description: "An Application Load Balancer that forwards malformed header fields exposes the application to request smuggling and header injection.",
  remediation: "Set `drop_invalid_header_fields = true` on the load balancer.",
  examples: {
    bad: [{ path: "lb.tf", line: 1, text: `resource "aws_lb" "front" {
  name = "front"
}
` }],
    good: [{ path: "lb.tf", text: `resource "aws_lb" "front" {
  name                       = "front"
  drop_invalid_header_fields = true
}
` }]
  }
});
var isInternetFacing = (resource) => resource.format === "terraform" ? decide(resource, ["internal"], (internal2) => !isTrue(internal2)) : decide(resource, ["Scheme"], (scheme) => scheme !== "internal");
var wafAssociation = referencedBy(
  {
    terraform: [
      { type: "aws_wafv2_web_acl_association", path: "resource_arn" },
      { type: "aws_wafregional_web_acl_association", path: "resource_arn" }
    ],
    cloudformation: [
      { type: "AWS::WAFv2::WebACLAssociation", path: "ResourceArn" },
      { type: "AWS::WAFRegional::WebACLAssociation", path: "ResourceArn" }
    ]
  },
  "WAF web ACL association"
);
var lbWafAssociation = {
  id: "IAC-LB-WAF",
  title: "Internet-facing Application Load Balancer has no WAF",
  family: "terraform",
  severity: "medium",
  safeguard: "access-control",
  description: "An internet-facing Application Load Balancer without a web ACL association (WAFv2, or WAF Classic `aws_wafregional_web_acl_association`) takes every request straight to the application. The association is looked up among the resources of the same Terraform module or template; deleting it is `removed`.",
  remediation: "Add an `aws_wafv2_web_acl_association` (CloudFormation `AWS::WAFv2::WebACLAssociation`) whose `resource_arn` is the load balancer's ARN.",
  formats: ["terraform", "cloudformation"],
  resourceTypes: [...LOAD_BALANCERS, CFN_LOAD_BALANCER],
  check: (resource, context) => {
    for (const guard of [isInternetFacing, typeIs(["application"])]) {
      const applies = guard(resource);
      if (isUndecided(applies)) return undecidedVerdict(applies);
      if (!applies) return void 0;
    }
    return wafAssociation(resource, context);
  },
  examples: {
    bad: [{ path: "lb.tf", line: 1, text: `resource "aws_lb" "front" {
  name     = "front"
  internal = false
}
` }],
    good: [
      {
        path: "lb.tf",
        text: `resource "aws_lb" "front" {
  name     = "front"
  internal = false
}

resource "aws_wafv2_web_acl_association" "front" {
  resource_arn = aws_lb.front.arn
  web_acl_arn  = aws_wafv2_web_acl.main.arn
}
`
      }
    ]
  }
};
var lbInternetFacing = attributeRule({
  id: "IAC-LB-INTERNET-FACING",
  title: "Internal load balancer made internet-facing",
  family: "terraform",
  severity: "high",
  safeguard: "access-control",
  description: "A load balancer that was internal now faces the internet: systems that were reachable only inside the network are exposed. Reported only as a change (`weakened`); new internet-facing load balancers are a design decision.",
  remediation: "Keep `internal = true` (CloudFormation `Scheme: internal`) unless exposing this service was reviewed.",
  targets: [...LOAD_BALANCERS.map((type) => tf(type, ["internal"], { absent: false })), cfn(CFN_LOAD_BALANCER, ["Scheme"], { absent: "internet-facing" })],
  expect: {
    expected: "internal",
    test: (value) => isTrue(value) || value === "internal",
    strength: (value) => isTrue(value) || value === "internal" ? 1 : 0
  },
  onlyChanges: ["weakened", "removed"],
  examples: {
    bad: [
      {
        path: "lb.tf",
        line: 3,
        before: `resource "aws_lb" "admin" {
  name     = "admin"
  internal = true
}
`,
        text: `resource "aws_lb" "admin" {
  name     = "admin"
  internal = false
}
`
      }
    ],
    good: [{ path: "lb.tf", text: `resource "aws_lb" "admin" {
  name     = "admin"
  internal = true
}
` }]
  }
});
var cloudFrontProtocolRow = attributeRule({
  id: "IAC-CLOUDFRONT-TLS",
  title: "CloudFront distribution accepts TLS older than 1.2",
  ...IN_TRANSIT,
  description: "The viewer certificate's `minimum_protocol_version` sets the oldest TLS version viewers may use. With `cloudfront_default_certificate = true` (CloudFormation `CloudFrontDefaultCertificate: true`) CloudFront fixes the security policy at TLSv1 and ignores `minimum_protocol_version`, so such a distribution is reported on that line. (Trivy counts a default-certificate distribution as passing because nothing can be changed on it; we report it, because viewers can still reach it with TLS 1.0, and the fix is a certificate of your own.)",
  remediation: 'Use your own certificate with `minimum_protocol_version = "TLSv1.2_2021"`.',
  targets: [
    tf("aws_cloudfront_distribution", ["viewer_certificate", 0, "minimum_protocol_version"], { absent: "TLSv1" }),
    cfn("AWS::CloudFront::Distribution", ["DistributionConfig", "ViewerCertificate", "MinimumProtocolVersion"], { absent: "TLSv1" })
  ],
  expect: tlsAtLeast(CLOUDFRONT_PROTOCOLS, CLOUDFRONT_PROTOCOLS.indexOf("TLSv1.2_2018")),
  examples: {
    bad: [
      {
        path: "cdn.tf",
        line: 4,
        text: `resource "aws_cloudfront_distribution" "site" {
  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    minimum_protocol_version = "TLSv1.1_2016"
  }
}
`
      },
      {
        path: "cdn.tf",
        line: 3,
        text: `resource "aws_cloudfront_distribution" "site" {
  viewer_certificate {
    cloudfront_default_certificate = true
    minimum_protocol_version       = "TLSv1.2_2021"
  }
}
`
      },
      {
        path: "cdn.yaml",
        line: 8,
        text: `Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        ViewerCertificate:
          CloudFrontDefaultCertificate: true
`
      }
    ],
    good: [
      {
        path: "cdn.tf",
        text: `resource "aws_cloudfront_distribution" "site" {
  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
`
      }
    ]
  }
});
var DEFAULT_CERTIFICATE = {
  terraform: ["viewer_certificate", 0, "cloudfront_default_certificate"],
  cloudformation: ["DistributionConfig", "ViewerCertificate", "CloudFrontDefaultCertificate"]
};
var cloudFrontMinimumProtocol = {
  ...cloudFrontProtocolRow,
  check: (resource, context) => {
    const path = DEFAULT_CERTIFICATE[resource.format];
    const defaultCertificate = path ? decide(resource, path, isTrue) : false;
    if (isUndecided(defaultCertificate)) return undecidedVerdict(defaultCertificate);
    if (!defaultCertificate || !path) return cloudFrontProtocolRow.check(resource, context);
    return {
      verdict: "fail",
      path,
      actual: true,
      expected: "a certificate of your own with TLSv1.2_2021 or later",
      message: `${attributeName(path)} is true: the default certificate fixes the security policy at TLSv1, whatever minimum_protocol_version says; expected a certificate of your own with "TLSv1.2_2021" or later (${TLS12_OR_LATER})`
    };
  }
};
var viewerProtocol = oneOf(["redirect-to-https", "https-only"], '"redirect-to-https" or "https-only"', ["allow-all", "redirect-to-https", "https-only"]);
function viewerProtocolPaths(resource) {
  if (resource.format === "terraform") {
    return [
      ["default_cache_behavior", 0, "viewer_protocol_policy"],
      ...itemsAt(resource, ["ordered_cache_behavior"]).map(({ path }) => [...path, "viewer_protocol_policy"])
    ];
  }
  const config = ["DistributionConfig"];
  return [
    [...config, "DefaultCacheBehavior", "ViewerProtocolPolicy"],
    ...itemsAt(resource, [...config, "CacheBehaviors"]).map(({ path }) => [...path, "ViewerProtocolPolicy"])
  ];
}
var cloudFrontViewerProtocol = {
  id: "IAC-CLOUDFRONT-HTTP",
  title: "CloudFront cache behavior allows plain HTTP",
  ...IN_TRANSIT,
  description: '`viewer_protocol_policy = "allow-all"` on the default or any ordered cache behavior serves that content over plain HTTP.',
  remediation: 'Set `viewer_protocol_policy = "redirect-to-https"` or `"https-only"` on every cache behavior.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: ["aws_cloudfront_distribution", "AWS::CloudFront::Distribution"],
  strength: viewerProtocol.strength,
  check: (resource) => allOf(
    resource,
    viewerProtocolPaths(resource).map((path) => ({ path, expect: viewerProtocol }))
  ),
  examples: {
    bad: [
      {
        path: "cdn.tf",
        line: 3,
        text: `resource "aws_cloudfront_distribution" "site" {
  default_cache_behavior {
    viewer_protocol_policy = "allow-all"
  }
}
`
      },
      {
        path: "cdn.tf.json",
        line: 6,
        text: `{
  "resource": {
    "aws_cloudfront_distribution": {
      "site": {
        "default_cache_behavior": {
          "viewer_protocol_policy": "allow-all"
        }
      }
    }
  }
}
`
      },
      {
        path: "cdn.tf",
        line: 7,
        text: `resource "aws_cloudfront_distribution" "site" {
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
  }
  ordered_cache_behavior {
    path_pattern           = "/legacy/*"
    viewer_protocol_policy = "allow-all"
  }
}
`
      }
    ],
    good: [
      {
        path: "cdn.tf",
        text: `resource "aws_cloudfront_distribution" "site" {
  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
  }
}
`
      }
    ]
  }
};
var CLASSIC = "aws_elb";
var CFN_CLASSIC = "AWS::ElasticLoadBalancing::LoadBalancer";
var LISTENER_PROTOCOLS = ["HTTP", "TCP", "SSL", "HTTPS"];
var upper = (value) => typeof value === "string" ? value.toUpperCase() : "";
var SECURE_LISTENER = {
  expected: '"HTTPS" or "SSL"',
  test: (value) => ["HTTPS", "SSL"].includes(upper(value)),
  strength: (value) => LISTENER_PROTOCOLS.includes(upper(value)) ? LISTENER_PROTOCOLS.indexOf(upper(value)) : void 0
};
function checkClassicListeners(resource) {
  const terraform = resource.format === "terraform";
  const listeners = itemsAt(resource, [terraform ? "listener" : "Listeners"]);
  const key = terraform ? "lb_protocol" : "Protocol";
  return allOf(
    resource,
    listeners.map(({ path }) => ({ path: [...path, key], expect: SECURE_LISTENER }))
  );
}
var classicElbListener = {
  id: "IAC-ELB-CLASSIC-PLAIN-LISTENER",
  title: "Classic Load Balancer listener without TLS",
  ...IN_TRANSIT,
  description: "A Classic Load Balancer (`aws_elb`, `AWS::ElasticLoadBalancing::LoadBalancer`) listener whose `lb_protocol` is `http` or `tcp` takes client traffic, PHI included, in clear text. Every such listener is its own finding.",
  remediation: 'Make every listener `lb_protocol = "https"` (or `"ssl"`) with an `ssl_certificate_id`; better, move to an Application Load Balancer.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: [CLASSIC, CFN_CLASSIC],
  strength: SECURE_LISTENER.strength,
  check: checkClassicListeners,
  examples: {
    bad: [
      {
        path: "elb.tf",
        line: 6,
        text: `resource "aws_elb" "legacy" {
  name = "legacy"
  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_protocol       = "http"
    lb_port           = 80
  }
}
`
      },
      {
        path: "elb.yaml",
        line: 9,
        text: `Resources:
  Legacy:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: "80"
          InstancePort: "8080"
          InstanceProtocol: HTTP
          Protocol: HTTP
`
      }
    ],
    good: [
      {
        path: "elb.tf",
        text: `resource "aws_elb" "legacy" {
  name = "legacy"
  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_protocol        = "https"
    lb_port            = 443
    ssl_certificate_id = var.certificate_arn
  }
}
`
      }
    ]
  }
};
var classicElbAccessLogs = attributeRule({
  id: "IAC-ELB-CLASSIC-ACCESS-LOGS",
  title: "Classic Load Balancer access logs are off",
  family: "terraform",
  severity: "medium",
  safeguard: "audit-controls",
  description: "Access logs of a Classic Load Balancer record every request it handled: who reached which system holding PHI, and when. Without an `access_logs` block (CloudFormation `AccessLoggingPolicy`) nothing is recorded; in the block, `enabled` defaults to true.",
  remediation: 'Add `access_logs { bucket = "...", enabled = true }` (CloudFormation `AccessLoggingPolicy: {Enabled: true, S3BucketName: ...}`).',
  targets: [
    tf(CLASSIC, ["access_logs", 0, "enabled"], { absent: true, when: (resource) => valueAt(resource.values, ["access_logs"]) !== void 0 }),
    tf(CLASSIC, ["access_logs"], { absent: false }),
    cfn(CFN_CLASSIC, ["AccessLoggingPolicy", "Enabled"], { absent: false })
  ],
  expect: mustBeTrue,
  examples: {
    bad: [
      { path: "elb.tf", line: 1, text: `resource "aws_elb" "legacy" {
  name = "legacy"
}
` },
      {
        path: "elb.yaml",
        line: 6,
        text: `Resources:
  Legacy:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AccessLoggingPolicy:
        Enabled: false
        S3BucketName: elb-logs
`
      }
    ],
    good: [{ path: "elb.tf", text: `resource "aws_elb" "legacy" {
  name = "legacy"
  access_logs {
    bucket = "elb-logs"
  }
}
` }]
  }
});
var POLICY = "aws_load_balancer_policy";
var LISTENER_POLICY = "aws_load_balancer_listener_policy";
var SSL_NEGOTIATION = "SSLNegotiationPolicyType";
var CLASSIC_DEFAULT_POLICY = "ELBSecurityPolicy-2016-08";
var LEGACY_PROTOCOLS = ["Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"];
function negotiationVerdicts(resource, path, key) {
  const verdicts = itemsAt(resource, path).flatMap(({ path: itemPath, value: item }) => {
    const name = valueAt(item, [key.name]);
    const valuePath = [...itemPath, key.value];
    if (isUnresolved(name)) return [{ verdict: "unknown", path: itemPath, expression: name.expression }];
    if (name === "Reference-Security-Policy") return [judgeValue(valuePath, valueAt(item, [key.value]), elbTls122, "Reference-Security-Policy")];
    if (typeof name === "string" && LEGACY_PROTOCOLS.includes(name))
      return [judgeValue(valuePath, valueAt(item, [key.value]), { ...mustBeFalse, expected: `false (${TLS12_OR_LATER})` }, name)];
    return [];
  });
  const failing = verdicts.filter((verdict) => verdict.verdict !== "pass");
  return failing.length ? failing : [verdicts.at(-1) ?? { verdict: "pass", path, actual: "no protocol older than TLS 1.2 enabled" }];
}
function defaultPolicyVerdict(path, port) {
  return {
    verdict: "fail",
    path,
    actual: CLASSIC_DEFAULT_POLICY,
    expected: elbTls122.expected,
    message: `the ${describeValue(port)} listener has no SSL negotiation policy, so the load balancer's default ${CLASSIC_DEFAULT_POLICY} applies (TLS 1.0 and 1.1 allowed); expected ${elbTls122.expected}`
  };
}
function terraformClassicListeners(resource, context) {
  const attached = referencing(resource, context, [LISTENER_POLICY], ["load_balancer_name"]);
  return itemsAt(resource, ["listener"]).flatMap(({ path, value }) => {
    const protocol = valueAt(value, ["lb_protocol"]);
    if (isUnresolved(protocol)) return [{ verdict: "unknown", path: [...path, "lb_protocol"], expression: protocol.expression }];
    if (!SECURE_LISTENER.test(protocol)) return [];
    const port = valueAt(value, ["lb_port"]);
    const policy = attached.find((candidate) => {
      const policyPort = candidate.values.load_balancer_port;
      return isUnresolved(policyPort) || isUnresolved(port) || String(policyPort) === String(port);
    });
    return [policy ? { verdict: "pass", path, actual: policy.address, providedBy: policy.address } : defaultPolicyVerdict(path, port)];
  });
}
function cloudFormationClassic(resource) {
  const verdicts = [];
  const negotiation = /* @__PURE__ */ new Set();
  for (const { path, value } of itemsAt(resource, ["Policies"])) {
    const type = valueAt(value, ["PolicyType"]);
    if (isUnresolved(type)) verdicts.push({ verdict: "unknown", path: [...path, "PolicyType"], expression: type.expression });
    if (type !== SSL_NEGOTIATION) continue;
    negotiation.add(String(valueAt(value, ["PolicyName"])));
    verdicts.push(...negotiationVerdicts(resource, [...path, "Attributes"], { name: "Name", value: "Value" }));
  }
  for (const { path, value } of itemsAt(resource, ["Listeners"])) {
    const protocol = valueAt(value, ["Protocol"]);
    if (isUnresolved(protocol)) verdicts.push({ verdict: "unknown", path: [...path, "Protocol"], expression: protocol.expression });
    if (!SECURE_LISTENER.test(protocol)) continue;
    const names = valueAt(value, ["PolicyNames"]);
    if (isUnresolved(names)) verdicts.push({ verdict: "unknown", path: [...path, "PolicyNames"], expression: names.expression });
    else if (!(Array.isArray(names) ? names : []).some((name) => isUnresolved(name) || negotiation.has(String(name))))
      verdicts.push(defaultPolicyVerdict(path, valueAt(value, ["LoadBalancerPort"])));
  }
  const failing = verdicts.filter((verdict) => verdict.verdict !== "pass");
  return failing.length ? failing : verdicts.slice(-1);
}
var classicElbTlsPolicy = {
  id: "IAC-ELB-CLASSIC-TLS-POLICY",
  title: "Classic Load Balancer negotiates TLS older than 1.2",
  ...IN_TRANSIT,
  description: `A Classic Load Balancer's HTTPS and SSL listeners negotiate with an SSL negotiation policy (\`aws_load_balancer_policy\` with \`policy_type_name = "${SSL_NEGOTIATION}"\` attached by \`aws_load_balancer_listener_policy\`; CloudFormation \`Policies\` with \`PolicyType: ${SSL_NEGOTIATION}\` named in the listener's \`PolicyNames\`). A \`Reference-Security-Policy\` older than TLS 1.2, or \`Protocol-TLSv1\` / \`Protocol-TLSv1.1\` / \`Protocol-SSLv3\` set to true, lets clients negotiate broken protocols. A listener with no policy gets the load balancer's default, ${CLASSIC_DEFAULT_POLICY}, which allows TLS 1.0 and 1.1: it is reported on its listener block. A \`Reference-Security-Policy\` that is not a predefined \`ELBSecurityPolicy-\u2026\` name is reported too: nothing shows what it allows.`,
  remediation: 'Attach an SSL negotiation policy to every HTTPS/SSL listener with `Reference-Security-Policy = "ELBSecurityPolicy-TLS-1-2-2017-01"` (and no `Protocol-TLSv1`/`Protocol-TLSv1.1` set to true); better, move to an Application Load Balancer with a TLS 1.2 policy.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: [POLICY, CLASSIC, CFN_CLASSIC],
  strength: elbTls122.strength,
  check: (resource, context) => {
    if (resource.type === CFN_CLASSIC) return cloudFormationClassic(resource);
    if (resource.type === CLASSIC) return terraformClassicListeners(resource, context);
    const type = decide(resource, ["policy_type_name"], (value) => value === SSL_NEGOTIATION);
    if (isUndecided(type)) return undecidedVerdict(type);
    return type ? negotiationVerdicts(resource, ["policy_attribute"], { name: "name", value: "value" }) : void 0;
  },
  examples: {
    bad: [
      {
        path: "elb.tf",
        line: 7,
        text: `resource "aws_load_balancer_policy" "tls" {
  load_balancer_name = aws_elb.legacy.name
  policy_name        = "legacy-tls"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-2016-08"
  }
}
`
      },
      {
        path: "elb.tf",
        line: 3,
        text: `resource "aws_elb" "legacy" {
  name = "legacy"
  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = var.certificate_arn
  }
}
`
      },
      {
        path: "elb.yaml",
        line: 12,
        text: `Resources:
  Legacy:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Policies:
        - PolicyName: legacy-tls
          PolicyType: SSLNegotiationPolicyType
          Attributes:
            - Name: Reference-Security-Policy
              Value: ELBSecurityPolicy-TLS-1-2-2017-01
            - Name: Protocol-TLSv1
              Value: "true"
      Listeners:
        - LoadBalancerPort: "443"
          InstancePort: "8443"
          Protocol: HTTPS
          SSLCertificateId: !Ref Certificate
          PolicyNames: [legacy-tls]
`
      },
      {
        path: "elb.yaml",
        line: 6,
        text: `Resources:
  Legacy:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: "443"
          InstancePort: "8443"
          Protocol: HTTPS
          SSLCertificateId: !Ref Certificate
`
      }
    ],
    good: [
      {
        path: "elb.tf",
        text: `resource "aws_elb" "legacy" {
  name = "legacy"
  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = var.certificate_arn
  }
}

resource "aws_load_balancer_policy" "tls" {
  load_balancer_name = aws_elb.legacy.name
  policy_name        = "tls12"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_listener_policy" "tls" {
  load_balancer_name = aws_elb.legacy.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls.policy_name]
}
`
      },
      {
        path: "elb.yaml",
        text: `Resources:
  Legacy:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Policies:
        - PolicyName: tls12
          PolicyType: SSLNegotiationPolicyType
          Attributes:
            - Name: Reference-Security-Policy
              Value: ELBSecurityPolicy-TLS-1-2-2017-01
      Listeners:
        - LoadBalancerPort: "443"
          InstancePort: "8443"
          Protocol: HTTPS
          SSLCertificateId: !Ref Certificate
          PolicyNames: [tls12]
`
      }
    ]
  }
};
var DISTRIBUTION = "aws_cloudfront_distribution";
var CFN_DISTRIBUTION = "AWS::CloudFront::Distribution";
var originProtocol = oneOf(["https-only"], '"https-only"', ["http-only", "match-viewer", "https-only"]);
var originSslProtocols = {
  expected: "TLSv1.2 only (no SSLv3, TLSv1, TLSv1.1)",
  test: (value) => Array.isArray(value) && value.length > 0 && value.every((protocol) => protocol === "TLSv1.2")
};
function checkOrigins(resource) {
  const terraform = resource.format === "terraform";
  const origins = itemsAt(resource, terraform ? ["origin"] : ["DistributionConfig", "Origins"]);
  const rows = origins.flatMap(({ path, value }) => {
    const configPath = terraform ? [...path, "custom_origin_config", 0] : [...path, "CustomOriginConfig"];
    if (valueAt(value, terraform ? ["custom_origin_config"] : ["CustomOriginConfig"]) === void 0) return [];
    return [
      { path: [...configPath, terraform ? "origin_protocol_policy" : "OriginProtocolPolicy"], expect: originProtocol },
      {
        path: [...configPath, terraform ? "origin_ssl_protocols" : "OriginSSLProtocols"],
        absent: terraform ? void 0 : ["TLSv1", "SSLv3"],
        expect: originSslProtocols
      }
    ];
  });
  return rows.length ? allOf(resource, rows) : void 0;
}
var cloudFrontOriginTls = {
  id: "IAC-CLOUDFRONT-ORIGIN-TLS",
  title: "CloudFront reaches a custom origin without TLS 1.2",
  ...IN_TRANSIT,
  description: "Between CloudFront and a custom origin, `origin_protocol_policy` other than `https-only` sends requests (PHI included) in clear text, and `origin_ssl_protocols` with SSLv3, TLSv1 or TLSv1.1 lets that leg negotiate a broken protocol. Every origin is judged; each failing attribute is its own finding.",
  remediation: 'Set `origin_protocol_policy = "https-only"` and `origin_ssl_protocols = ["TLSv1.2"]` in every `custom_origin_config`.',
  formats: ["terraform", "cloudformation"],
  resourceTypes: [DISTRIBUTION, CFN_DISTRIBUTION],
  strength: originProtocol.strength,
  check: checkOrigins,
  examples: {
    bad: [
      {
        path: "cdn.tf",
        line: 6,
        text: `resource "aws_cloudfront_distribution" "site" {
  origin {
    domain_name = "api.example.org"
    origin_id   = "api"
    custom_origin_config {
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      http_port              = 80
      https_port             = 443
    }
  }
}
`
      },
      {
        path: "cdn.yaml",
        line: 11,
        text: `Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins:
          - DomainName: api.example.org
            Id: api
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1, TLSv1.2]
`
      }
    ],
    good: [
      {
        path: "cdn.tf",
        text: `resource "aws_cloudfront_distribution" "site" {
  origin {
    domain_name = "api.example.org"
    origin_id   = "api"
    custom_origin_config {
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
      http_port              = 80
      https_port             = 443
    }
  }
}
`
      }
    ]
  }
};
var loggingConfig = attributeRule({
  id: "IAC-CLOUDFRONT-LOGGING",
  title: "CloudFront access logging is off",
  family: "terraform",
  severity: "medium",
  safeguard: "audit-controls",
  description: "Access logs of a CloudFront distribution record every viewer request: who fetched which content, and when. Without `logging_config` (CloudFormation `DistributionConfig.Logging`) or a CloudWatch log delivery source for the distribution that a delivery sends somewhere (`aws_cloudwatch_log_delivery_source` + `aws_cloudwatch_log_delivery`, CloudFormation `AWS::Logs::DeliverySource` + `AWS::Logs::Delivery`: standard logging v2) in the same module or template, nothing is recorded.",
  remediation: 'Add `logging_config { bucket = "cdn-logs.s3.amazonaws.com" }` to the distribution, or an `aws_cloudwatch_log_delivery_source` with `log_type = "ACCESS_LOGS"` for it and an `aws_cloudwatch_log_delivery` to a destination.',
  targets: [tf(DISTRIBUTION, ["logging_config", 0, "bucket"]), cfn(CFN_DISTRIBUTION, ["DistributionConfig", "Logging", "Bucket"])],
  expect: mustBeSet,
  examples: {
    bad: [{ path: "cdn.tf", line: 1, text: `resource "aws_cloudfront_distribution" "site" {
  enabled = true
}
` }],
    good: [
      {
        path: "cdn.tf",
        text: `resource "aws_cloudfront_distribution" "site" {
  enabled = true
  logging_config {
    bucket = "cdn-logs.s3.amazonaws.com"
  }
}
`
      },
      {
        path: "cdn-v2.tf",
        text: `resource "aws_cloudfront_distribution" "site" {
  enabled = true
}

resource "aws_cloudwatch_log_delivery_source" "site" {
  name         = "site"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.site.arn
}

resource "aws_cloudwatch_log_delivery" "site" {
  delivery_source_name     = aws_cloudwatch_log_delivery_source.site.name
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.s3.arn
}
`
      }
    ]
  }
});
var DELIVERY = {
  terraform: {
    source: "aws_cloudwatch_log_delivery_source",
    sourceArn: "resource_arn",
    delivery: "aws_cloudwatch_log_delivery",
    sourceName: "delivery_source_name",
    name: "name"
  },
  cloudformation: {
    source: "AWS::Logs::DeliverySource",
    sourceArn: "ResourceArn",
    delivery: "AWS::Logs::Delivery",
    sourceName: "DeliverySourceName",
    name: "Name"
  }
};
function logDelivery(resource, context) {
  const shape = DELIVERY[resource.format];
  if (!shape) return void 0;
  for (const source of referencing(resource, context, [shape.source], [shape.sourceArn])) {
    const name = valueAt(source.values, [shape.name]);
    const delivered = context.resources.some(
      (delivery) => delivery.type === shape.delivery && (refersTo(valueAt(delivery.values, [shape.sourceName]), source) || name !== void 0 && valueAt(delivery.values, [shape.sourceName]) === name)
    );
    if (delivered) return source.address;
  }
  return void 0;
}
var cloudFrontLogging = {
  ...loggingConfig,
  check: (resource, context) => {
    const legacy = loggingConfig.check(resource, context);
    if (verdictList(legacy).some((verdict) => verdict.verdict !== "fail")) return legacy;
    const source = logDelivery(resource, context);
    return source === void 0 ? legacy : { verdict: "pass", path: [], actual: source, providedBy: source };
  }
};
var cloudFrontWaf = attributeRule({
  id: "IAC-CLOUDFRONT-WAF",
  title: "CloudFront distribution has no WAF",
  family: "terraform",
  severity: "medium",
  safeguard: "access-control",
  description: "A CloudFront distribution without `web_acl_id` (CloudFormation `DistributionConfig.WebACLId`) passes every request to its origins unfiltered.",
  remediation: "Set `web_acl_id` to a WAFv2 web ACL (scope `CLOUDFRONT`) ARN.",
  targets: [tf(DISTRIBUTION, ["web_acl_id"]), cfn(CFN_DISTRIBUTION, ["DistributionConfig", "WebACLId"])],
  expect: mustBeSet,
  examples: {
    bad: [{ path: "cdn.tf", line: 1, text: `resource "aws_cloudfront_distribution" "site" {
  enabled = true
}
` }],
    good: [{ path: "cdn.tf", text: `resource "aws_cloudfront_distribution" "site" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.edge.arn
}
` }]
  }
});
var LOAD_BALANCING_RULES = [
  lbListenerTlsPolicy,
  lbHttpRedirect,
  lbAccessLogs,
  lbDropInvalidHeaders,
  lbWafAssociation,
  lbInternetFacing,
  cloudFrontMinimumProtocol,
  cloudFrontViewerProtocol,
  classicElbListener,
  classicElbAccessLogs,
  classicElbTlsPolicy,
  cloudFrontOriginTls,
  cloudFrontLogging,
  cloudFrontWaf
];

// checks/infra/rules/gcp-azure.ts
var GCP_TLS = ["TLS_1_0", "TLS_1_1", "TLS_1_2", "TLS_1_3"];
var gcpSslPolicy = attributeRule({
  id: "IAC-GCP-SSL-POLICY",
  title: "GCP SSL policy allows TLS older than 1.2",
  ...IN_TRANSIT,
  description: "A `google_compute_ssl_policy` without `min_tls_version` accepts TLS 1.0 on every load balancer that uses it.",
  remediation: 'Set `min_tls_version = "TLS_1_2"` and `profile = "MODERN"` or `"RESTRICTED"`.',
  targets: [tf("google_compute_ssl_policy", ["min_tls_version"], { absent: "TLS_1_0" })],
  expect: tlsAtLeast(GCP_TLS, 2),
  examples: {
    bad: [{ path: "gcp.tf", line: 1, text: `resource "google_compute_ssl_policy" "front" {
  name    = "front"
  profile = "MODERN"
}
` }],
    good: [
      {
        path: "gcp.tf",
        text: `resource "google_compute_ssl_policy" "front" {
  name            = "front"
  profile         = "MODERN"
  min_tls_version = "TLS_1_2"
}
`
      }
    ]
  }
});
var isStrongSuite = (suite) => typeof suite === "string" && (/^TLS_ECDHE_/.test(suite) || /^TLS_(AES|CHACHA20)_/.test(suite)) && !suite.includes("3DES");
var gcpSslPolicyCiphers = attributeRule({
  id: "IAC-GCP-SSL-POLICY-CIPHERS",
  title: "GCP SSL policy offers cipher suites without forward secrecy",
  ...IN_TRANSIT,
  description: 'A `google_compute_ssl_policy` with `profile = "CUSTOM"` offers exactly the suites in `custom_features`. A suite with RSA key exchange (`TLS_RSA_WITH_\u2026`) has no forward secrecy: whoever obtains the certificate\'s private key later decrypts every recorded session, PHI included; 3DES suites are broken outright. (The predefined profiles are judged by `IAC-GCP-SSL-POLICY` on their minimum TLS version.)',
  remediation: 'Keep only ECDHE suites with AES-GCM or ChaCha20 in `custom_features` (e.g. `TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384`, `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`), or use `profile = "RESTRICTED"`.',
  targets: [
    tf("google_compute_ssl_policy", ["custom_features"], { absent: [], when: (resource) => decide(resource, ["profile"], (profile) => profile === "CUSTOM") })
  ],
  expect: {
    expected: "only ECDHE or TLS 1.3 suites, no 3DES",
    test: (value) => Array.isArray(value) && value.every(isStrongSuite)
  },
  examples: {
    bad: [
      {
        path: "gcp.tf",
        line: 5,
        text: `resource "google_compute_ssl_policy" "front" {
  name            = "front"
  profile         = "CUSTOM"
  min_tls_version = "TLS_1_2"
  custom_features = ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384"]
}
`
      }
    ],
    good: [
      {
        path: "gcp.tf",
        text: `resource "google_compute_ssl_policy" "front" {
  name            = "front"
  profile         = "CUSTOM"
  min_tls_version = "TLS_1_2"
  custom_features = ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]
}
`
      }
    ]
  }
});
var SINGLE_SERVERS = ["azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"];
var AZURE_STORAGE_TLS = ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"];
var AZURE_TLS = ["1.0", "1.1", "1.2", "1.3"];
var WEB_APPS = [
  "azurerm_linux_web_app",
  "azurerm_windows_web_app",
  "azurerm_linux_function_app",
  "azurerm_windows_function_app",
  "azurerm_linux_web_app_slot",
  "azurerm_windows_web_app_slot",
  "azurerm_linux_function_app_slot",
  "azurerm_windows_function_app_slot"
];
var LEGACY_APPS = ["azurerm_app_service", "azurerm_function_app", "azurerm_app_service_slot", "azurerm_function_app_slot"];
var azureMinTls = attributeRule({
  id: "IAC-AZURE-MIN-TLS",
  title: "Azure service accepts TLS older than 1.2",
  ...IN_TRANSIT,
  description: "Storage accounts, SQL servers, PostgreSQL and MySQL single servers, Redis caches, Service Bus and Event Hubs namespaces, and App Service and Function apps (and their slots) each carry their own minimum TLS version; 1.0 or 1.1 (or `TLSEnforcementDisabled`) lets clients negotiate broken protocols. Where the default depends on the provider or API version (storage accounts, Redis caches, Service Bus namespaces, PostgreSQL and MySQL single servers), an absent attribute is judged as the weaker default, which an older or imported resource keeps: write the version down.",
  remediation: 'Set `min_tls_version = "TLS1_2"` (storage), `minimum_tls_version = "1.2"` (SQL, Redis, `site_config` of `azurerm_*_web_app` / `azurerm_*_function_app` and slots), `site_config { min_tls_version = "1.2" }` (`azurerm_app_service`, `azurerm_function_app`).',
  targets: [
    // azurerm 2 and the Azure API before 2023 default to TLS1_0 (azurerm 3 sends TLS1_2): judge the weaker.
    tf("azurerm_storage_account", ["min_tls_version"], { absent: "TLS1_0" }),
    tf("azurerm_mssql_server", ["minimum_tls_version"], { absent: "1.2" }),
    // azurerm 3 sends "1.0" when the attribute is absent (4 sends "1.2"): judge the weaker.
    tf("azurerm_redis_cache", ["minimum_tls_version"], { absent: "1.0" }),
    ...WEB_APPS.map((type) => tf(type, ["site_config", 0, "minimum_tls_version"], { absent: "1.2" })),
    ...LEGACY_APPS.map((type) => tf(type, ["site_config", 0, "min_tls_version"], { absent: "1.2" })),
    // Namespaces made through an API version before 2022-01-01-preview (azurerm 2) default to 1.0, and an imported one keeps it.
    tf("azurerm_servicebus_namespace", ["minimum_tls_version"], { absent: "1.0" }),
    tf("azurerm_eventhub_namespace", ["minimum_tls_version"], { absent: "1.2" }),
    // azurerm 2 and the Azure API default to TLSEnforcementDisabled (azurerm 3 sends TLS1_2): judge the weaker.
    ...SINGLE_SERVERS.filter((type) => type !== "azurerm_mariadb_server").map(
      (type) => tf(type, ["ssl_minimal_tls_version_enforced"], { absent: "TLSEnforcementDisabled" })
    )
  ],
  expect: {
    expected: '"TLS1_2" / "1.2" or later',
    test: (value) => [...AZURE_STORAGE_TLS.slice(2), ...AZURE_TLS.slice(2)].includes(String(value)),
    strength: (value) => {
      const index = Math.max(AZURE_STORAGE_TLS.indexOf(String(value)), AZURE_TLS.indexOf(String(value)));
      return index < 0 ? void 0 : index;
    }
  },
  examples: {
    bad: [
      { path: "azure.tf", line: 3, text: `resource "azurerm_storage_account" "phi" {
  name            = "phirecords"
  min_tls_version = "TLS1_0"
}
` },
      {
        path: "azure.tf",
        line: 1,
        text: `resource "azurerm_postgresql_server" "phi" {
  name                    = "phi-db"
  ssl_enforcement_enabled = true
}
`
      }
    ],
    good: [{ path: "azure.tf", text: `resource "azurerm_storage_account" "phi" {
  name            = "phirecords"
  min_tls_version = "TLS1_2"
}
` }]
  }
});
var azureHttpsOnly = attributeRule({
  id: "IAC-AZURE-HTTPS-ONLY",
  title: "Azure app or storage account accepts plain HTTP",
  ...IN_TRANSIT,
  description: "App Service apps serve plain HTTP unless `https_only = true`; storage accounts do unless HTTPS-only traffic stays on.",
  remediation: "Set `https_only = true` on apps; keep `https_traffic_only_enabled` (`enable_https_traffic_only` before azurerm 4) true on storage accounts.",
  targets: [
    ...[...WEB_APPS, ...LEGACY_APPS].map((type) => tf(type, ["https_only"], { absent: false })),
    tf("azurerm_storage_account", ["https_traffic_only_enabled"], {
      absent: true,
      when: (resource) => resource.values.enable_https_traffic_only === void 0
    }),
    tf("azurerm_storage_account", ["enable_https_traffic_only"])
  ],
  expect: mustBeTrue,
  examples: {
    bad: [{ path: "azure.tf", line: 1, text: `resource "azurerm_linux_web_app" "portal" {
  name = "portal"
}
` }],
    good: [{ path: "azure.tf", text: `resource "azurerm_linux_web_app" "portal" {
  name       = "portal"
  https_only = true
}
` }]
  }
});
var FLEXIBLE_CONFIGURATIONS = ["azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration"];
var sslEnforced = {
  expected: 'true (flexible servers: require_secure_transport "ON")',
  test: (value) => value === true || typeof value === "string" && ["true", "on"].includes(value.toLowerCase()),
  strength: (value) => value === true || typeof value === "string" && ["true", "on"].includes(value.toLowerCase()) ? 1 : 0
};
var azureDatabaseSsl = attributeRule({
  id: "IAC-AZURE-DB-SSL",
  title: "Azure database server accepts connections without TLS",
  ...IN_TRANSIT,
  description: "An Azure Database for PostgreSQL, MySQL or MariaDB single server with `ssl_enforcement_enabled = false`, or a flexible server whose `require_secure_transport` configuration is `OFF`, accepts clients that send PHI and credentials in clear text.",
  remediation: "Set `ssl_enforcement_enabled = true` on single servers; on flexible servers keep `require_secure_transport` at `ON` (remove the configuration resource that turns it off).",
  targets: [
    ...SINGLE_SERVERS.map((type) => tf(type, ["ssl_enforcement_enabled"], { absent: false })),
    ...FLEXIBLE_CONFIGURATIONS.map(
      (type) => tf(type, ["value"], { when: (resource) => decide(resource, ["name"], (name) => name === "require_secure_transport") })
    )
  ],
  expect: sslEnforced,
  examples: {
    bad: [
      {
        path: "db.tf",
        line: 3,
        text: `resource "azurerm_postgresql_server" "phi" {
  name                    = "phi"
  ssl_enforcement_enabled = false
}
`
      },
      {
        path: "flexible.tf",
        line: 4,
        text: `resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name      = "require_secure_transport"
  server_id = azurerm_mysql_flexible_server.phi.id
  value     = "OFF"
}
`
      }
    ],
    good: [
      {
        path: "db.tf",
        text: `resource "azurerm_postgresql_server" "phi" {
  name                             = "phi"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}
`
      }
    ]
  }
});
var azureRedisNonSslPort = attributeRule({
  id: "IAC-AZURE-REDIS-NON-SSL-PORT",
  title: "Azure Cache for Redis opens its non-TLS port",
  ...IN_TRANSIT,
  description: "With the non-TLS port (6379) enabled, clients can read and write cached data, PHI included, in clear text.",
  remediation: "Set `non_ssl_port_enabled = false` (`enable_non_ssl_port` before azurerm 4) and connect on 6380 with TLS.",
  targets: [
    tf("azurerm_redis_cache", ["non_ssl_port_enabled"], { when: (resource) => resource.values.non_ssl_port_enabled !== void 0 }),
    tf("azurerm_redis_cache", ["enable_non_ssl_port"], { absent: false })
  ],
  expect: mustBeFalse,
  examples: {
    bad: [
      {
        path: "cache.tf",
        line: 3,
        text: `resource "azurerm_redis_cache" "sessions" {
  name                = "sessions"
  enable_non_ssl_port = true
  minimum_tls_version = "1.2"
}
`
      }
    ],
    good: [
      {
        path: "cache.tf",
        text: `resource "azurerm_redis_cache" "sessions" {
  name                 = "sessions"
  non_ssl_port_enabled = false
  minimum_tls_version  = "1.2"
}
`
      }
    ]
  }
});
var APIM_LEGACY_FLAGS = ["ssl30", "tls10", "tls11"].flatMap(
  (version) => ["frontend", "backend"].flatMap((side) => [`enable_${side}_${version}`, `enable_${side.replace("end", "_end")}_${version}`, `${side}_${version}_enabled`])
);
var azureApiManagementTls = {
  id: "IAC-AZURE-APIM-LEGACY-TLS",
  title: "Azure API Management accepts SSL 3.0, TLS 1.0 or 1.1",
  ...IN_TRANSIT,
  description: "An API Management service whose `security` block enables SSL 3.0, TLS 1.0 or TLS 1.1 on the frontend (clients) or backend (APIs) lets that leg negotiate a broken protocol. Each enabled flag is its own finding.",
  remediation: "Remove the `enable_*_ssl30` / `enable_*_tls10` / `enable_*_tls11` flags (azurerm 4: `*_ssl30_enabled`, `*_tls10_enabled`, `*_tls11_enabled`) or set them to false.",
  formats: ["terraform"],
  resourceTypes: ["azurerm_api_management"],
  strength: mustBeFalse.strength,
  check: (resource) => allOf(
    resource,
    APIM_LEGACY_FLAGS.map((flag) => ({ path: ["security", 0, flag], absent: false, expect: mustBeFalse }))
  ),
  examples: {
    bad: [
      {
        path: "apim.tf",
        line: 4,
        text: `resource "azurerm_api_management" "gateway" {
  name = "gateway"
  security {
    enable_frontend_tls10 = true
  }
}
`
      }
    ],
    good: [
      { path: "apim.tf", text: `resource "azurerm_api_management" "gateway" {
  name = "gateway"
  security {
    enable_frontend_tls10 = false
  }
}
` }
    ]
  }
};
var SQL_SSL_MODES = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"];
function checkCloudSqlSsl(resource) {
  const base = ["settings", 0, "ip_configuration", 0];
  const mode = valueAt(resource.values, [...base, "ssl_mode"]);
  if (mode !== void 0)
    return judgeValue(
      [...base, "ssl_mode"],
      mode,
      { expected: SQL_SSL_MODES.map((name) => `"${name}"`).join(" or "), test: (value) => SQL_SSL_MODES.includes(String(value)) },
      "ssl_mode"
    );
  return judgeValue([...base, "require_ssl"], valueAt(resource.values, [...base, "require_ssl"]) ?? false, mustBeTrue, "ip_configuration.require_ssl");
}
var gcpCloudSqlSsl = {
  id: "IAC-GCP-SQL-REQUIRE-SSL",
  title: "Cloud SQL instance accepts connections without TLS",
  ...IN_TRANSIT,
  description: "A Cloud SQL instance accepts unencrypted client connections unless `ip_configuration` sets `ssl_mode` to `ENCRYPTED_ONLY` or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` (or, in older configurations, `require_ssl = true`).",
  remediation: 'Set `settings { ip_configuration { ssl_mode = "ENCRYPTED_ONLY" } }`.',
  formats: ["terraform"],
  resourceTypes: ["google_sql_database_instance"],
  check: checkCloudSqlSsl,
  examples: {
    bad: [
      {
        path: "sql.tf",
        line: 5,
        text: `resource "google_sql_database_instance" "phi" {
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
    }
  }
}
`
      }
    ],
    good: [
      {
        path: "sql.tf",
        text: `resource "google_sql_database_instance" "phi" {
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}
`
      }
    ]
  }
};
function checkHttpsRedirect(resource, context) {
  const reference = valueAt(resource.values, ["url_map"]);
  const map = context.resources.find((candidate) => candidate.type === "google_compute_url_map" && refersTo(reference, candidate));
  if (!map) {
    const expression = isUnresolved(reference) ? reference.expression : String(reference);
    return { verdict: "unknown", path: ["url_map"], expression: `${expression} (the URL map is not in this module)` };
  }
  const verdict = judgeValue(
    ["url_map"],
    valueAt(map.values, ["default_url_redirect", 0, "https_redirect"]) ?? false,
    mustBeTrue,
    `${map.address} default_url_redirect.https_redirect`
  );
  return verdict.verdict === "fail" ? {
    ...verdict,
    message: `plain-HTTP proxy serves ${map.address}, which does not redirect to HTTPS (default_url_redirect.https_redirect is not true); expected a URL map that redirects every request`
  } : verdict;
}
var gcpHttpsRedirect = {
  id: "IAC-GCP-HTTP-NO-REDIRECT",
  title: "GCP HTTP load balancer does not redirect to HTTPS",
  ...IN_TRANSIT,
  description: "A `google_compute_target_http_proxy` serves plain HTTP: unless its URL map is a redirect (`default_url_redirect { https_redirect = true }`), clients that start on `http://` send PHI in clear text. The URL map is looked up in the same module.",
  remediation: "Point the HTTP proxy at a URL map with `default_url_redirect { https_redirect = true, strip_query = false }`.",
  formats: ["terraform"],
  resourceTypes: ["google_compute_target_http_proxy"],
  check: checkHttpsRedirect,
  examples: {
    bad: [
      {
        path: "lb.tf",
        line: 7,
        text: `resource "google_compute_url_map" "web" {
  name            = "web"
  default_service = google_compute_backend_service.web.id
}
resource "google_compute_target_http_proxy" "web" {
  name    = "web"
  url_map = google_compute_url_map.web.id
}
`
      }
    ],
    good: [
      {
        path: "lb.tf",
        text: `resource "google_compute_url_map" "redirect" {
  name = "redirect"
  default_url_redirect {
    https_redirect = true
    strip_query    = false
  }
}
resource "google_compute_target_http_proxy" "web" {
  name    = "web"
  url_map = google_compute_url_map.redirect.id
}
`
      }
    ]
  }
};
var GCP_AZURE_RULES = [
  gcpSslPolicy,
  gcpSslPolicyCiphers,
  azureMinTls,
  azureHttpsOnly,
  azureDatabaseSsl,
  azureRedisNonSslPort,
  azureApiManagementTls,
  gcpCloudSqlSsl,
  gcpHttpsRedirect
];

// checks/infra/rules/index.ts
var INFRA_RULES = [
  ...LOAD_BALANCING_RULES,
  ...DATA_RULES,
  ...AUDIT_RULES,
  ...ACCESS_RULES,
  ...S3_ACCESS_RULES,
  ...GCP_AZURE_RULES,
  ...KUBERNETES_RULES,
  ...NGINX_RULES
];

// checks/environments/examples.ts
var TWO_ENVIRONMENTS = `environments:
  production:
    paths: ["infra/prod/**"]
    identifiers: { accounts: ["111111111111"], vpcs: ["vpc-0prod1234"], cidrs: ["10.10.0.0/16"], names: ["prod-*"] }
  staging:
    paths: ["infra/staging/**"]
    identifiers: { accounts: ["222222222222"], cidrs: ["10.20.0.0/16"] }
`;
var bucket = (name) => `resource "aws_s3_bucket" "exports" {
  bucket = "${name}"
}
`;
var backend = (key) => `terraform {
  backend "s3" {
    bucket = "acme-tfstate"
    key    = "${key}"
  }
}
`;
var ingress = (cidr) => `resource "aws_security_group_rule" "db_in" {
  type        = "ingress"
  from_port   = 5432
  to_port     = 5432
  cidr_blocks = ["${cidr}"]
}
`;
var vpc = (cidr) => `resource "aws_vpc" "main" {
  cidr_block = "${cidr}"
}
`;
var ENV_RULE_EXAMPLES = {
  "ENV-CROSS-REFERENCE": {
    bad: [
      {
        config: TWO_ENVIRONMENTS,
        files: { "infra/staging/app.tfvars": 'reports_bucket = "arn:aws:s3:::prod-phi-reports"\n' },
        at: "infra/staging/app.tfvars:1"
      }
    ],
    good: [{ config: TWO_ENVIRONMENTS, files: { "infra/staging/app.tfvars": 'reports_bucket = "arn:aws:s3:::staging-reports"\n' } }]
  },
  "ENV-SHARED-RESOURCE": {
    bad: [
      {
        config: TWO_ENVIRONMENTS,
        files: { "infra/prod/s3.tf": bucket("acme-phi-exports"), "infra/staging/s3.tf": bucket("acme-phi-exports") },
        at: "infra/staging/s3.tf:2"
      }
    ],
    good: [{ config: TWO_ENVIRONMENTS, files: { "infra/prod/s3.tf": bucket("acme-phi-exports"), "infra/staging/s3.tf": bucket("acme-staging-exports") } }]
  },
  "ENV-SHARED-STATE": {
    bad: [
      {
        config: "",
        files: { "envs/prod/main.tf": backend("app.tfstate"), "envs/staging/main.tf": backend("app.tfstate") },
        at: "envs/staging/main.tf:3"
      }
    ],
    good: [{ config: "", files: { "envs/prod/main.tf": backend("prod/app.tfstate"), "envs/staging/main.tf": backend("staging/app.tfstate") } }]
  },
  "ENV-NETWORK-PATH": {
    bad: [{ config: TWO_ENVIRONMENTS, files: { "infra/staging/sg.tf": ingress("10.10.0.0/16") }, at: "infra/staging/sg.tf:5" }],
    good: [{ config: TWO_ENVIRONMENTS, files: { "infra/staging/sg.tf": ingress("10.20.0.0/16") } }]
  },
  "ENV-CIDR-OVERLAP": {
    bad: [{ config: TWO_ENVIRONMENTS, files: { "infra/staging/vpc.tf": vpc("10.10.0.0/20") }, at: "infra/staging/vpc.tf:2" }],
    good: [{ config: TWO_ENVIRONMENTS, files: { "infra/staging/vpc.tf": vpc("10.20.0.0/16") } }]
  },
  "ENV-AMBIGUOUS-PATH": {
    bad: [
      {
        config: 'environments:\n  production: { paths: ["infra/**"] }\n  staging: { paths: ["infra/staging/**"] }\n',
        files: { "infra/staging/main.tf": vpc("10.20.0.0/16") },
        at: "infra/staging/main.tf:1"
      }
    ],
    good: [
      {
        config: 'environments:\n  production: { paths: ["infra/prod/**"] }\n  staging: { paths: ["infra/staging/**"] }\n',
        files: { "infra/staging/main.tf": vpc("10.20.0.0/16") }
      }
    ]
  }
};

// checks/environments/rules.ts
var ACCESS_CONTROL = { family: "environment", safeguard: "access-control", citation: citationOf("access-control") };
var ENV_CROSS_REFERENCE = {
  id: "ENV-CROSS-REFERENCE",
  title: "A file of one environment names another environment\u2019s resource",
  severity: "high",
  ...ACCESS_CONTROL,
  description: "A file that belongs to one environment references an identifier of another: an account id or ARN, a VPC id, a CIDR, a host name, a namespace, a bucket, database, secret, cluster or state file. Non-production code that reaches production data bypasses production\u2019s access controls; production that depends on staging inherits staging\u2019s weaker ones. Graded high when production is one side, medium between two non-production environments.",
  remediation: "Point the file at its own environment\u2019s resource (a variable per environment, a per-environment tfvars or overlay). If the dependency is deliberate, document it and suppress this finding with a reason."
};
var ENV_SHARED_RESOURCE = {
  id: "ENV-SHARED-RESOURCE",
  title: "Two environments share one resource",
  severity: "high",
  ...ACCESS_CONTROL,
  description: "Two environments declare the same bucket, data store host, database, KMS key, secret, cluster, VPC or cloud account. Whoever can act in the weaker environment then acts on the stronger one\u2019s resource.",
  remediation: "Give each environment its own resource (and, for production, its own account) and copy only de-identified data across."
};
var ENV_SHARED_STATE = {
  id: "ENV-SHARED-STATE",
  title: "Two environments share one Terraform state",
  severity: "high",
  ...ACCESS_CONTROL,
  description: "Two environments configure the same Terraform backend location (bucket and key, prefix or path). A plan run for one environment then reads and rewrites the other\u2019s state, and whoever can apply in one can destroy the other.",
  remediation: "Give each environment its own state key, and production its own state bucket with its own access policy."
};
var ENV_NETWORK_PATH = {
  id: "ENV-NETWORK-PATH",
  title: "A network path connects two environments",
  severity: "high",
  ...ACCESS_CONTROL,
  description: "A VPC peering connection, transit gateway attachment, security-group or firewall rule, network ACL, route or Kubernetes NetworkPolicy in one environment admits or reaches another environment\u2019s VPC, CIDR, account or namespace. Environments that can reach each other are one environment for an attacker.",
  remediation: "Remove the peering, attachment or rule. Move data between environments through a reviewed, one-way export instead of a network path."
};
var ENV_CIDR_OVERLAP = {
  id: "ENV-CIDR-OVERLAP",
  title: "Two environments use overlapping address ranges",
  severity: "medium",
  ...ACCESS_CONTROL,
  description: "Network ranges of two environments overlap. Rules written as \u201Cadmit this environment\u2019s CIDR\u201D then admit the other environment too, and the ranges cannot be told apart in logs or firewalls.",
  remediation: "Give every environment a disjoint address range and renumber the one that overlaps."
};
var ENV_AMBIGUOUS_PATH = {
  id: "ENV-AMBIGUOUS-PATH",
  title: "A file belongs to two environments",
  severity: "medium",
  ...ACCESS_CONTROL,
  description: "The `paths` globs of two or more environments match the same file, so hipaa-guard cannot tell which environment it configures, and does not check it for separation until exactly one does.",
  remediation: "Narrow the `paths` globs in `.github/hipaa-guard.yml` (or move the file) so that exactly one environment claims it."
};
var RULES = [ENV_CROSS_REFERENCE, ENV_SHARED_RESOURCE, ENV_SHARED_STATE, ENV_NETWORK_PATH, ENV_CIDR_OVERLAP, ENV_AMBIGUOUS_PATH];
var ENV_RULES = RULES.map((rule) => ({ ...rule, examples: ENV_RULE_EXAMPLES[rule.id] }));

export {
  unresolved,
  isUnresolved,
  containsUnknown,
  firstUnknown,
  verdictList,
  moduleInstanceOf,
  refersTo,
  valueAt,
  describeValue,
  protocolRank,
  INFRA_RULES,
  PARSE_ERROR_RULE,
  SUPPRESSION_INVALID_RULE,
  GENERAL_RULES,
  ENV_CROSS_REFERENCE,
  ENV_SHARED_RESOURCE,
  ENV_SHARED_STATE,
  ENV_NETWORK_PATH,
  ENV_CIDR_OVERLAP,
  ENV_AMBIGUOUS_PATH,
  ENV_RULES
};

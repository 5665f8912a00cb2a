/**
 * Which configuration block each line of an infrastructure file belongs to, found lexically so
 * that files the format parsers reject (or formats they do not cover) still get a context:
 * Terraform/HCL blocks by brace depth, CloudFormation resources and Kubernetes objects by
 * indentation. Line numbers are 1-based.
 */

/** A top-level block: a Terraform resource, a CloudFormation resource, a Kubernetes object. */
export interface Block {
  /** `aws_vpc_peering_connection`, `AWS::EC2::SecurityGroup`, `NetworkPolicy`, `terraform`. */
  type: string;
  /** The block's name: resource label, logical id or `metadata.name`; empty when it has none. */
  name: string;
  startLine: number;
  endLine: number;
}

/** What surrounds one line. */
export interface LineContext {
  block?: Block;
  /** The backend type when the line is inside a Terraform `backend "TYPE" {}` block or a `.tfbackend` file. */
  backend?: string;
}

/** Resource types through which traffic flows between networks. */
const NETWORK_TYPES: ReadonlySet<string> = new Set([
  'aws_vpc_peering_connection',
  'aws_vpc_peering_connection_accepter',
  'aws_ec2_transit_gateway_vpc_attachment',
  'aws_ec2_transit_gateway_peering_attachment',
  'aws_ec2_transit_gateway_route',
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_network_acl',
  'aws_network_acl_rule',
  'aws_route',
  'google_compute_network_peering',
  'google_compute_firewall',
  'azurerm_virtual_network_peering',
  'azurerm_network_security_rule',
  'kubernetes_network_policy',
  'kubernetes_network_policy_v1',
  'AWS::EC2::VPCPeeringConnection',
  'AWS::EC2::TransitGatewayAttachment',
  'AWS::EC2::TransitGatewayVpcAttachment',
  'AWS::EC2::TransitGatewayPeeringAttachment',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::Route',
  'NetworkPolicy',
  'CiliumNetworkPolicy',
]);
/** A peering, attachment, firewall rule, route or network policy: where traffic between networks is allowed. */
export function isNetworkBlock(block: Block): boolean {
  return NETWORK_TYPES.has(block.type);
}

export function isHclPath(path: string): boolean {
  return /\.(tf|tfvars|hcl|tfbackend)$/.test(path);
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/.test(path);
}

/** One context per line (index 0 is line 1). */
export function lineContexts(path: string, lines: readonly string[]): LineContext[] {
  if (path.endsWith('.tfbackend')) return lines.map(() => ({ backend: 'file' }));
  if (isHclPath(path)) return hclContexts(lines);
  if (isYamlPath(path)) return yamlContexts(lines);
  return lines.map(() => ({}));
}

interface OpenBlock {
  block?: Block;
  backend?: string;
}

type Mode = { kind: 'string' } | { kind: 'interpolation'; depth: number };

/** Tracks HCL braces outside strings, comments and heredocs. */
function hclContexts(lines: readonly string[]): LineContext[] {
  const contexts: LineContext[] = [];
  const stack: OpenBlock[] = [];
  const modes: Mode[] = [];
  let heredoc: string | undefined;
  let inBlockComment = false;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const context: LineContext = contextOf(stack);
    contexts.push(context);
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      return;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      const next = line[i + 1];
      const mode = modes.at(-1);
      if (inBlockComment) {
        if (c === '*' && next === '/') {
          inBlockComment = false;
          i++;
        }
        continue;
      }
      if (mode?.kind === 'string') {
        if (c === '\\') i++;
        else if (c === '"') modes.pop();
        else if (c === '$' && next === '{') {
          modes.push({ kind: 'interpolation', depth: 0 });
          i++;
        }
        continue;
      }
      if (c === '"') modes.push({ kind: 'string' });
      else if (c === '#' || (c === '/' && next === '/')) break;
      else if (c === '/' && next === '*') {
        inBlockComment = true;
        i++;
      } else if (c === '<' && next === '<' && !mode) {
        const marker = /^<<-?\s*([A-Za-z_]\w*)\s*$/.exec(line.slice(i));
        if (marker?.[1]) {
          heredoc = marker[1];
          break;
        }
      } else if (c === '{') {
        if (mode) mode.depth++;
        else openHclBlock(stack, line.slice(0, i), lineNumber, context);
      } else if (c === '}') {
        if (mode && mode.depth > 0) mode.depth--;
        else if (mode) modes.pop();
        else closeHclBlock(stack, lineNumber);
      }
    }
  });
  return contexts;
}

const RESOURCE_HEADER = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"\s*$/;
const NAMED_HEADER = /^\s*(module|provider|variable|output|locals|terraform)\b(?:\s+"([^"]*)")?\s*$/;
const BACKEND_HEADER = /^\s*backend\s+"([^"]+)"\s*$/;

function openHclBlock(stack: OpenBlock[], header: string, line: number, context: LineContext): void {
  const open: OpenBlock = {};
  const backend = BACKEND_HEADER.exec(header);
  if (backend?.[1]) {
    open.backend = backend[1];
    context.backend ??= backend[1];
  }
  if (stack.length === 0) {
    const resource = RESOURCE_HEADER.exec(header);
    const named = NAMED_HEADER.exec(header);
    const type = resource ? (resource[1] === 'data' ? `data.${resource[2]}` : resource[2]) : named?.[1];
    const name = resource ? resource[3] : named?.[2];
    open.block = { type: type ?? 'block', name: name ?? '', startLine: line, endLine: line };
    context.block ??= open.block;
  }
  stack.push(open);
}

function closeHclBlock(stack: OpenBlock[], line: number): void {
  const closed = stack.pop();
  if (closed?.block) closed.block.endLine = line;
}

function contextOf(stack: readonly OpenBlock[]): LineContext {
  const context: LineContext = {};
  const block = stack[0]?.block;
  if (block) context.block = block;
  const backend = stack.find((open) => open.backend)?.backend;
  if (backend) context.backend = backend;
  return context;
}

const YAML_KEY = /^([A-Za-z_][\w.-]*)\s*:(.*)$/;

/** Kubernetes objects (one per document) and CloudFormation resources (children of `Resources:`). */
function yamlContexts(lines: readonly string[]): LineContext[] {
  const blocks: Block[] = [];
  let documentStart = 1;
  let kind: string | undefined;
  let objectName = '';
  let topKey = '';
  let resourceIndent: number | undefined;
  let resource: Block | undefined;
  let lastContent = 0;
  const closeDocument = () => {
    if (kind) blocks.push({ type: kind, name: objectName, startLine: documentStart, endLine: Math.max(documentStart, lastContent) });
    kind = undefined;
    objectName = '';
  };
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (/^---/.test(line)) {
      closeDocument();
      documentStart = lineNumber;
      topKey = '';
      return;
    }
    const text = line.trimStart();
    if (!text || text.startsWith('#')) return;
    lastContent = lineNumber;
    const indent = line.length - text.length;
    const key = YAML_KEY.exec(text);
    const name = key?.[1] ?? '';
    const value = (key?.[2] ?? '').trim().replace(/^["']|["']$/g, '');
    if (indent === 0) {
      topKey = name;
      resourceIndent = undefined;
      resource = undefined;
      if (name === 'kind') kind = value;
      return;
    }
    if (topKey === 'metadata' && name === 'name' && !objectName) objectName = value;
    if (topKey !== 'Resources') return;
    resourceIndent ??= indent;
    if (indent === resourceIndent && key) {
      resource = { type: 'resource', name, startLine: lineNumber, endLine: lineNumber };
      blocks.push(resource);
    } else if (resource && indent > resourceIndent) {
      resource.endLine = lineNumber;
      if (name === 'Type' && resource.type === 'resource') resource.type = value;
    }
  });
  closeDocument();
  return lines.map((_, index) => {
    const line = index + 1;
    // A CloudFormation resource is narrower than its document: prefer it.
    const inside = blocks.filter((block) => block.startLine <= line && line <= block.endLine);
    const block = inside.sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
    return block ? { block } : {};
  });
}

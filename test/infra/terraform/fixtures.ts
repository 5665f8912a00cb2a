/**
 * Repositories shaped like real Terraform layouts (written for these tests): a root that calls
 * local modules two levels deep with a terraform.tfvars, in the style of terraform-aws-modules'
 * `examples/complete` calling `../../`, and a load-balancer module whose listeners come from a
 * `for_each` over an input map and whose security group rules are `dynamic` blocks.
 */
export type Tree = Record<string, string>;

export const EDGE_MODULE: Tree = {
  'modules/edge/variables.tf': `variable "name" {
  type = string
}

variable "listeners" {
  description = "Listeners by name"
  type = map(object({
    port       = number
    protocol   = optional(string, "HTTPS")
    ssl_policy = optional(string, "ELBSecurityPolicy-TLS13-1-2-2021-06")
  }))
  default = {}
}

variable "ingress_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

variable "logging" {
  type    = bool
  default = true
}
`,
  'modules/edge/main.tf': `resource "aws_lb" "this" {
  name               = var.name
  load_balancer_type = "application"
  drop_invalid_header_fields = true

  access_logs {
    bucket  = "\${var.name}-lb-logs"
    enabled = var.logging
  }
}

resource "aws_lb_listener" "this" {
  for_each = var.listeners

  load_balancer_arn = aws_lb.this.arn
  port              = each.value.port
  protocol          = each.value.protocol
  ssl_policy        = each.value.protocol == "HTTPS" ? each.value.ssl_policy : null
  certificate_arn   = module.certs.arn

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1"
  }
}

resource "aws_security_group" "lb" {
  name = "\${var.name}-lb"

  dynamic "ingress" {
    for_each = toset([for listener in values(var.listeners) : listener.port])
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = var.ingress_cidrs
    }
  }
}

module "certs" {
  source = "./certs"
  domain = "\${var.name}.example.org"
}
`,
  'modules/edge/certs/main.tf': `variable "domain" {
  type = string
}

resource "aws_acm_certificate" "this" {
  domain_name       = var.domain
  validation_method = "DNS"
}

output "arn" {
  value = aws_acm_certificate.this.arn
}
`,
};

export const ROOT = (tfvars: string, call = ''): Tree => ({
  'live/prod/main.tf': `terraform {
  required_version = ">= 1.5"
}

module "edge" {
  source = "../../modules/edge"

  name          = "phi-\${var.environment}"
  listeners     = var.listeners
  ingress_cidrs = local.office_cidrs${call}
}

locals {
  office_cidrs = [for index in range(2) : cidrsubnet("10.20.0.0/16", 8, index)]
}
`,
  'live/prod/variables.tf': `variable "environment" {
  type = string
}

variable "listeners" {
  type = any
}
`,
  'live/prod/terraform.tfvars': tfvars,
});

export const TFVARS = (policy: string) => `environment = "prod"

listeners = {
  https = {
    port       = 443
    ssl_policy = "${policy}"
  }
  http = {
    port     = 80
    protocol = "HTTP"
  }
}
`;

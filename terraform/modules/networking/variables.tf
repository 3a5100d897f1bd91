variable "name" {
  type        = string
  description = "Prefix for every resource name, for example voyager-prod."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name))
    error_message = "name must be 3-31 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 CIDR of the VPC."

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr)) && tonumber(split("/", var.vpc_cidr)[1]) <= 20
    error_message = "vpc_cidr must be an IPv4 CIDR of /20 or larger."
  }
}

variable "availability_zones" {
  type        = list(string)
  description = "Availability zones, in order; subnet i of each tier is placed in zone i."

  validation {
    condition     = length(var.availability_zones) >= 2 && length(distinct(var.availability_zones)) == length(var.availability_zones)
    error_message = "availability_zones must list at least two distinct zones."
  }
}

variable "public_subnet_cidrs" {
  type        = list(string)
  description = "CIDRs of the public subnets (ALB and NAT gateways), one per availability zone, same order."

  validation {
    condition     = length(var.public_subnet_cidrs) == length(var.availability_zones) && alltrue([for c in var.public_subnet_cidrs : can(cidrnetmask(c))])
    error_message = "public_subnet_cidrs must hold one IPv4 CIDR per availability zone."
  }
}

variable "private_subnet_cidrs" {
  type        = list(string)
  description = "CIDRs of the private subnets (Kubernetes nodes), one per availability zone, same order."

  validation {
    condition     = length(var.private_subnet_cidrs) == length(var.availability_zones) && alltrue([for c in var.private_subnet_cidrs : can(cidrnetmask(c))])
    error_message = "private_subnet_cidrs must hold one IPv4 CIDR per availability zone."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "true: one NAT gateway in the first zone for every private subnet (cheaper, not zone-fault-tolerant). false: one NAT gateway per zone."
}

variable "ingress_node_port" {
  type        = number
  description = "NodePort on which the NGINX ingress controller serves HTTPS; the only port the ALB may reach on the nodes."

  validation {
    condition     = var.ingress_node_port >= 30000 && var.ingress_node_port <= 32767
    error_message = "ingress_node_port must be in the Kubernetes NodePort range 30000-32767."
  }
}

variable "flow_log_retention_days" {
  type        = number
  description = "Days to keep VPC flow logs. PCI DSS 10.5.1 asks for at least one year of audit history."

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be a CloudWatch Logs retention value of at least 365."
  }
}

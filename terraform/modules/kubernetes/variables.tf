variable "cluster_name" {
  type        = string
  description = "Name of the EKS cluster, for example voyager-prod."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,38}$", var.cluster_name))
    error_message = "cluster_name must be 3-39 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Environment name; the IRSA roles may read only Secrets Manager secrets named <environment>/voyager-gateway/*."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "kubernetes_version" {
  type        = string
  description = "EKS Kubernetes minor version, for example 1.34."

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must look like 1.34."
  }
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets, one per availability zone, for the control-plane ENIs and the nodes."

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "private_subnet_ids must span at least two availability zones."
  }
}

variable "public_subnet_ids" {
  type        = list(string)
  description = "Public subnets, one per availability zone, for the internet-facing ALB."

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "An ALB needs subnets in at least two availability zones."
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC of the cluster, for the ALB target group."

  validation {
    condition     = can(regex("^vpc-", var.vpc_id))
    error_message = "vpc_id must be a VPC ID (vpc-...)."
  }
}

variable "alb_security_group_id" {
  type        = string
  description = "Security group of the public ALB (from the networking module)."

  validation {
    condition     = can(regex("^sg-", var.alb_security_group_id))
    error_message = "alb_security_group_id must be a security group ID (sg-...)."
  }
}

variable "node_security_group_id" {
  type        = string
  description = "Security group of the nodes (from the networking module), added to the EKS cluster security group."

  validation {
    condition     = can(regex("^sg-", var.node_security_group_id))
    error_message = "node_security_group_id must be a security group ID (sg-...)."
  }
}

variable "endpoint_public_access_cidrs" {
  type        = list(string)
  description = "CIDRs allowed to reach the public Kubernetes API endpoint. Empty: the endpoint is private only."

  validation {
    condition     = alltrue([for c in var.endpoint_public_access_cidrs : can(cidrnetmask(c)) && tonumber(split("/", c)[1]) >= 8])
    error_message = "endpoint_public_access_cidrs must be IPv4 CIDRs no wider than /8; the API is never open to the world."
  }
}

variable "control_plane_log_types" {
  type        = list(string)
  description = "EKS control-plane log types sent to CloudWatch Logs."

  validation {
    condition     = length(var.control_plane_log_types) > 0 && alltrue([for t in var.control_plane_log_types : contains(["api", "audit", "authenticator", "controllerManager", "scheduler"], t)])
    error_message = "control_plane_log_types must be a non-empty subset of api, audit, authenticator, controllerManager, scheduler."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Days to keep control-plane logs. PCI DSS 10.5.1 asks for at least one year."

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention value of at least 365."
  }
}

variable "node_instance_types" {
  type        = list(string)
  description = "EC2 instance types of the managed node group, in order of preference."

  validation {
    condition     = length(var.node_instance_types) > 0
    error_message = "node_instance_types must name at least one instance type."
  }
}

variable "node_capacity_type" {
  type        = string
  description = "ON_DEMAND or SPOT."

  validation {
    condition     = contains(["ON_DEMAND", "SPOT"], var.node_capacity_type)
    error_message = "node_capacity_type must be ON_DEMAND or SPOT."
  }
}

variable "node_scaling" {
  type = object({
    min     = number
    desired = number
    max     = number
  })
  description = "Node count bounds of the managed node group; the cluster autoscaler moves desired within them."

  validation {
    condition     = var.node_scaling.min >= 1 && var.node_scaling.min <= var.node_scaling.desired && var.node_scaling.desired <= var.node_scaling.max
    error_message = "node_scaling must satisfy 1 <= min <= desired <= max."
  }
}

variable "node_disk_size_gib" {
  type        = number
  description = "Root volume size of each node, GiB (gp3, encrypted with the cluster CMK)."

  validation {
    condition     = var.node_disk_size_gib >= 20 && var.node_disk_size_gib <= 500
    error_message = "node_disk_size_gib must be between 20 and 500."
  }
}

variable "ingress_node_port" {
  type        = number
  description = "NodePort on which the NGINX ingress controller serves HTTPS; the ALB target group points at it."

  validation {
    condition     = var.ingress_node_port >= 30000 && var.ingress_node_port <= 32767
    error_message = "ingress_node_port must be in the Kubernetes NodePort range 30000-32767."
  }
}

variable "acm_certificate_arn" {
  type        = string
  description = "ACM certificate served by the ALB's HTTPS listener."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/", var.acm_certificate_arn))
    error_message = "acm_certificate_arn must be an ACM certificate ARN."
  }
}

variable "alb_deletion_protection" {
  type        = bool
  description = "Refuse to delete the ALB through the API (on in prod)."
}

variable "secrets_kms_key_arn" {
  type        = string
  description = "CMK that encrypts the processor secrets; the IRSA roles may decrypt with it only through Secrets Manager."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:", var.secrets_kms_key_arn))
    error_message = "secrets_kms_key_arn must be a KMS key ARN."
  }
}

variable "gateway_service_account" {
  type = object({
    namespace = string
    name      = string
  })
  description = "Kubernetes ServiceAccount of the gateway pods, trusted by the gateway IRSA role."

  validation {
    condition     = alltrue([for n in [var.gateway_service_account.namespace, var.gateway_service_account.name] : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", n))])
    error_message = "gateway_service_account namespace and name must be Kubernetes DNS labels."
  }
}

variable "eso_service_account" {
  type = object({
    namespace = string
    name      = string
  })
  description = "Kubernetes ServiceAccount of External Secrets Operator, trusted by the ESO IRSA role."

  validation {
    condition     = alltrue([for n in [var.eso_service_account.namespace, var.eso_service_account.name] : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", n))])
    error_message = "eso_service_account namespace and name must be Kubernetes DNS labels."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for what the provider's default_tags cannot reach: instances, volumes and network interfaces launched by the node group."

  validation {
    condition     = alltrue([for k in ["Project", "Environment", "Owner"] : contains(keys(var.tags), k)])
    error_message = "tags must carry at least Project, Environment and Owner."
  }
}

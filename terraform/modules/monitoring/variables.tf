variable "name" {
  type        = string
  description = "Prefix for alarm, topic and dashboard names, for example voyager-prod."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name))
    error_message = "name must be 3-31 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "alb_arn_suffix" {
  type        = string
  description = "ARN suffix of the public ALB (CloudWatch LoadBalancer dimension)."

  validation {
    condition     = can(regex("^app/", var.alb_arn_suffix))
    error_message = "alb_arn_suffix must look like app/<name>/<id>."
  }
}

variable "target_group_arn_suffix" {
  type        = string
  description = "ARN suffix of the ingress target group (CloudWatch TargetGroup dimension)."

  validation {
    condition     = can(regex("^targetgroup/", var.target_group_arn_suffix))
    error_message = "target_group_arn_suffix must look like targetgroup/<name>/<id>."
  }
}

variable "nat_gateway_ids" {
  type        = map(string)
  description = "NAT gateway IDs by availability zone; each gets its own error alarms."

  validation {
    condition     = length(var.nat_gateway_ids) > 0
    error_message = "nat_gateway_ids must name at least one NAT gateway."
  }
}

variable "node_autoscaling_group_name" {
  type        = string
  description = "Auto Scaling group of the Kubernetes nodes, for the status-check alarm."

  validation {
    condition     = length(var.node_autoscaling_group_name) > 0
    error_message = "node_autoscaling_group_name must not be empty."
  }
}

variable "alarm_email_addresses" {
  type        = list(string)
  description = "Addresses subscribed to the alarm topic (each must confirm the subscription). Pager integrations subscribe to the topic ARN instead."

  validation {
    condition     = alltrue([for a in var.alarm_email_addresses : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", a))])
    error_message = "alarm_email_addresses must be e-mail addresses."
  }
}

variable "error_rate_threshold_percent" {
  type        = number
  description = "Alarm when 5xx responses exceed this share of ALB requests over 5 minutes."

  validation {
    condition     = var.error_rate_threshold_percent > 0 && var.error_rate_threshold_percent < 100
    error_message = "error_rate_threshold_percent must be between 0 and 100."
  }
}

variable "p99_latency_threshold_seconds" {
  type        = number
  description = "Alarm when the p99 target response time exceeds this many seconds over 5 minutes (SLO: 0.5)."

  validation {
    condition     = var.p99_latency_threshold_seconds > 0
    error_message = "p99_latency_threshold_seconds must be positive."
  }
}

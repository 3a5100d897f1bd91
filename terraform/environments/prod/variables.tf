variable "account_id" {
  type        = string
  description = "AWS account that holds this environment; the provider refuses to touch any other."

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account ID."
  }
}

variable "region" {
  type        = string
  description = "AWS region of the environment."
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as us-east-1."
  }
}

variable "acm_certificate_arn" {
  type        = string
  description = "ACM certificate of the merchant-facing hostname, served by the ALB."
}

variable "rotation_lambda_arn" {
  type        = string
  description = "Lambda function that rotates the processor API keys."
}

variable "rotation_lambda_role_arn" {
  type        = string
  description = "Execution role of the rotation Lambda."
}

variable "secret_operator_role_arns" {
  type        = list(string)
  description = "Roles that may write (never read) processor secret values: onboarding and break-glass."
}

variable "alarm_email_addresses" {
  type        = list(string)
  description = "E-mail addresses subscribed to the alarm topic."
  default     = []
}

variable "endpoint_public_access_cidrs" {
  type        = list(string)
  description = "Admin CIDRs allowed to reach the Kubernetes API from outside the VPC; empty keeps it private."
  default     = []
}

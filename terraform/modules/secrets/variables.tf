variable "environment" {
  type        = string
  description = "Environment name; secrets are named <environment>/voyager-gateway/<processor>."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "processors" {
  type        = set(string)
  description = "Payment processors that get a credentials secret."

  validation {
    condition     = length(var.processors) > 0 && alltrue([for p in var.processors : can(regex("^[a-z][a-z0-9-]*$", p))])
    error_message = "processors must be non-empty lowercase names."
  }
}

variable "rotation_lambda_arn" {
  type        = string
  description = "ARN of the Lambda function that rotates the processor API keys (deployed outside this configuration)."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9-_]+$", var.rotation_lambda_arn))
    error_message = "rotation_lambda_arn must be a Lambda function ARN without a version or alias."
  }
}

variable "rotation_lambda_role_arn" {
  type        = string
  description = "Execution role of the rotation Lambda; the secrets' resource policy lets it read and write them."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", var.rotation_lambda_role_arn))
    error_message = "rotation_lambda_role_arn must be an IAM role ARN."
  }
}

variable "rotation_days" {
  type        = number
  description = "Rotate every processor secret after this many days."

  validation {
    condition     = var.rotation_days >= 1 && var.rotation_days <= 90
    error_message = "rotation_days must be between 1 and 90 (PCI DSS key rotation at least every 90 days)."
  }
}

variable "reader_role_arns" {
  type        = list(string)
  description = "IAM roles allowed to read the secret values (the gateway and External Secrets Operator IRSA roles)."

  validation {
    condition     = length(var.reader_role_arns) > 0 && alltrue([for r in var.reader_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", r))])
    error_message = "reader_role_arns must be a non-empty list of IAM role ARNs."
  }
}

variable "operator_role_arns" {
  type        = list(string)
  description = "IAM roles that may write a secret value by hand: the first value at processor onboarding, and break-glass replacement. They cannot read values."

  validation {
    condition     = alltrue([for r in var.operator_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", r))])
    error_message = "operator_role_arns must be IAM role ARNs."
  }
}

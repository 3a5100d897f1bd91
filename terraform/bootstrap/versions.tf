terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # Local state on purpose: this configuration creates the bucket every other state lives in. Use one
  # workspace per account (terraform workspace select -or-create prod) and keep its state file safe.
  backend "local" {}
}

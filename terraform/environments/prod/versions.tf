terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # Created once by terraform/bootstrap. Backend blocks cannot read variables: for another bucket, run
  # init with -backend-config="bucket=..." (and the same for dynamodb_table and kms_key_id).
  backend "s3" {
    bucket         = "voyager-terraform-state-prod"
    key            = "environments/prod/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "voyager-terraform-locks"
    encrypt        = true
    kms_key_id     = "alias/voyager-terraform-state"
  }
}

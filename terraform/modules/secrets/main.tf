data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  secret_name_prefix = "${var.environment}/voyager-gateway/"
  # Who may read and who may write a secret value, whatever their IAM policies say. Operators can seed
  # or replace a value but never read one back.
  secret_value_readers = concat(var.reader_role_arns, [var.rotation_lambda_role_arn])
  secret_value_writers = concat(var.operator_role_arns, [var.rotation_lambda_role_arn])
}

# ---------------------------------------------------------------- CMK

data "aws_iam_policy_document" "secrets_key" {
  statement {
    sid       = "AccountAdministersKey"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "SecretsManagerUsesKeyForThisAccount"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${local.region}.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_kms_key" "secrets" {
  description             = "voyager-gateway ${var.environment} processor credentials"
  enable_key_rotation     = true
  rotation_period_in_days = 90
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.secrets_key.json
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/voyager-gateway-${var.environment}-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}

# ---------------------------------------------------------------- secrets
# Only the containers are declared here. The first value is written by an operator role at processor
# onboarding (aws secretsmanager put-secret-value), later ones by the rotation Lambda; never by Terraform.

resource "aws_secretsmanager_secret" "processor" {
  for_each = var.processors

  name                    = "${local.secret_name_prefix}${each.key}"
  description             = "voyager-gateway credentials for ${each.key}: JSON with apiKey, merchantAccountId and optional webhookSecret"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 30
}

resource "aws_lambda_permission" "rotation" {
  statement_id   = "voyager-gateway-${var.environment}-secrets-rotation"
  action         = "lambda:InvokeFunction"
  function_name  = var.rotation_lambda_arn
  principal      = "secretsmanager.amazonaws.com"
  source_account = local.account_id
}

resource "aws_secretsmanager_secret_rotation" "processor" {
  for_each = aws_secretsmanager_secret.processor

  secret_id           = each.value.id
  rotation_lambda_arn = var.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = var.rotation_days
  }

  depends_on = [aws_lambda_permission.rotation]
}

data "aws_iam_policy_document" "processor_secret" {
  for_each = aws_secretsmanager_secret.processor

  statement {
    sid       = "OnlyNamedRolesReadTheValue"
    effect    = "Deny"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [each.value.arn]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalArn"
      values   = local.secret_value_readers
    }
  }

  statement {
    sid       = "OnlyRotationAndOperatorsWriteTheValue"
    effect    = "Deny"
    actions   = ["secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"]
    resources = [each.value.arn]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalArn"
      values   = local.secret_value_writers
    }
  }
}

resource "aws_secretsmanager_secret_policy" "processor" {
  for_each = aws_secretsmanager_secret.processor

  secret_arn          = each.value.arn
  policy              = data.aws_iam_policy_document.processor_secret[each.key].json
  block_public_policy = true
}

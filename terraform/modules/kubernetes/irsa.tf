# IRSA roles for the gateway pods and for External Secrets Operator. Each role trusts exactly one
# ServiceAccount through the cluster's OIDC provider, and may only read this environment's
# voyager-gateway secrets.

locals {
  oidc_issuer = replace(aws_eks_cluster.this.identity[0].oidc[0].issuer, "https://", "")

  # Secrets Manager appends a random 6-character suffix to every secret ARN, hence the trailing *.
  secret_name_prefix = "${var.environment}/voyager-gateway/"
  processor_secrets  = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:${local.secret_name_prefix}*"

  irsa_service_accounts = {
    gateway = var.gateway_service_account
    eso     = var.eso_service_account
  }
}

data "aws_iam_policy_document" "irsa_trust" {
  for_each = local.irsa_service_accounts

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.cluster.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${each.value.namespace}:${each.value.name}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

# Read-only access to the processor secrets, and decryption with their CMK only on behalf of Secrets Manager.
data "aws_iam_policy_document" "read_processor_secrets" {
  statement {
    sid       = "ReadVoyagerGatewaySecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [local.processor_secrets]
  }

  statement {
    sid       = "DecryptThroughSecretsManager"
    actions   = ["kms:Decrypt"]
    resources = [var.secrets_kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["secretsmanager.${local.region}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "gateway" {
  name               = "${var.cluster_name}-voyager-gateway"
  description        = "IRSA role of ${var.gateway_service_account.namespace}/${var.gateway_service_account.name}"
  assume_role_policy = data.aws_iam_policy_document.irsa_trust["gateway"].json
}

resource "aws_iam_role_policy" "gateway" {
  name   = "read-processor-secrets"
  role   = aws_iam_role.gateway.id
  policy = data.aws_iam_policy_document.read_processor_secrets.json
}

resource "aws_iam_role" "eso" {
  name               = "${var.cluster_name}-external-secrets"
  description        = "IRSA role of ${var.eso_service_account.namespace}/${var.eso_service_account.name}"
  assume_role_policy = data.aws_iam_policy_document.irsa_trust["eso"].json
}

resource "aws_iam_role_policy" "eso" {
  name   = "read-processor-secrets"
  role   = aws_iam_role.eso.id
  policy = data.aws_iam_policy_document.read_processor_secrets.json
}

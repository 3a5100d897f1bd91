output "secret_arns" {
  description = "Secret ARNs by processor."
  value       = { for p, s in aws_secretsmanager_secret.processor : p => s.arn }
}

output "secret_names" {
  description = "Secret names by processor (<environment>/voyager-gateway/<processor>), as ExternalSecrets reference them."
  value       = { for p, s in aws_secretsmanager_secret.processor : p => s.name }
}

output "kms_key_arn" {
  description = "CMK encrypting the processor secrets."
  value       = aws_kms_key.secrets.arn
}

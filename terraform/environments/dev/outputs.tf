# Read by src-deploy: `terraform -chdir=terraform/environments/dev output -raw <name>`.

output "cluster_name" {
  description = "EKS cluster name, for aws eks update-kubeconfig."
  value       = module.kubernetes.cluster_name
}

output "gateway_irsa_role_arn" {
  description = "eks.amazonaws.com/role-arn of ServiceAccount voyager/voyager-gateway."
  value       = module.kubernetes.gateway_irsa_role_arn
}

output "eso_irsa_role_arn" {
  description = "eks.amazonaws.com/role-arn of ServiceAccount external-secrets/external-secrets."
  value       = module.kubernetes.eso_irsa_role_arn
}

output "processor_secret_names" {
  description = "Secrets Manager names the ExternalSecrets read, by processor."
  value       = module.secrets.secret_names
}

output "alb_dns_name" {
  description = "Point the merchant-facing hostname (CNAME or alias) here."
  value       = module.kubernetes.alb_dns_name
}

output "alarm_topic_arn" {
  description = "SNS topic of the CloudWatch alarms."
  value       = module.monitoring.alarm_topic_arn
}

output "region" {
  description = "AWS region of the environment (ClusterSecretStore spec.provider.aws.region)."
  value       = var.region
}

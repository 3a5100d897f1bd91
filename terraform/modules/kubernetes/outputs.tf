output "cluster_name" {
  description = "Name of the EKS cluster (aws eks update-kubeconfig --name ...)."
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64 CA bundle of the Kubernetes API."
  value       = aws_eks_cluster.this.certificate_authority[0].data
}

output "oidc_provider_arn" {
  description = "IAM OIDC provider of the cluster, for further IRSA roles."
  value       = aws_iam_openid_connect_provider.cluster.arn
}

output "gateway_irsa_role_arn" {
  description = "IRSA role of the gateway ServiceAccount (eks.amazonaws.com/role-arn annotation)."
  value       = aws_iam_role.gateway.arn
}

output "eso_irsa_role_arn" {
  description = "IRSA role of the External Secrets Operator ServiceAccount."
  value       = aws_iam_role.eso.arn
}

output "node_autoscaling_group_name" {
  description = "Auto Scaling group behind the managed node group."
  value       = aws_eks_node_group.default.resources[0].autoscaling_groups[0].name
}

output "alb_dns_name" {
  description = "DNS name of the public ALB; point the merchant-facing hostname at it."
  value       = aws_lb.ingress.dns_name
}

output "alb_arn_suffix" {
  description = "ARN suffix of the ALB, the CloudWatch LoadBalancer dimension."
  value       = aws_lb.ingress.arn_suffix
}

output "ingress_target_group_arn_suffix" {
  description = "ARN suffix of the ingress target group, the CloudWatch TargetGroup dimension."
  value       = aws_lb_target_group.ingress.arn_suffix
}

output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnet IDs, in availability-zone order (ALB, NAT gateways)."
  value       = [for az in var.availability_zones : aws_subnet.public[az].id]
}

output "private_subnet_ids" {
  description = "Private subnet IDs, in availability-zone order (Kubernetes nodes)."
  value       = [for az in var.availability_zones : aws_subnet.private[az].id]
}

output "nat_gateway_ids" {
  description = "NAT gateway IDs by availability zone: one zone in dev, every zone in prod."
  value       = { for az, nat in aws_nat_gateway.this : az => nat.id }
}

output "alb_security_group_id" {
  description = "Security group for the public ALB."
  value       = aws_security_group.alb.id
}

output "node_security_group_id" {
  description = "Security group for the Kubernetes nodes."
  value       = aws_security_group.nodes.id
}

output "flow_log_group_name" {
  description = "CloudWatch Logs group receiving the VPC flow logs."
  value       = aws_cloudwatch_log_group.flow_logs.name
}

# Production: three NAT gateways (one per zone), nodes spread over three zones with headroom for
# 45K req/s, deletion protection on the ALB.
#
# Node sizing, from docs/benchmarks.md "Sizing for 45K req/s": 39 gateway pods of 2 vCPU (1,748
# authorizations/s each with processors answering 300 ms late; enough for the peak with 1.3 headroom and
# for the peak with one zone lost) = 78 vCPU. A c7i.2xlarge has ~7.5 allocatable vCPU, so 3 gateway pods
# per node: 13 nodes, plus one for ingress and cluster add-ons = 14, rounded up to a multiple of the 3
# zones = 15. max leaves room for HPA surges (78 pods = 26 nodes).

locals {
  environment = "prod"
  name        = "voyager-${local.environment}"

  default_tags = {
    Project            = "voyager"
    Environment        = local.environment
    Owner              = "platform"
    ManagedBy          = "terraform"
    DataClassification = "pci"
    Source             = "terraform/environments/${local.environment}"
  }

  availability_zones = [for zone in ["a", "b", "c"] : "${var.region}${zone}"]
}

module "networking" {
  source = "../../modules/networking"

  name                    = local.name
  vpc_cidr                = "10.0.0.0/16"
  availability_zones      = local.availability_zones
  public_subnet_cidrs     = ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"]
  private_subnet_cidrs    = ["10.0.48.0/20", "10.0.64.0/20", "10.0.80.0/20"]
  single_nat_gateway      = false
  ingress_node_port       = 30443
  flow_log_retention_days = 365
}

module "kubernetes" {
  source = "../../modules/kubernetes"

  cluster_name                 = local.name
  environment                  = local.environment
  kubernetes_version           = "1.34"
  vpc_id                       = module.networking.vpc_id
  private_subnet_ids           = module.networking.private_subnet_ids
  public_subnet_ids            = module.networking.public_subnet_ids
  alb_security_group_id        = module.networking.alb_security_group_id
  node_security_group_id       = module.networking.node_security_group_id
  endpoint_public_access_cidrs = var.endpoint_public_access_cidrs
  control_plane_log_types      = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  log_retention_days           = 365
  node_instance_types          = ["c7i.2xlarge", "c6i.2xlarge"]
  node_capacity_type           = "ON_DEMAND"
  node_scaling                 = { min = 15, desired = 15, max = 30 }
  node_disk_size_gib           = 50
  ingress_node_port            = 30443
  acm_certificate_arn          = var.acm_certificate_arn
  alb_deletion_protection      = true
  secrets_kms_key_arn          = module.secrets.kms_key_arn
  gateway_service_account      = { namespace = "voyager", name = "voyager-gateway" }
  eso_service_account          = { namespace = "external-secrets", name = "external-secrets" }
  tags                         = local.default_tags
}

module "secrets" {
  source = "../../modules/secrets"

  environment              = local.environment
  processors               = ["stripe", "adyen", "mercadopago"]
  rotation_lambda_arn      = var.rotation_lambda_arn
  rotation_lambda_role_arn = var.rotation_lambda_role_arn
  rotation_days            = 30
  reader_role_arns         = [module.kubernetes.gateway_irsa_role_arn, module.kubernetes.eso_irsa_role_arn]
  operator_role_arns       = var.secret_operator_role_arns
}

module "monitoring" {
  source = "../../modules/monitoring"

  name                          = local.name
  alb_arn_suffix                = module.kubernetes.alb_arn_suffix
  target_group_arn_suffix       = module.kubernetes.ingress_target_group_arn_suffix
  nat_gateway_ids               = module.networking.nat_gateway_ids
  node_autoscaling_group_name   = module.kubernetes.node_autoscaling_group_name
  alarm_email_addresses         = var.alarm_email_addresses
  error_rate_threshold_percent  = 0.1
  p99_latency_threshold_seconds = 0.5
}

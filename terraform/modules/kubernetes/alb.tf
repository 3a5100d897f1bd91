# The internet-facing ALB terminates TLS and forwards, re-encrypted, to the NGINX ingress controller's
# HTTPS NodePort on the nodes. NGINX then splits traffic between stable and canary pods.

resource "aws_lb" "ingress" {
  name                       = "${var.cluster_name}-ingress"
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [var.alb_security_group_id]
  subnets                    = var.public_subnet_ids
  drop_invalid_header_fields = true
  enable_deletion_protection = var.alb_deletion_protection
  idle_timeout               = 60
}

resource "aws_lb_target_group" "ingress" {
  name                 = "${var.cluster_name}-ingress"
  vpc_id               = var.vpc_id
  target_type          = "instance"
  protocol             = "HTTPS"
  port                 = var.ingress_node_port
  deregistration_delay = 30

  health_check {
    protocol            = "HTTPS"
    path                = "/healthz"
    matcher             = "200"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.ingress.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.acm_certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ingress.arn
  }
}

resource "aws_autoscaling_attachment" "ingress" {
  autoscaling_group_name = aws_eks_node_group.default.resources[0].autoscaling_groups[0].name
  lb_target_group_arn    = aws_lb_target_group.ingress.arn
}

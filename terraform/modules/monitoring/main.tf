data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  alb_dimensions = { LoadBalancer = var.alb_arn_suffix }
  tg_dimensions  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = var.target_group_arn_suffix }
  alarm_actions  = [aws_sns_topic.alarms.arn]
  five_minutes   = 300
  one_minute     = 60
}

# ---------------------------------------------------------------- topic

data "aws_iam_policy_document" "alarms_key" {
  statement {
    sid       = "AccountAdministersKey"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  # CloudWatch must be able to publish to the encrypted topic, or alarms fire silently. Which
  # account's alarms may publish is restricted by the topic policy below.
  statement {
    sid       = "CloudWatchPublishesAlarms"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "alarms" {
  description             = "${var.name} alarm notifications"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.alarms_key.json
}

resource "aws_kms_alias" "alarms" {
  name          = "alias/${var.name}-alarms"
  target_key_id = aws_kms_key.alarms.key_id
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = aws_kms_key.alarms.arn
}

data "aws_iam_policy_document" "alarms_topic" {
  statement {
    sid       = "CloudWatchAlarmsOfThisAccountPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.alarms_topic.json
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alarm_email_addresses)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.key
}

# ---------------------------------------------------------------- alarms

resource "aws_cloudwatch_metric_alarm" "alb_5xx_rate" {
  alarm_name          = "${var.name}-alb-5xx-rate"
  alarm_description   = "5xx responses (ALB and gateway) above ${var.error_rate_threshold_percent}% of requests for 5 minutes."
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.error_rate_threshold_percent
  evaluation_periods  = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "rate"
    expression  = "100 * (FILL(elb5xx, 0) + FILL(target5xx, 0)) / requests"
    label       = "5xx %"
    return_data = true
  }

  metric_query {
    id = "requests"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = local.alb_dimensions
      stat        = "Sum"
      period      = local.five_minutes
    }
  }

  metric_query {
    id = "elb5xx"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      dimensions  = local.alb_dimensions
      stat        = "Sum"
      period      = local.five_minutes
    }
  }

  metric_query {
    id = "target5xx"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      dimensions  = local.alb_dimensions
      stat        = "Sum"
      period      = local.five_minutes
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "target_response_time_p99" {
  alarm_name          = "${var.name}-target-response-time-p99"
  alarm_description   = "p99 target response time above ${var.p99_latency_threshold_seconds}s for 5 minutes."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = local.alb_dimensions
  extended_statistic  = "p99"
  period              = local.five_minutes
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.p99_latency_threshold_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "nat_port_allocation_errors" {
  for_each = var.nat_gateway_ids

  alarm_name          = "${var.name}-nat-${each.key}-port-allocation-errors"
  alarm_description   = "NAT gateway in ${each.key} cannot allocate source ports: outbound calls to processors fail."
  namespace           = "AWS/NATGateway"
  metric_name         = "ErrorPortAllocation"
  dimensions          = { NatGatewayId = each.value }
  statistic           = "Sum"
  period              = local.one_minute
  evaluation_periods  = 5
  datapoints_to_alarm = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "nat_packets_dropped" {
  for_each = var.nat_gateway_ids

  alarm_name          = "${var.name}-nat-${each.key}-packets-dropped"
  alarm_description   = "NAT gateway in ${each.key} is dropping packets."
  namespace           = "AWS/NATGateway"
  metric_name         = "PacketsDropCount"
  dimensions          = { NatGatewayId = each.value }
  statistic           = "Sum"
  period              = local.five_minutes
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "unhealthy_ingress_nodes" {
  alarm_name          = "${var.name}-unhealthy-ingress-nodes"
  alarm_description   = "The ALB sees nodes whose NGINX ingress does not answer its health check."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  dimensions          = local.tg_dimensions
  statistic           = "Maximum"
  period              = local.one_minute
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# The launch template turns on detailed monitoring, which publishes EC2 metrics per Auto Scaling group.
resource "aws_cloudwatch_metric_alarm" "node_status_check_failed" {
  alarm_name          = "${var.name}-node-status-check-failed"
  alarm_description   = "A Kubernetes node fails its EC2 status checks."
  namespace           = "AWS/EC2"
  metric_name         = "StatusCheckFailed"
  dimensions          = { AutoScalingGroupName = var.node_autoscaling_group_name }
  statistic           = "Maximum"
  period              = local.one_minute
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# ---------------------------------------------------------------- dashboard

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name

  dashboard_body = jsonencode({
    widgets = [
      {
        type   = "metric"
        x      = 0
        y      = 0
        width  = 12
        height = 6
        properties = {
          title  = "ALB requests and 5xx"
          region = local.region
          stat   = "Sum"
          period = local.one_minute
          metrics = [
            ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", var.alb_arn_suffix],
            ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", var.alb_arn_suffix],
            ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", var.alb_arn_suffix],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 0
        width  = 12
        height = 6
        properties = {
          title  = "Target response time"
          region = local.region
          period = local.one_minute
          metrics = [
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.alb_arn_suffix, { stat = "p50" }],
            ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", var.alb_arn_suffix, { stat = "p99" }],
          ]
          annotations = { horizontal = [{ label = "p99 alarm", value = var.p99_latency_threshold_seconds }] }
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 6
        width  = 12
        height = 6
        properties = {
          title   = "NAT gateway errors"
          region  = local.region
          stat    = "Sum"
          period  = local.one_minute
          metrics = [for az, id in var.nat_gateway_ids : ["AWS/NATGateway", "ErrorPortAllocation", "NatGatewayId", id, { label = az }]]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 6
        width  = 12
        height = 6
        properties = {
          title  = "Ingress node health"
          region = local.region
          stat   = "Maximum"
          period = local.one_minute
          metrics = [
            ["AWS/ApplicationELB", "HealthyHostCount", "LoadBalancer", var.alb_arn_suffix, "TargetGroup", var.target_group_arn_suffix],
            ["AWS/ApplicationELB", "UnHealthyHostCount", "LoadBalancer", var.alb_arn_suffix, "TargetGroup", var.target_group_arn_suffix],
          ]
        }
      },
      {
        type   = "alarm"
        x      = 0
        y      = 12
        width  = 24
        height = 4
        properties = {
          title = "Alarms"
          alarms = concat(
            [
              aws_cloudwatch_metric_alarm.alb_5xx_rate.arn,
              aws_cloudwatch_metric_alarm.target_response_time_p99.arn,
              aws_cloudwatch_metric_alarm.unhealthy_ingress_nodes.arn,
              aws_cloudwatch_metric_alarm.node_status_check_failed.arn,
            ],
            [for a in aws_cloudwatch_metric_alarm.nat_port_allocation_errors : a.arn],
            [for a in aws_cloudwatch_metric_alarm.nat_packets_dropped : a.arn],
          )
        }
      },
    ]
  })
}

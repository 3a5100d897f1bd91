'use strict';
// The network and secrets layout the design fixes. The tests compare the evaluated configuration
// against these numbers.

module.exports = {
  vpcCidr: '10.0.0.0/16',
  zoneCount: 3,
  publicSubnets: ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20'],
  privateSubnets: ['10.0.48.0/20', '10.0.64.0/20', '10.0.80.0/20'],
  // Environments that must survive the loss of a zone get a NAT gateway per zone; the rest share one.
  highlyAvailable: new Set(['prod', 'staging']),
  processors: ['adyen', 'mercadopago', 'stripe'],
  maxRotationDays: 90,
  srcDeployOutputs: {
    cluster_name: 'aws_eks_cluster',
    gateway_irsa_role_arn: 'aws_iam_role',
    eso_irsa_role_arn: 'aws_iam_role',
  },
};

import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Flow logs are kept for a year: long enough for an incident review, bounded for cost. */
const FLOW_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

export interface DefaultNetwork {
  readonly vpc: ec2.Vpc;
  readonly flowLogGroup: logs.LogGroup;
}

/**
 * The VPC a service gets when the user brings none: public subnets for the NAT gateways only, private subnets
 * (one per AZ, at least two AZs — env-agnostic stacks get two) for the cluster, the nodes and the internal
 * NLB, one NAT gateway per AZ so an AZ outage does not cut the others' egress, and rejected-and-accepted flow
 * logs to an encrypted, retained log group.
 */
export function createDefaultNetwork(scope: Construct, logKey: kms.IKey): DefaultNetwork {
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    maxAzs: 3,
    subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
      { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 19 },
    ],
  });
  const flowLogGroup = new logs.LogGroup(scope, 'FlowLogGroup', {
    retention: FLOW_LOG_RETENTION,
    encryptionKey: logKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
    trafficType: ec2.FlowLogTrafficType.ALL,
  });
  return { vpc, flowLogGroup };
}

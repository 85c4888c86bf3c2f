import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { ERROR_CODES, ModelplaneError } from '../../lib/errors';
import type { Placement } from '../../lib/plan/types';
import type { AwsModelService } from './model-service';

/** The other cloud's front door, as deployed (its outputs, passed in through CDK context or code). */
export interface RemoteFrontDoor {
  /** The placement it serves (a GCP placement of the same service). */
  readonly placement: Placement;
  /** IPv4 address of its load balancer (GcpModelService `address`). */
  readonly ipAddress: string;
  /**
   * Path Route 53 probes over HTTPS, through the load balancer, with the global host name as SNI and Host.
   * @default '/healthz' (answered by the GCP front door's ESPv2 proxy without credentials)
   */
  readonly healthCheckPath?: string;
  /**
   * DNS record that proves the host name to the other cloud's certificate authority (GCP Certificate
   * Manager DNS authorization: `dnsResourceRecords` of GcpModelService), created in the hosted zone.
   * @default - none: the other cloud's certificate must be authorised another way
   */
  readonly certificateAuthorization?: { readonly name: string; readonly type: 'CNAME'; readonly data: string };
}

export interface GlobalEndpointProps {
  /** The AWS side: the service's AWS placement, with its REST API and availability alarm. */
  readonly aws: AwsModelService;
  /** The other side: the same service's front door on GCP. */
  readonly remote: RemoteFrontDoor;
  /** Public hosted zone the global host name lives in (no look-up: pass id and name). */
  readonly hostedZone: route53.IHostedZone;
  /** Host name clients call, inside the zone. @default - `<service>.<zone name>` */
  readonly recordName?: string;
  /** TTL of the failover records: how fast clients follow a failover. @default 60 seconds */
  readonly ttl?: Duration;
}

/**
 * One host name for a service placed on two clouds: Route 53 failover records with health checks, so that
 * clients keep calling the same name when a cloud or region loses GPU capacity.
 *
 * - PRIMARY is the plan's primary placement, SECONDARY its failover placement (either cloud).
 * - The AWS side is healthy while its availability alarm (a ready replica exists) is OK — a CloudWatch
 *   metric health check, so no unauthenticated health route is opened on the API.
 * - The GCP side is probed over HTTPS at its load balancer address, with the host name as SNI.
 * - The AWS REST API answers on the host name through a regional custom domain with an ACM certificate
 *   validated in the zone; the GCP side's certificate is authorised through the record it gives.
 */
export class GlobalEndpoint extends Construct {
  public readonly fqdn: string;
  public readonly certificate: acm.Certificate;
  public readonly domainName: apigw.DomainName;
  public readonly awsHealthCheck: route53.HealthCheck;
  public readonly remoteHealthCheck: route53.HealthCheck;
  public readonly awsRecord: route53.ARecord;
  public readonly remoteRecord: route53.ARecord;
  public readonly certificateAuthorizationRecord?: route53.CnameRecord;

  constructor(scope: Construct, id: string, props: GlobalEndpointProps) {
    super(scope, id);
    const { aws, remote, hostedZone } = props;
    const service = aws.service;
    const api = aws.api;
    const alarm = aws.alarms.availability;
    const problems = [];
    if (api === undefined) problems.push({ code: ERROR_CODES.INVALID_SPEC, path: 'frontDoor', message: `service ${service.name} has no AWS front door to put behind the global endpoint`, fix: "keep frontDoor: 'api-gateway' on the AWS side" });
    if (alarm === undefined) problems.push({ code: ERROR_CODES.INVALID_SPEC, path: 'monitoring', message: `service ${service.name} has no availability alarm to health-check the AWS side`, fix: 'keep the AWS front door and its alarms' });
    if (remote.placement.cloud === aws.placement.cloud) problems.push({ code: ERROR_CODES.INVALID_SPEC, path: 'placement', message: 'the remote front door must be on the other cloud', received: remote.placement.id, fix: 'pass the GCP placement of the same service' });
    if (!service.placements.some((p) => p.id === remote.placement.id)) problems.push({ code: ERROR_CODES.INVALID_SPEC, path: 'placement', message: `placement ${remote.placement.id} is not a placement of ${service.name}`, fix: 'pass a placement from the same plan' });
    if (!/^(\d{1,3}\.){3}\d{1,3}$/.test(remote.ipAddress)) problems.push({ code: ERROR_CODES.INVALID_FORMAT, path: 'remote.ipAddress', message: 'must be an IPv4 address', received: JSON.stringify(remote.ipAddress), fix: 'pass the address output of the GCP front door' });
    if (problems.length > 0 || api === undefined || alarm === undefined) throw new ModelplaneError(problems, 'Cannot build the global endpoint');

    const recordName = props.recordName ?? service.name;
    this.fqdn = `${recordName}.${hostedZone.zoneName}`;
    const ttl = props.ttl ?? Duration.seconds(60);

    this.certificate = new acm.Certificate(this, 'Certificate', { domainName: this.fqdn, validation: acm.CertificateValidation.fromDns(hostedZone) });
    this.domainName = new apigw.DomainName(this, 'Domain', {
      domainName: this.fqdn,
      certificate: this.certificate,
      endpointType: apigw.EndpointType.REGIONAL,
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      mapping: api,
    });

    this.awsHealthCheck = new route53.HealthCheck(this, 'AwsHealth', {
      type: route53.HealthCheckType.CLOUDWATCH_METRIC,
      alarmIdentifier: { name: alarm.alarmName, region: aws.placement.region },
      insufficientDataHealthStatus: route53.InsufficientDataHealthStatusEnum.LAST_KNOWN_STATUS,
    });
    this.remoteHealthCheck = new route53.HealthCheck(this, 'RemoteHealth', {
      type: route53.HealthCheckType.HTTPS,
      ipAddress: remote.ipAddress,
      fqdn: this.fqdn,
      port: 443,
      enableSNI: true,
      resourcePath: remote.healthCheckPath ?? '/healthz',
      requestInterval: Duration.seconds(30),
      failureThreshold: 3,
    });

    const awsIsPrimary = aws.placement.role === 'primary';
    this.awsRecord = new route53.ARecord(this, 'AwsRecord', {
      zone: hostedZone,
      recordName,
      // Failover alias records must evaluate target health (Route 53 rule); the health check decides.
      target: route53.RecordTarget.fromAlias({
        bind: () => ({ dnsName: this.domainName.domainNameAliasDomainName, hostedZoneId: this.domainName.domainNameAliasHostedZoneId, evaluateTargetHealth: true }),
      }),
      failover: awsIsPrimary ? route53.Failover.PRIMARY : route53.Failover.SECONDARY,
      setIdentifier: `${service.name}-${aws.placement.id}`,
      healthCheck: this.awsHealthCheck,
    });
    this.remoteRecord = new route53.ARecord(this, 'RemoteRecord', {
      zone: hostedZone,
      recordName,
      target: route53.RecordTarget.fromIpAddresses(remote.ipAddress),
      ttl,
      failover: awsIsPrimary ? route53.Failover.SECONDARY : route53.Failover.PRIMARY,
      setIdentifier: `${service.name}-${remote.placement.id}`,
      healthCheck: this.remoteHealthCheck,
    });
    if (remote.certificateAuthorization) {
      const auth = remote.certificateAuthorization;
      const zoneSuffix = `.${hostedZone.zoneName}`;
      const name = auth.name.replace(/\.$/, '');
      this.certificateAuthorizationRecord = new route53.CnameRecord(this, 'RemoteCertificateAuthorization', {
        zone: hostedZone,
        recordName: name.endsWith(zoneSuffix) ? name.slice(0, -zoneSuffix.length) : name,
        domainName: auth.data.replace(/\.$/, ''),
        ttl: Duration.minutes(5),
      });
    }
  }
}

/**
 * Pulumi program: every GCP placement of examples/modelplane.yaml as a GcpModelService.
 *
 *   pulumi config set gcp:project <project-id>
 *   pulumi config set modelplane:adminCidrs '["203.0.113.0/24"]'   # optional: who may reach the GKE API
 *   pulumi config set modelplane:globalZone api.example.com         # optional: one failover host name per
 *                                                                    # service on both clouds (Route 53 zone)
 *   pulumi up
 *
 * Needs gcloud with gke-gcloud-auth-plugin on the machine running `pulumi up` (the Kubernetes provider
 * authenticates through it) and the APIs container, compute, servicemanagement, servicecontrol, endpoints,
 * certificatemanager, secretmanager and monitoring enabled in the project.
 */
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { planPlatform } from '../../lib/plan';
import { loadPlatformFile } from '../../lib/spec';
import { GcpModelService } from '../../constructs/gcp';

const gcpConfig = new pulumi.Config('gcp');
const config = new pulumi.Config('modelplane');
const project = gcpConfig.require('project');
const platformFile = config.get('platformFile') ?? path.join(__dirname, '..', 'modelplane.yaml');
const adminCidrs = config.getObject<string[]>('adminCidrs') ?? [];
const globalZone = config.get('globalZone');

const plan = planPlatform(loadPlatformFile(platformFile));

const services = plan.services.flatMap((service) =>
  service.placements
    .filter((placement) => placement.cloud === 'gcp')
    .map((placement) => {
      const name = `${service.name}-${placement.id}`;
      // A service on both clouds answers on `<service>.<globalZone>` (the AWS app's Route 53 failover record).
      const onBothClouds = new Set(service.placements.map((p) => p.cloud)).size > 1;
      const domain = globalZone !== undefined && onBothClouds ? `${service.name}.${globalZone}` : undefined;
      return { name, service: service.name, domain, component: new GcpModelService(name, { service, placement, project, frontDoor: { adminCidrs, domain } }) };
    }),
);

/** Where each service answers, by component name. */
export const urls = Object.fromEntries(services.map((s) => [s.name, s.component.url]));

/**
 * The AWS app's `modelplane:globalEndpoints.services` context, ready to copy into cdk.json: the GCP front
 * door address and the DNS record that authorises its certificate, per service on both clouds.
 */
export const globalEndpoints = Object.fromEntries(
  services
    .filter((s) => s.domain !== undefined && s.component.dnsAuthorization !== undefined)
    .map((s) => [
      s.service,
      {
        remoteIpAddress: s.component.address.address,
        healthCheckPath: '/healthz',
        certificateAuthorization: s.component.dnsAuthorization!.dnsResourceRecords.apply((records) => records[0]),
      },
    ]),
);

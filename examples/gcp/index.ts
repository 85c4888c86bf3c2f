/**
 * Pulumi program: every GCP placement of examples/modelplane.yaml as a GcpModelService.
 *
 *   pulumi config set gcp:project <project-id>
 *   pulumi config set modelplane:adminCidrs '["203.0.113.0/24"]'   # optional: who may reach the GKE API
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

const plan = planPlatform(loadPlatformFile(platformFile));

const services = plan.services.flatMap((service) =>
  service.placements
    .filter((placement) => placement.cloud === 'gcp')
    .map((placement) => {
      const name = `${service.name}-${placement.id}`;
      return { name, component: new GcpModelService(name, { service, placement, project, frontDoor: { adminCidrs } }) };
    }),
);

/** Where each service answers, by component name. */
export const urls = Object.fromEntries(services.map((s) => [s.name, s.component.url]));

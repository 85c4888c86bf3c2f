/**
 * Composing modelplane into a cdk8s app you already have: the example platform's services rendered for a
 * generic GPU cluster (GPU Operator labels, your own ClusterSecretStore and Prometheus), next to a chart of
 * your own. Run: `npx tsx examples/k8s/main.ts` → dist-k8s/*.k8s.yaml, ready for `kubectl apply -f`.
 */
import * as path from 'node:path';
import { App, Chart } from 'cdk8s';
import { ModelServiceChart } from '../../constructs/k8s';
import { planPlatform } from '../../lib/plan';
import { loadPlatformFile } from '../../lib/spec';

const app = new App({ outdir: process.env.MODELPLANE_K8S_OUT ?? path.join(__dirname, '..', '..', 'dist-k8s') });

// A chart the app already had (here: empty).
new Chart(app, 'platform-base');

const plan = planPlatform(loadPlatformFile(path.join(__dirname, '..', 'modelplane.yaml')));
for (const service of plan.services) {
  new ModelServiceChart(app, service.name, {
    service,
    cluster: {
      flavor: 'generic',
      gpuNodeSelector: { 'nvidia.com/gpu.present': 'true' },
      secretStore: { kind: 'existing', name: 'modelplane', clusterWide: true },
      // Scale-to-zero services wake on the ingress controller's request rate for their path.
      wakeUp: { kind: 'prometheus', query: `sum(rate(nginx_ingress_controller_requests{exported_service="${service.name}"}[2m]))` },
    },
  });
}

app.synth();

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Chart, ApiObject, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ModelServiceChart } from '../../constructs/k8s/chart';
import { renderManifests, toYaml } from '../../constructs/k8s/render';
import { synthK8s } from '../../constructs/k8s/synth';
import { examplePlan, extraPlan, find } from './fixtures';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mp-k8s-'));
}

describe('synthK8s', () => {
  it('writes one folder per service and flavour (native per placement, plus generic)', () => {
    const dir = tmp();
    const { files } = synthK8s(examplePlan(), dir);
    const rel = files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
    const expected = examplePlan().services.flatMap((s) => [
      ...s.placements.map((p) => `${s.name}/${p.id}-${p.cloud === 'aws' ? 'eks' : 'gke'}/manifests.yaml`),
      `${s.name}/generic/manifests.yaml`,
    ]);
    expect(rel.sort()).toEqual(expected.sort());
  });

  it('is deterministic: synthesizing twice gives byte-identical YAML', () => {
    const a = tmp();
    const b = tmp();
    const fa = synthK8s(examplePlan(), a).files;
    const fb = synthK8s(examplePlan(), b).files;
    expect(fa.length).toBeGreaterThan(0);
    fa.forEach((f, i) => expect(fs.readFileSync(f, 'utf8')).toBe(fs.readFileSync(fb[i]!, 'utf8')));
  });

  it('writes plain multi-document YAML that parses back to the rendered objects', () => {
    const dir = tmp();
    const service = extraPlan().services[0]!;
    const { files } = synthK8s({ ...extraPlan(), services: [service] }, dir);
    const docs = parseAllDocuments(fs.readFileSync(files[0]!, 'utf8')).map((d) => d.toJS());
    expect(docs).toEqual(renderManifests({ service, placement: service.placements[0], cluster: { flavor: 'eks' } }));
    expect(docs[0].kind).toBe('Namespace');
    expect(fs.readFileSync(files[0]!, 'utf8')).not.toMatch(/creationTimestamp|kind: Secret\n/);
  });

  it('quotes strings YAML would otherwise read as booleans or numbers', () => {
    const y = toYaml([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'true', b: '8000' } }]);
    expect(y).toContain('a: "true"');
    expect(y).toContain('b: "8000"');
  });
});

describe('ModelServiceChart in an existing cdk8s app', () => {
  it('composes next to other charts, keeps its construct ids and exposes typed children', () => {
    const app = Testing.app();
    const other = new Chart(app, 'platform');
    new ApiObject(other, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'platform', namespace: 'platform' }, data: { a: 'b' } });
    const service = examplePlan().services[0]!;
    const chart = new ModelServiceChart(app, 'llama', { service, cluster: { flavor: 'generic' } });
    expect(app.charts.length).toBe(2);
    expect(chart.namespace).toBe(service.name);
    expect(chart.deployment.kind).toBe('Deployment');
    expect(chart.deployment.container.image).toBe(service.spec.runtime.image);
    expect(chart.autoscaler.kind).toBe('ScaledObject');
    expect(chart.networkPolicies.map((n) => n.name)).toEqual(['default-deny', `${service.name}-ingress`, `${service.name}-egress`]);
    const ids = chart.node.children.map((c) => c.node.id);
    expect(ids).toEqual(expect.arrayContaining(['Namespace', 'ServiceAccount', 'Deployment', 'Service', 'Autoscaler', 'PodDisruptionBudget', 'NetworkPolicyDefaultDeny', 'NetworkPolicyAllowIngress', 'NetworkPolicyAllowEgress', 'ServiceMonitor', 'PrometheusRule', 'ExternalSecret-hf-token']));
    const m = Testing.synth(chart);
    expect(find(m, 'Deployment', service.name)).toBeDefined();
    expect(Testing.synth(other)[0].metadata.name).toBe('platform');
  });

  it('synthesizes through App.synth to files', () => {
    const outdir = tmp();
    const app = new App({ outdir });
    new ModelServiceChart(app, 'llama', { service: examplePlan().services[0]!, cluster: { flavor: 'generic' } });
    app.synth();
    expect(fs.readdirSync(outdir).some((f) => f.endsWith('.yaml'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { deriveAlerts } from '../../lib/workload/alerts';
import { allCases, find, ofKind } from './fixtures';

describe('ServiceMonitor and PrometheusRule', () => {
  for (const c of allCases()) {
    const { service } = c.props;
    const name = service.name;
    it(`${c.label}: ${c.props.cluster.monitoring === 'none' ? 'omitted when monitoring is none' : 'scrapes the engine and alerts on the SLOs'}`, () => {
      if (c.props.cluster.monitoring === 'none') {
        expect(ofKind(c.manifests, 'ServiceMonitor')).toEqual([]);
        expect(ofKind(c.manifests, 'PrometheusRule')).toEqual([]);
        return;
      }
      const sm = find(c.manifests, 'ServiceMonitor', name);
      expect(sm.spec.endpoints[0].path).toBe(service.spec.runtime.metricsPath);
      const svcPorts = find(c.manifests, 'Service', name).spec.ports.map((p: any) => p.name);
      expect(svcPorts).toContain(sm.spec.endpoints[0].port);

      const rules = find(c.manifests, 'PrometheusRule', name).spec.groups[0].rules;
      const expected = deriveAlerts(service.spec, `namespace="${name}"`);
      expect(rules.length).toBe(expected.length);
      for (const a of expected) {
        const r = rules.find((x: any) => x.expr === a.promql);
        expect(r, a.id).toBeDefined();
        expect(r.for).toBe(`${a.forSeconds}s`);
        expect(r.labels.severity).toBe(a.severity === 'page' ? 'critical' : 'warning');
        expect(r.annotations.runbook.length).toBeGreaterThan(20);
      }
      const errors = rules.find((x: any) => x.alert.endsWith('Errors'));
      expect(errors.expr).toMatch(new RegExp(`> ${service.spec.monitoring.slo.errorRatePercent}$`));
      const latency = rules.find((x: any) => x.alert.endsWith('Latency'));
      if (latency) expect(latency.expr).toMatch(new RegExp(`> ${service.spec.monitoring.slo.p95LatencyMs / 1000}$`));
    });
  }
});

import { describe, expect, it } from 'vitest';
import {
  checkManifests, failures, networkDefaultDeny, noReplicasWhenAutoscaled, noSecretLiterals, notDefaultNamespace, pdbPresent, pinnedImages,
  probesPresent, resourcesSet, restrictedPodSecurity,
} from '../../constructs/k8s/rules';
import type { K8sObject } from '../../constructs/k8s/rules';
import { allCases, examplePlan, render } from './fixtures';

/** A compliant rendering, and a way to break one field of it. */
function good(): any[] {
  return structuredClone(render({ service: examplePlan().services[0]!, cluster: { flavor: 'generic' } })) as any[];
}
function dep(objs: any[]): any {
  return objs.find((o) => o.kind === 'Deployment');
}
function srv(objs: any[]): any {
  return dep(objs).spec.template.spec.containers[0];
}

const cases: Array<[string, (o: readonly K8sObject[]) => { status: string }, (objs: any[]) => void]> = [
  ['restricted pod security', restrictedPodSecurity, (o) => { srv(o).securityContext.allowPrivilegeEscalation = true; }],
  ['probes', probesPresent, (o) => { delete srv(o).startupProbe; }],
  ['resources', resourcesSet, (o) => { delete srv(o).resources.limits['nvidia.com/gpu']; }],
  ['pdb', pdbPresent, (o) => { o.splice(o.findIndex((x) => x.kind === 'PodDisruptionBudget'), 1); }],
  ['network default deny', networkDefaultDeny, (o) => { o.find((x) => x.metadata.name === 'default-deny').spec.podSelector = { matchLabels: { a: 'b' } }; }],
  ['pinned images', pinnedImages, (o) => { srv(o).image = 'vllm/vllm-openai:latest'; }],
  ['no secret literals', noSecretLiterals, (o) => { srv(o).env.push({ name: 'HF_TOKEN', value: 'hf_' + 'abcdefghijklmnopqrstuvwxyzABCDEF1234' }); }],
  ['not default namespace', notDefaultNamespace, (o) => { dep(o).metadata.namespace = 'default'; }],
  ['no replicas when autoscaled', noReplicasWhenAutoscaled, (o) => { dep(o).spec.replicas = 2; }],
];

describe('policy rules: one compliant and one non-compliant case each', () => {
  for (const [name, rule, breakIt] of cases) {
    it(`${name}: compliant on the chart output`, () => {
      expect(rule(good()).status).toBe('compliant');
    });
    it(`${name}: non-compliant when broken`, () => {
      const objs = good();
      breakIt(objs);
      expect(rule(objs).status).toBe('non-compliant');
    });
  }

  it('no secret literals: flags a Secret carrying data', () => {
    expect(noSecretLiterals([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'x' }, stringData: { a: 'b' } }]).status).toBe('non-compliant');
  });
  it('probes: flags a startup budget shorter than the model load', () => {
    const o = good();
    dep(o).metadata.annotations['modelplane.io/model-load-seconds'] = '100000';
    expect(probesPresent(o).status).toBe('non-compliant');
  });
  it('rules say not-applicable when there is nothing to check', () => {
    expect(restrictedPodSecurity([]).status).toBe('not-applicable');
    expect(noReplicasWhenAutoscaled([]).status).toBe('not-applicable');
  });
  it('acknowledgements need a reason and keep it', () => {
    const o = good();
    dep(o).spec.replicas = 2;
    const r = checkManifests(o, { 'MP-K8S-9-no-replicas-when-autoscaled': 'migration window' });
    expect(r.find((x) => x.rule === 'MP-K8S-9-no-replicas-when-autoscaled')).toMatchObject({ status: 'acknowledged' });
    expect(failures(checkManifests(o, { 'MP-K8S-9-no-replicas-when-autoscaled': ' ' })).length).toBe(1);
  });
});

describe('the rule set on all synthesized output', () => {
  for (const c of allCases()) {
    it(c.label, () => {
      expect(failures(checkManifests(c.manifests))).toEqual([]);
    });
  }
});

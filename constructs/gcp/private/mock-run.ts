import * as pulumi from '@pulumi/pulumi';

/** One resource the program registered, as the mocks saw it. */
export interface CapturedResource {
  readonly type: string;
  readonly name: string;
  /** Logical name of the parent; undefined at the root. */
  readonly parent: string | undefined;
  readonly custom: boolean;
  readonly inputs: Record<string, unknown>;
}

/** Pulumi's marker for a secret value in serialized inputs. */
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

/**
 * Outputs a real provider would compute, faked deterministically so that dependent inputs resolve (service
 * account emails, the cluster endpoint and CA, the reserved address).
 */
function mockState(type: string, name: string, inputs: Record<string, unknown>, project: string): Record<string, unknown> {
  switch (type) {
    case 'gcp:serviceaccount/account:Account': {
      const email = `${String(inputs.accountId)}@${project}.iam.gserviceaccount.com`;
      return { ...inputs, email, name: `projects/${project}/serviceAccounts/${email}`, member: `serviceAccount:${email}` };
    }
    case 'gcp:container/cluster:Cluster':
      return { ...inputs, endpoint: '203.0.113.10', masterAuth: { ...(inputs.masterAuth as object), clusterCaCertificate: 'TU9DSy1DQQ==' } };
    case 'gcp:compute/globalAddress:GlobalAddress':
      return { ...inputs, address: '203.0.113.20' };
    case 'gcp:compute/network:Network':
    case 'gcp:compute/subnetwork:Subnetwork':
      return { ...inputs, name: inputs.name ?? name, selfLink: `https://www.googleapis.com/compute/v1/projects/${project}/${name}` };
    default:
      return { ...inputs, name: inputs.name ?? name };
  }
}

/**
 * Runs `program` under Pulumi mocks and returns every resource it registered with its inputs and parent.
 * Mocks are installed before the program constructs anything; the run waits for every registration.
 */
export async function runUnderMocks(program: (opts: pulumi.ComponentResourceOptions) => void, project: string, options: { stack?: string } = {}): Promise<CapturedResource[]> {
  const seen: Array<Omit<CapturedResource, 'parent'>> = [];
  const parents = new Map<string, string | undefined>();
  await pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        const inputs = (args.inputs ?? {}) as Record<string, unknown>;
        seen.push({ type: args.type, name: args.name, custom: args.custom ?? true, inputs });
        return { id: `${args.name}-id`, state: mockState(args.type, args.name, inputs, project) };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        return args.inputs as Record<string, unknown>;
      },
    },
    'modelplane',
    options.stack ?? 'synth',
    false,
  );
  const record: pulumi.ResourceTransformation = (a) => {
    parents.set(`${a.type}::${a.name}`, a.opts.parent ? nameOf(a.opts.parent) : undefined);
    return undefined;
  };
  program({ transformations: [record] });
  // Exported at run time (runtime/settings) though absent from the typings: waits until every registration is done.
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  return seen.map((s) => ({ ...s, parent: parents.get(`${s.type}::${s.name}`), inputs: stripSecrets(s.inputs) as Record<string, unknown> }));
}

function nameOf(r: pulumi.Resource): string | undefined {
  // Resource names are internal in the SDK typings; the logical name is kept on `__name`.
  return (r as unknown as { __name?: string }).__name;
}

/** Replaces secret values by a marker: the inventory never holds one. */
export function stripSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripSecrets);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Object.values(o).includes(SECRET_SIG)) return '[secret]';
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, stripSecrets(x)]));
  }
  return v;
}

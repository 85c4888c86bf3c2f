/**
 * The modelplane GCP policy pack. Run it with `pulumi preview --policy-pack constructs/gcp/policies` (the
 * pack directory needs its own PulumiPolicy.yaml; see README). Importing this file starts the policy server,
 * so tests import `./policies` instead.
 */
import { PolicyPack } from '@pulumi/policy';
import { GCP_POLICIES } from './policies';

new PolicyPack('modelplane-gcp', { policies: [...GCP_POLICIES] });

import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { ServicePlan } from '../../../lib/plan/types';

/** WAF rate-based rules count requests per client IP over this window (seconds; WAF allows 60–600). */
const RATE_WINDOW_SECONDS = 60;
/** WAF's smallest rate-based limit. */
const WAF_MIN_RATE_LIMIT = 10;

export interface WebAclParts {
  readonly webAcl: wafv2.CfnWebACL;
  readonly association: wafv2.CfnWebACLAssociation;
}

/**
 * A regional WAF on the API stage: AWS's IP reputation and known-bad-inputs rule groups (not the common rule
 * set, whose 8 KB body limit would block ordinary prompts), and — for auth types without API keys, where
 * API Gateway cannot throttle per client — a per-IP rate rule at api.rateLimitPerSecond.
 */
export function createWebAcl(scope: Construct, service: ServicePlan, stage: apigw.Stage): WebAclParts {
  const managed = (name: string, priority: number): wafv2.CfnWebACL.RuleProperty => ({
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
  });
  const rules: wafv2.CfnWebACL.RuleProperty[] = [managed('AWSManagedRulesAmazonIpReputationList', 0), managed('AWSManagedRulesKnownBadInputsRuleSet', 1)];
  if (service.spec.api.auth.type !== 'apiKey') {
    rules.push({
      name: 'PerClientRate',
      priority: 2,
      action: { block: {} },
      statement: {
        rateBasedStatement: {
          aggregateKeyType: 'IP',
          evaluationWindowSec: RATE_WINDOW_SECONDS,
          limit: Math.max(WAF_MIN_RATE_LIMIT, Math.ceil(service.spec.api.rateLimitPerSecond * RATE_WINDOW_SECONDS)),
        },
      },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'PerClientRate', sampledRequestsEnabled: true },
    });
  }
  const webAcl = new wafv2.CfnWebACL(scope, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    description: `${service.name}: managed protections${rules.length > 2 ? ' and per-client rate limit' : ''}`,
    rules,
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: `${service.name}-waf`, sampledRequestsEnabled: true },
  });
  const association = new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: stage.stageArn, webAclArn: webAcl.attrArn });
  return { webAcl, association };
}

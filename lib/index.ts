/**
 * modelplane — the cloud-neutral core: spec, catalog, sizing, planner and derived workload settings.
 * Targets live in `modelplane/constructs/{k8s,aws,gcp}`.
 */
export * from './spec';
export * from './catalog';
export * from './sizing';
export * from './plan';
export * from './workload';
export { ModelplaneError, isModelplaneError, ERROR_CODES, formatProblems } from './errors';
export type { Problem, ErrorCode } from './errors';
export * from './report';
export * from './diff';

export { planPlatform, planService } from './planner';
export type { PlanOptions } from './planner';
export { findCandidates, compareCandidates } from './candidates';
export type { Candidate, CandidateSearch, Rejection } from './candidates';
export { formatPlanTable, planToJson } from './format';
export { allocatable, podResourcesOn } from './pod-resources';
export type { Plan, ServicePlan, Placement, PlacementRole, CapacityType, PodResources } from './types';
export { FRONT_DOOR_LIMITS, frontDoorLimitation } from './front-door-limits';

export { diffPlans } from './diff';
export type { DiffReport, Change, ChangeKind, DiffTarget } from './diff';
export { formatDiff } from './format';
export { requestIncompatibilities, responseIncompatibilities } from './schema-compat';
export type { Incompatibility } from './schema-compat';

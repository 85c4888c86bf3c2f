export { costReport } from './cost';
export type { CostReport, CostLine, CostGroup } from './cost';
export { renderReportHtml } from './html';

import type * as Common from '@unyo/plugin-ops-common';
import type * as Spec from './generated/models';

// ops-common's types are what the backend computes and the frontends read;
// ./generated/models is what openapi.yaml promises (docs/api.md). `yarn tsc`
// fails here when one side changes and the other does not, so the API stays
// described once even though its types are written in two places.
// Assignability alone lets an optional field be added on one side only:
// the field names are compared too.
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;
type Fits<A, B> = [A] extends [B] ? SameKeys<A, B> : false;
type Assignable<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : false
  : false;
type Same<A, B> = [B] extends [A] ? Fits<A, B> : false;

/**
 * `Same`: identical. `Fits`: what ops-common holds is valid for the spec,
 * which describes it more openly (backup source types are open to backend
 * modules; a time window or runbook parameters as a free JSON object).
 */
const checked: {
  Alert: Same<Common.Alert, Spec.Alert>;
  AlertHistorySummary: Same<
    Common.AlertHistorySummary,
    Spec.AlertHistorySummary
  >;
  AlertLevel: Same<Common.AlertLevel, Spec.AlertLevel>;
  AlertMatcher: Same<Common.AlertMatcher, Spec.AlertMatcher>;
  AlertRuleStatus: Same<Common.AlertRuleStatus, Spec.AlertRuleStatus>;
  AlertSourceError: Same<Common.AlertSourceError, Spec.AlertSourceError>;
  AlertState: Same<Common.AlertState, Spec.AlertState>;
  AlertsResponse: Same<Common.AlertsResponse, Spec.AlertsResponse>;
  BackupCoverage: Same<Common.BackupCoverage, Spec.BackupCoverage>;
  BackupReport: Same<Common.BackupReport, Spec.BackupReport>;
  BackupSourceType: Fits<Common.BackupSourceType, Spec.BackupSourceType>;
  BackupState: Same<Common.BackupState, Spec.BackupState>;
  BackupStatus: Fits<Common.BackupStatus, Spec.BackupStatus>;
  BackupType: Same<Common.BackupType, Spec.BackupType>;
  BackupsResponse: Fits<Common.BackupsResponse, Spec.BackupsResponse>;
  BudgetingMethod: Same<Common.BudgetingMethod, Spec.BudgetingMethod>;
  BurnRateAlert: Same<Common.BurnRateAlert, Spec.BurnRateAlert>;
  BurnRateWindow: Same<Common.BurnRateWindow, Spec.BurnRateWindow>;
  ChangeKind: Same<Common.ChangeKind, Spec.ChangeKind>;
  ChangeMarker: Same<Common.ChangeMarker, Spec.ChangeMarker>;
  CreateExecutionRequest: Same<
    Common.CreateExecutionRequest,
    Spec.CreateExecutionRequest
  >;
  CreateSilenceRequest: Same<
    Common.CreateSilenceRequest,
    Spec.CreateSilenceRequest
  >;
  Execution: Fits<Common.Execution, Spec.Execution>;
  ExecutionOutput: Same<Common.ExecutionOutput, Spec.ExecutionOutput>;
  ExecutionStatus: Same<Common.ExecutionStatus, Spec.ExecutionStatus>;
  HealthCheck: Same<Common.HealthCheck, Spec.HealthCheck>;
  HealthHistoryPoint: Same<Common.HealthHistoryPoint, Spec.HealthHistoryPoint>;
  HealthState: Same<Common.HealthState, Spec.HealthState>;
  HealthStatus: Same<Common.HealthStatus, Spec.HealthStatus>;
  // A union of JSON values: no field names to compare.
  OpsJsonValue: Assignable<Common.OpsJsonValue, Spec.OpsJsonValue>;
  RunbookSeverity: Same<Common.RunbookSeverity, Spec.RunbookSeverity>;
  RunbookSummary: Same<Common.RunbookSummary, Spec.RunbookSummary>;
  RunbooksResponse: Same<Common.RunbooksResponse, Spec.RunbooksResponse>;
  Silence: Same<Common.Silence, Spec.Silence>;
  SloCorrection: Same<Common.SloCorrection, Spec.SloCorrection>;
  SloCorrectionCategory: Same<
    Common.SloCorrectionCategory,
    Spec.SloCorrectionCategory
  >;
  SloErrorBudget: Same<Common.SloErrorBudget, Spec.SloErrorBudget>;
  SloEvaluationDetails: Same<
    Common.SloEvaluationDetails,
    Spec.SloEvaluationDetails
  >;
  SloGroupStatus: Same<Common.SloGroupStatus, Spec.SloGroupStatus>;
  SloHistoryPoint: Same<Common.SloHistoryPoint, Spec.SloHistoryPoint>;
  SloMonthlyAttainment: Same<
    Common.SloMonthlyAttainment,
    Spec.SloMonthlyAttainment
  >;
  SloPolicy: Same<Common.SloPolicy, Spec.SloPolicy>;
  SloPolicySet: Same<Common.SloPolicySet, Spec.SloPolicySet>;
  SloReportItem: Fits<Common.SloReportItem, Spec.SloReportItem>;
  SloReportResponse: Fits<Common.SloReportResponse, Spec.SloReportResponse>;
  SloReportSummary: Same<Common.SloReportSummary, Spec.SloReportSummary>;
  SloReportVersion: Fits<Common.SloReportVersion, Spec.SloReportVersion>;
  SloSli: Same<Common.SloSli, Spec.SloSli>;
  SloState: Same<Common.SloState, Spec.SloState>;
  SloStatus: Same<Common.SloStatus, Spec.SloStatus>;
  SloStatusWindow: Same<Common.SloStatusWindow, Spec.SloStatusWindow>;
  SloStatusWithHistory: Same<
    Common.SloStatusWithHistory,
    Spec.SloStatusWithHistory
  >;
  TlsCertificate: Same<Common.TlsCertificate, Spec.TlsCertificate>;
} = {
  Alert: true,
  AlertHistorySummary: true,
  AlertLevel: true,
  AlertMatcher: true,
  AlertRuleStatus: true,
  AlertSourceError: true,
  AlertState: true,
  AlertsResponse: true,
  BackupCoverage: true,
  BackupReport: true,
  BackupSourceType: true,
  BackupState: true,
  BackupStatus: true,
  BackupType: true,
  BackupsResponse: true,
  BudgetingMethod: true,
  BurnRateAlert: true,
  BurnRateWindow: true,
  ChangeKind: true,
  ChangeMarker: true,
  CreateExecutionRequest: true,
  CreateSilenceRequest: true,
  Execution: true,
  ExecutionOutput: true,
  ExecutionStatus: true,
  HealthCheck: true,
  HealthHistoryPoint: true,
  HealthState: true,
  HealthStatus: true,
  OpsJsonValue: true,
  RunbookSeverity: true,
  RunbookSummary: true,
  RunbooksResponse: true,
  Silence: true,
  SloCorrection: true,
  SloCorrectionCategory: true,
  SloErrorBudget: true,
  SloEvaluationDetails: true,
  SloGroupStatus: true,
  SloHistoryPoint: true,
  SloMonthlyAttainment: true,
  SloPolicy: true,
  SloPolicySet: true,
  SloReportItem: true,
  SloReportResponse: true,
  SloReportSummary: true,
  SloReportVersion: true,
  SloSli: true,
  SloState: true,
  SloStatus: true,
  SloStatusWindow: true,
  SloStatusWithHistory: true,
  TlsCertificate: true,
};

describe('ops-common types and the OpenAPI models', () => {
  it('lists every model both declare (the check itself is the type-check)', () => {
    // A model added to one side only is not listed above: this count says so.
    expect(Object.keys(checked)).toHaveLength(53);
  });
});

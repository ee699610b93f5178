export {
  ActiveAlertsTable,
  AlertRulesTable,
  useAlertLevelText,
  type ActiveAlertsTableProps,
} from './AlertTables';

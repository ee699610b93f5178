/**
 * English messages of the alerts panels, nested under `alerts` in
 * `opsDashboardTranslationRef`.
 */
export const alertsMessages = {} as const;

/**
 * English messages of the health panels, nested under `health` in
 * `opsDashboardTranslationRef`.
 */
export const healthMessages = {} as const;

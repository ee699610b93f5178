/** Japanese messages of the alerts panels: flat keys `alerts.*` of `opsDashboardTranslationRef`. */
export const alertsJa = {};

/** Japanese messages of the health panels: flat keys `health.*` of `opsDashboardTranslationRef`. */
export const healthJa = {};

// SPDX-License-Identifier: EUPL-1.2
// Koordinierungsstelle Inobhutnahme: the webapps speak German. Overrides the webjar's config.js.
// To offer English as well, add 'en' to availableLocales (the browser's language then decides).
export default {
  app: {
    name: 'Aufgaben',
    vendor: 'Koordinierungsstelle Inobhutnahme'
  },
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  // no form drafts with a child's data left in the browser's localStorage; German form errors, a claim button
  // above an unclaimed task, a question before the start form closes with input, full-width tasks on a tablet;
  // the Platzmeldung link for provider staff
  customScripts: ['scripts/ksi-no-form-drafts', 'scripts/ksi-tasklist', 'scripts/ksi-platzmeldung-link'],
  csrfCookieName: 'XSRF-TOKEN',
  disableWelcomeMessage: true
};

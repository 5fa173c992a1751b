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
  // no form drafts with a child's data left in the browser's localStorage
  customScripts: ['scripts/ksi-no-form-drafts', 'scripts/ksi-platzmeldung-link'],
  csrfCookieName: 'XSRF-TOKEN',
  disableWelcomeMessage: true
};

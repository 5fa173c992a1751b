// SPDX-License-Identifier: EUPL-1.2
// Koordinierungsstelle Inobhutnahme: the webapps speak German. Overrides the webjar's config.js.
// To offer English as well, add 'en' to availableLocales (the browser's language then decides).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Koordinierungsstelle Inobhutnahme'
  },
  locales: {
    availableLocales: ['de'],
    fallbackLocale: 'de'
  },
  csrfCookieName: 'XSRF-TOKEN',
  disableWelcomeMessage: true
};

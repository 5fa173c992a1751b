// SPDX-License-Identifier: EUPL-1.2
// Koordinierungsstelle Inobhutnahme: the webapps speak German. Overrides the webjar's config.js.
// To offer English as well, add 'en' to availableLocales (the browser's language then decides).
// Which engine tools a user is offered is decided on the server (de.ksi.security.CockpitToolsFilter);
// scripts/ksi-session.js reloads the page once when an administrator logs in on a page built without them.
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
  disableWelcomeMessage: true,
  customScripts: ['scripts/ksi-session']
};

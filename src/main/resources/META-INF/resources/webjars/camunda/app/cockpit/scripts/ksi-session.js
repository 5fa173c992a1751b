// SPDX-License-Identifier: EUPL-1.2
// Cockpit's start page is built per login: without the engine's edit tools unless the user is an administrator
// (de.ksi.security.CockpitToolsFilter). A page loaded before the login is built without them; when an administrator
// then logs in, this script loads the page once more so that the tools appear. Nobody else is reloaded.
const base = document.querySelector('base');
const readOnly = base && base.getAttribute('ksi-read-only') === 'true';

async function isAdministrator() {
  const root = base.getAttribute('app-root') || '/camunda';
  const engine = (window.location.pathname.match(/\/app\/cockpit\/([\w-]+)\//) || [])[1] || 'default';
  const auth = await fetch(`${root}/api/admin/auth/user/${engine}`, { credentials: 'same-origin' });
  if (!auth.ok) return false;
  const { userId } = await auth.json();
  const groups = await fetch(`${root}/api/engine/engine/${engine}/identity/groups?userId=${encodeURIComponent(userId)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!groups.ok) return false;
  return ((await groups.json()).groups || []).some((g) => g.id === 'camunda-admin');
}

if (readOnly) {
  window.addEventListener('hashchange', (event) => {
    if (event.oldURL.includes('#/login') && !event.newURL.includes('#/login')) {
      isAdministrator().then((admin) => { if (admin) window.location.reload(); }).catch(() => {});
    }
  });
}

export default [];

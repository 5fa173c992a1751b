// SPDX-License-Identifier: EUPL-1.2
// Cockpit's start page is built per login (de.ksi.security.CockpitToolsFilter): administrators get all of the engine's
// tools, process owners the deletion of deployments besides reading, everyone else reading only; the page says which in
// <base ksi-tools="…">. A page loaded before the login is built for reading only; when somebody with more tools logs in,
// this script loads the page once more so that their tools appear. Nobody else is reloaded.
const base = document.querySelector('base');
const built = base && base.getAttribute('ksi-tools');

async function toolsOfUser() {
  const root = base.getAttribute('app-root') || '/camunda';
  const engine = (window.location.pathname.match(/\/app\/cockpit\/([\w-]+)\//) || [])[1] || 'default';
  const auth = await fetch(`${root}/api/admin/auth/user/${engine}`, { credentials: 'same-origin' });
  if (!auth.ok) return built;
  const { userId } = await auth.json();
  const response = await fetch(`${root}/api/engine/engine/${engine}/identity/groups?userId=${encodeURIComponent(userId)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return built;
  const groups = ((await response.json()).groups || []).map((g) => g.id);
  if (groups.includes('camunda-admin')) return null;
  return groups.includes('prozessverantwortliche') ? 'deploy' : 'read-only';
}

if (built) {
  window.addEventListener('hashchange', (event) => {
    if (event.oldURL.includes('#/login') && !event.newURL.includes('#/login')) {
      toolsOfUser().then((tools) => { if (tools !== built) window.location.reload(); }).catch(() => {});
    }
  });
}

export default [];

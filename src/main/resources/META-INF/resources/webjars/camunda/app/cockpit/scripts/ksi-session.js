// SPDX-License-Identifier: EUPL-1.2
// Cockpit's start page is built per login (de.ksi.security.CockpitToolsFilter): administrators get all of the engine's
// tools, process owners the deletion of deployments besides reading, everyone else reading only; the page says which in
// <base ksi-tools="…">. A page loaded before the login is built for reading only; when somebody with more tools logs in,
// this script loads the page once more so that their tools appear. Nobody else is reloaded.
//
// It looks when the login page is left, and also when the page starts outside the login page: a page built read-only
// for somebody who is logged in (e.g. reloaded with a session cookie that a second login had just replaced) loads itself
// once more. Should the server keep building the page differently from what the groups say, it reloads at most once a
// minute for the same user, never in a loop.
const base = document.querySelector('base');
const built = base && base.getAttribute('ksi-tools');
const RELOADED = 'ksi-tools-reloaded';
let looking = false;
let again = false;

async function toolsOfUser() {
  const root = base.getAttribute('app-root') || '/camunda';
  const engine = (window.location.pathname.match(/\/app\/cockpit\/([\w-]+)\//) || [])[1] || 'default';
  const auth = await fetch(`${root}/api/admin/auth/user/${engine}`, { credentials: 'same-origin' });
  if (!auth.ok) return null;
  const { userId } = await auth.json();
  const response = await fetch(`${root}/api/engine/engine/${engine}/identity/groups?userId=${encodeURIComponent(userId)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return null;
  const groups = ((await response.json()).groups || []).map((g) => g.id);
  const tools = groups.includes('camunda-admin') ? null : groups.includes('prozessverantwortliche') ? 'deploy' : 'read-only';
  return { userId, tools };
}

function reloadIfOtherTools() {
  if (looking) {
    again = true; // the login may have come while the last look was under way: look once more after it
    return;
  }
  looking = true;
  toolsOfUser()
    .then((user) => {
      if (!user || user.tools === built) return;
      const last = JSON.parse(window.sessionStorage.getItem(RELOADED) || '{}');
      if (last.userId === user.userId && last.built === built && Date.now() - last.at < 60000) return;
      window.sessionStorage.setItem(RELOADED, JSON.stringify({ userId: user.userId, built, at: Date.now() }));
      window.location.reload();
    })
    .catch(() => {})
    .finally(() => {
      looking = false;
      if (again) {
        again = false;
        reloadIfOtherTools();
      }
    });
}

if (built) {
  if (!window.location.hash.includes('#/login')) reloadIfOtherTools();
  window.addEventListener('hashchange', (event) => {
    if (event.oldURL.includes('#/login') && !event.newURL.includes('#/login')) reloadIfOtherTools();
  });
}

export default [];

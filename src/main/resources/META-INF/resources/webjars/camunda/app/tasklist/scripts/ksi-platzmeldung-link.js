// SPDX-License-Identifier: EUPL-1.2
// Koordinierungsstelle Inobhutnahme: a "Platzmeldung" link in the Tasklist header for the staff of a provider
// (loaded through config.js customScripts). Whether the user acts for a provider is asked from /api/platzmeldung
// once per login; the link leads to our page /platzmeldung, which reports with the same login.
(function () {
  const LINK_CLASS = 'ksi-platzmeldung-link';
  let checkedFor = null;
  let provider = false;

  function csrfToken() {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  // beside the brand, not in the menu: on a tablet the menu is folded away behind the navigation button
  function place() {
    const header = document.querySelector('.navbar-header');
    const account = document.querySelector('nav.cam-nav.app-menu li.account');
    const link = document.querySelector('.' + LINK_CLASS);
    if (!header || !account) {
      if (link) link.remove();
      return;
    }
    const user = account.textContent.trim();
    if (user !== checkedFor) {
      checkedFor = user;
      provider = false;
      fetch('/api/platzmeldung', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() } })
        .then((r) => (r.ok ? r.json() : null))
        .then((data) => { provider = !!data && data.providers.length > 0; place(); })
        .catch(() => { provider = false; });
    }
    if (provider && !link) {
      const a = document.createElement('a');
      a.className = LINK_CLASS;
      a.href = '/platzmeldung';
      a.textContent = 'Platzmeldung';
      const brand = header.querySelector('.navbar-brand');
      header.insertBefore(a, brand ? brand.nextSibling : header.firstChild);
    } else if (!provider && link) {
      link.remove();
    }
  }

  const style = document.createElement('style');
  style.textContent = '.' + LINK_CLASS + ' { float: left; margin: 8px 0 0 12px; padding: 6px 14px; border: 2px solid'
    + ' currentColor; border-radius: 4px; font-weight: 600; min-height: 36px; }';
  document.head.appendChild(style);
  new MutationObserver(place).observe(document.documentElement, { childList: true, subtree: true });
  place();
}());

// SPDX-License-Identifier: EUPL-1.2
// Koordinierungsstelle Inobhutnahme: no form drafts in the browser (loaded through config.js customScripts).
//
// Tasklist keeps the values of a Camunda Form in localStorage under "camunda-form:<taskId>" (embedded forms:
// "camForm:<taskId>") when the user clicks "Speichern" or the session expires, and deletes them only when that
// very task is completed. On a shared office PC a child's name and whereabouts would outlive the logout.
// This script keeps such drafts from being written, removes any left from before, and hides the
// "Speichern" button, which would otherwise promise a draft that is never kept.
const DRAFT_KEY = /^(camunda-form:|camForm:)/;

const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (DRAFT_KEY.test(String(key))) {
    return;
  }
  setItem.call(this, key, value);
};

function removeDrafts(storage) {
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key !== null && DRAFT_KEY.test(key)) {
      storage.removeItem(key);
    }
  }
}

removeDrafts(window.localStorage);

const hideSave = document.createElement('style');
hideSave.textContent = 'button[ng-click="save($event)"] { display: none !important; }';
document.head.appendChild(hideSave);

// Twiza's sign-out guard on the workspace's pages: signing out clears the site's storage
// (Clear-Site-Data), and with it the records the offline field app keeps on this phone. When
// some are still waiting to be sent, the agent is asked first. The field app's own pages leave
// this script out (app.js asks there); a phone that never opened the field app has no such
// database and signs out at once.
const warning = document.currentScript.dataset.warning;
for (const form of document.querySelectorAll('form[action="/sign-out"]')) {
  form.addEventListener("submit", async (event) => {
    if (!indexedDB.databases) return;
    event.preventDefault();
    const names = (await indexedDB.databases()).map((d) => d.name);
    const waiting = names.includes("twiza-field") ? await waitingRecords() : 0;
    if (waiting === 0 || confirm(warning)) form.submit();
  });
}

function waitingRecords() {
  return new Promise((resolve) => {
    const open = indexedDB.open("twiza-field");
    open.onerror = () => resolve(0);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("records")) return resolve(0);
      const all = db.transaction("records", "readonly").objectStore("records").getAll();
      all.onsuccess = () => resolve(all.result.filter((r) => r.status === "waiting").length);
      all.onerror = () => resolve(0);
    };
  });
}

// Sealed packages kept in the browser (IndexedDB) until the platform has them: a page reloaded or closed mid-upload
// finds the very package it sealed (same bytes, same SHA-256) and the upload goes on from the server's offset, without
// sealing again (a new sealing would give other bytes). Nothing secret is kept: the package is sealed and signed.
const DB = 'sunbid-wizard';
const STORE = 'sealed';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const request = action(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Keeps the sealed package of a lot ({ blob, sha256, projectId, lotId, keptAt }). */
export function keep(lotId, entry) {
  return run('readwrite', (store) => store.put({ ...entry, keptAt: new Date().toISOString() }, lotId));
}

/** The package kept for a lot, or null. */
export async function kept(lotId) {
  try {
    return (await run('readonly', (store) => store.get(lotId))) ?? null;
  } catch {
    return null;
  }
}

/** Forgets a lot's package once the platform has it. */
export function forget(lotId) {
  return run('readwrite', (store) => store.delete(lotId)).catch(() => undefined);
}

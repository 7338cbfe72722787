// The resumable upload of a sealed tender, shared by the upload page and the bid wizard: opens the upload with the
// file's size and SHA-256, sends it in chunks with a real progress bar, survives a dropped connection (asks the server
// for the received offset and goes on), continues an upload a reloaded page had begun (its id kept in localStorage
// under the given key), and completes it with the signed manifest.
import { t } from '/js/i18n.js';
import { ProblemError, json } from '/js/session.js';
import { bytes } from './ui.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** SHA-256 of a Blob or bytes, as lower-case hex. */
export async function sha256Hex(data) {
  const buffer = data instanceof Blob ? await data.arrayBuffer() : data;
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', buffer))]
    .map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An uploader drawing into {progress, progressText, network, status, progressBox}. Bytes per request: localStorage
 * 'sunbid.upload.chunkSize' when set (a test or a slow line may lower it), else 4 MiB.
 */
export function uploader({ progress, progressText, network, status, progressBox }) {

  function draw(received, size) {
    progress.max = size;
    progress.value = received;
    progressText.textContent = t('upload.progress.text', bytes(received), bytes(size), Math.floor(received * 100 / size));
  }

  /** What the server has received of an upload, asked again and again while the network is down. */
  async function receivedOffset(uploadId, size) {
    for (let attempt = 1; ; attempt++) {
      try {
        const state = await json(`/api/bids/uploads/${uploadId}`);
        return state.received;
      } catch (error) {
        if (error instanceof ProblemError) {
          throw error;
        }
        network.hidden = false;
        network.textContent = t('upload.offline', bytes(Number(progress.value)), bytes(size));
        await Promise.race([sleep(Math.min(10_000, 1000 * attempt)),
          new Promise((resolve) => addEventListener('online', resolve, { once: true }))]);
      }
    }
  }

  /** Sends file (a Blob) to the lot; storeKey names the localStorage entry that lets a reloaded page continue. */
  async function send(file, { projectId, lotId, sha256, storeKey }) {
    let state = null;
    const saved = storeKey ? JSON.parse(localStorage.getItem(storeKey) || 'null') : null;
    if (saved && saved.sha256 === sha256) {
      try {
        state = await json(`/api/bids/uploads/${saved.uploadId}`);
        status.textContent = t('upload.resuming', bytes(state.received));
      } catch (error) {
        if (!(error instanceof ProblemError) || error.status !== 404) {
          throw error;
        }
      }
    }
    if (!state) {
      state = await json('/api/bids/uploads', { method: 'POST', json: { projectId, lotId, size: file.size, sha256 } });
      if (storeKey) {
        localStorage.setItem(storeKey, JSON.stringify({ uploadId: state.uploadId, sha256 }));
      }
      status.textContent = t('upload.sending');
    }
    const chunk = Number(localStorage.getItem('sunbid.upload.chunkSize')) || 4 * 1024 * 1024;
    const id = state.uploadId;
    let offset = state.received;
    progressBox.hidden = false;
    draw(offset, file.size);
    while (!state.complete && offset < file.size) {
      try {
        const answer = await json(`/api/bids/uploads/${id}?offset=${offset}`, { method: 'PUT',
          body: file.slice(offset, offset + chunk), headers: { 'Content-Type': 'application/octet-stream' } });
        offset = answer.received;
        if (!network.hidden) {
          network.hidden = true;
          status.textContent = t('upload.resumed', bytes(offset));
        }
      } catch (error) {
        if (error instanceof ProblemError && !(error.status === 409 && error.problem.expectedOffset != null)) {
          throw error;
        }
        // A dropped connection (or an offset the server disagrees with): ask what arrived and go on from there.
        offset = await receivedOffset(id, file.size);
      }
      draw(offset, file.size);
    }
    return id;
  }

  /** Completes the upload with the manifest (base64 CMS), retrying while the network is down; the receipt. */
  async function complete(id, manifest) {
    for (;;) {
      try {
        return await json(`/api/bids/uploads/${id}/complete`, { method: 'POST', json: { manifest } });
      } catch (error) {
        if (error instanceof ProblemError) {
          throw error;
        }
        await receivedOffset(id, Number(progress.max));
      }
    }
  }

  return { send, complete };
}

// Pieces the bidder pages share: countdowns to a deadline, downloads that need the bearer token, and the signing
// panel (sign in the browser with a key file that never leaves it, or paste a signature made with bidtool).
import { t, translate, dateTime } from '/js/i18n.js';
import { call } from '/js/session.js';
import { KeyFileError, base64, fromBase64, importPrivateKey, readCertificate, readFile, signCms, signRaw } from './keys.js';

/** "3天 04:05:06" until the instant, or the 'expired' text; updates every second. Returns the timer. */
export function countdown(element, iso, onExpired) {
  const deadline = new Date(iso).getTime();
  const draw = () => {
    const left = Math.floor((deadline - Date.now()) / 1000);
    if (left <= 0) {
      element.textContent = t('countdown.passed');
      element.classList.add('bad');
      clearInterval(timer);
      if (onExpired) {
        onExpired();
      }
      return;
    }
    const two = (n) => String(n).padStart(2, '0');
    const days = Math.floor(left / 86400);
    const clock = `${two(Math.floor(left % 86400 / 3600))}:${two(Math.floor(left % 3600 / 60))}:${two(left % 60)}`;
    element.textContent = days > 0 ? t('countdown.days', days, clock) : clock;
  };
  const timer = setInterval(draw, 1000);
  draw();
  element.setAttribute('title', dateTime(iso));
  return timer;
}

/** A size in people's units: B, KB, MB (1 KB = 1024 B), one decimal. */
export function bytes(n) {
  if (n < 1024) {
    return `${n} B`;
  }
  if (n < 1024 * 1024) {
    return `${(n / 1024).toFixed(1)} KB`;
  }
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A bid's short number for people ("TB-3F2A9C1D"): the first eight hex digits of its id, which the API still uses. */
export function bidNumber(id) {
  return `TB-${String(id).replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** The file name a response's Content-Disposition gives (RFC 6266 filename* first), or null. */
function dispositionName(response) {
  const header = response.headers.get('Content-Disposition') || '';
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    return decodeURIComponent(extended[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : null;
}

/** Downloads an authenticated resource (or given bytes) as a file; the server's file name wins over fileName. */
export async function download(pathOrBlob, fileName) {
  let blob = pathOrBlob;
  if (!(pathOrBlob instanceof Blob)) {
    const response = await call(pathOrBlob);
    fileName = dispositionName(response) || fileName;
    blob = await response.blob();
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads a file the platform makes after it has answered (a receipt's signed PDF): while the server answers 202 it
 * waits as Retry-After says (onWaiting is told once per wait), for up to about a minute, then gives up with the
 * 'receipt.pdf-pending' text.
 */
export async function downloadWhenReady(path, fileName, onWaiting) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const response = await call(path);
    if (response.status !== 202) {
      return download(await response.blob(), dispositionName(response) || fileName);
    }
    if (onWaiting) {
      onWaiting();
    }
    const seconds = Math.min(10, Math.max(1, Number(response.headers.get('Retry-After')) || 2));
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
  throw new Error(t('receipt.pdf-pending'));
}

/** The user-facing text of an error from the key functions or the API. */
export function message(error) {
  return error instanceof KeyFileError ? t(error.key) : error.message;
}

let panels = 0;

/**
 * Draws the signing panel into container. kind 'raw' (login challenge: raw or CMS signature accepted) or 'cms'
 * (CMS SignedData, detached unless attached is true; needs the certificate file too). command(text) is the bidtool
 * command shown for the paste mode. Returns {setText(text), sign(bytes) -> {signature (base64), format}}.
 */
export function signerPanel(container, { kind, attached = false, command }) {
  const n = ++panels;
  const id = (name) => `${name}-${n}`;
  const box = document.createElement('fieldset');
  box.className = 'signer';
  box.innerHTML = `
    <legend data-i18n="signer.legend"></legend>
    <div class="choices">
      <label><input type="radio" name="${id('how')}" value="browser" checked> <span data-i18n="signer.browser"></span></label>
      <label><input type="radio" name="${id('how')}" value="paste"> <span data-i18n="signer.paste"></span></label>
    </div>
    <div class="how-browser stack">
      <label for="${id('key')}" data-i18n="signer.key"></label>
      <input type="file" id="${id('key')}" name="keyFile" class="key-file" accept=".pem,.der,.key,.p8,.pk8,.p12,.pfx">
      <p class="meta" data-i18n="signer.key.hint"></p>
      <label for="${id('cert')}" class="cert" data-i18n="signer.cert"></label>
      <input type="file" id="${id('cert')}" name="certificateFile" class="cert-file cert" accept=".pem,.crt,.cer,.der">
    </div>
    <div class="how-paste stack" hidden>
      <p data-i18n="signer.command"></p>
      <pre class="command" tabindex="0"></pre>
      <label for="${id('sig')}" data-i18n="signer.signature"></label>
      <textarea id="${id('sig')}" name="signature" class="signature" rows="4" spellcheck="false"></textarea>
      <label for="${id('fmt')}" class="fmt" data-i18n="signer.format"></label>
      <select id="${id('fmt')}" class="format fmt"><option value="CMS">CMS (bidtool sign --detached)</option>
        <option value="RAW">RAW (openssl dgst -sha256 -sign)</option></select>
    </div>`;
  container.append(box);
  translate(box);
  for (const el of box.querySelectorAll('.cert')) {
    el.hidden = kind !== 'cms';
  }
  for (const el of box.querySelectorAll('.fmt')) {
    el.hidden = kind === 'cms';
  }
  const how = () => box.querySelector(`input[name="${id('how')}"]:checked`).value;
  for (const radio of box.querySelectorAll(`input[name="${id('how')}"]`)) {
    radio.addEventListener('change', () => {
      box.querySelector('.how-browser').hidden = how() !== 'browser';
      box.querySelector('.how-paste').hidden = how() !== 'paste';
    });
  }
  const panel = {
    element: box,
    mode: how,
    setText(text) {
      box.querySelector('.command').textContent = command(text);
    },
    /** Signs bytes in the browser, or returns the pasted signature. */
    async sign(content) {
      if (how() === 'paste') {
        const pasted = box.querySelector('.signature').value.trim();
        if (!pasted) {
          throw new KeyFileError('signer.error.no-signature');
        }
        fromBase64(pasted);
        return { signature: pasted.replace(/\s+/g, ''), format: kind === 'cms' ? 'CMS' : box.querySelector('.format').value };
      }
      const keyFile = box.querySelector('.key-file').files[0];
      if (!keyFile) {
        throw new KeyFileError('signer.error.no-key');
      }
      const key = await importPrivateKey(await readFile(keyFile));
      if (kind !== 'cms') {
        return { signature: base64(await signRaw(key, content)), format: 'RAW' };
      }
      const certFile = box.querySelector('.cert-file').files[0];
      if (!certFile) {
        throw new KeyFileError('signer.error.no-cert');
      }
      const certificate = readCertificate(await readFile(certFile));
      return { signature: base64(await signCms(key, certificate, content, !attached)), format: 'CMS' };
    },
  };
  panel.setText('…');
  return panel;
}

// Loads the extension's classic scripts the way a browser does (one shared global per context),
// into a plain VM context or into a jsdom window.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, 'extension');
// The extension's Chromium id (from the manifest's key), as the helper allows it by default: one
// list for the host build, the packages and the tests.
export const EXT_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/extension_ids.json'), 'utf8')).chrome[0];

function runFiles(context, files) {
  for (const file of files) {
    const code = fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
    new vm.Script(code, { filename: file }).runInContext(context);
  }
}

/** A bare context (like a service worker) with the given extension files loaded; returns its global. */
export function loadInContext(files, extraGlobals = {}) {
  const sandbox = { URL, TextEncoder, TextDecoder, console, setTimeout, clearTimeout, ...extraGlobals };
  const context = vm.createContext(sandbox);
  runFiles(context, files);
  return vm.runInContext('globalThis', context);
}

/** A jsdom page at `url` with the content scripts' libraries loaded; returns {dom, window, document}. */
export function loadPage(html, { url = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', files = ['lib/protocol.js', 'content/scan.js', 'content/tree-style.js', 'content/highlight.js'], beforeScripts = () => {} } = {}) {
  const dom = new JSDOM(html, { url, runScripts: 'outside-only' });
  beforeScripts(dom.window);
  runFiles(dom.getInternalVMContext(), files);
  return { dom, window: dom.window, document: dom.window.document };
}

/** Plain JSON copy: values made in another VM context compare deep-equal afterwards. */
export const plain = (value) => JSON.parse(JSON.stringify(value));

/**
 * Whether a docs/protocol.md example or transcript line is a host reply: a request and its reply
 * share the type for hello, walkthrough, config, status, report and import_history, and differ
 * by the fields below.
 */
export const isReplyExample = (msg) => ['verdict', 'error'].includes(msg.type) ||
  (msg.type === 'hello' && 'host_version' in msg) ||
  (msg.type === 'walkthrough' && 'steps' in msg) ||
  (msg.type === 'config' && 'regions' in msg) ||
  (msg.type === 'status' && 'plan' in msg) ||
  (msg.type === 'report' && 'content' in msg) ||
  (msg.type === 'import_history' && 'history' in msg);

/** A locale's messages.json, by locale folder name. */
export const messagesOf = (locale) => JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, '_locales', locale, 'messages.json'), 'utf8'));

/** chrome.i18n.getMessage as the browser answers it in `locale`: $1, $2… substituted, '' if unknown. */
export function translator(locale) {
  const messages = messagesOf(locale);
  return (name, subs = []) => {
    if (name === '@@ui_locale') return locale;
    if (name === '@@bidi_dir') return 'ltr';
    const entry = messages[name];
    return entry ? entry.message.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '') : '';
  };
}

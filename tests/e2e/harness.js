// Launches a real browser (Debian chromium or firefox-esr, through puppeteer-core) with the
// unpacked extension, the real linkedout-host registered by its own `install` command into a
// throwaway profile, and www.linkedin.com mapped to the replica. Flags and paths follow
// the proven recipe in the project's browser notes; every run gets fresh temp dirs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { it } from 'node:test';

import puppeteer from 'puppeteer-core';
import { whyNotFresh as whyBackgroundNotFresh } from '../../scripts/bundle-background';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
export const EXTENSION_DIR = path.join(REPO_ROOT, 'extension');
// Screenshots refresh the committed pictures only when asked (LINKEDOUT_UPDATE_SCREENSHOTS=1), so
// an ordinary test run leaves the work tree clean; otherwise they go to a temp dir (printed).
export const SCREENSHOT_DIR = process.env.LINKEDOUT_UPDATE_SCREENSHOTS === '1'
  ? path.join(REPO_ROOT, 'docs/screenshots')
  : (process.env.LINKEDOUT_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'linkedout-screenshots'));
export const HOST_NAME = 'io.linkedout.host';
// The stores' screenshot size (Chrome Web Store, Edge Add-ons): pages are shot at exactly this.
export const STORE_SCREENSHOT_SIZE = Object.freeze({ width: 1280, height: 800 });

const BROWSER_BINARIES = {
  chromium: ['/usr/bin/chromium', '/usr/lib/chromium/chromium'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

// The suites use build/ (scripts/test builds it); a developer may point elsewhere.
export function hostBinary() {
  return process.env.LINKEDOUT_HOST_BINARY ?? path.join(REPO_ROOT, 'build/native-host/linkedout-host');
}

export function extensionManifest() {
  return JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
}

// Chrome derives the id from the manifest key: SHA-256 of the DER key, first 32 hex digits
// mapped 0-f → a-p.
export function chromeExtensionId(manifest = extensionManifest()) {
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function geckoId(manifest = extensionManifest()) {
  return manifest.browser_specific_settings.gecko.id;
}

// Fixed moz-extension UUID (pref extensions.webextensions.uuids) so the popup URL is known.
export const FIREFOX_EXTENSION_UUID = '5f3c6a1e-9b7d-4c2a-8e41-0d6b7f2a9c13';

export function findBrowser(kind) {
  return BROWSER_BINARIES[kind].find((p) => existsSync(p)) ?? null;
}

// A missing browser fails in CI and skips elsewhere (node:test `skip` message).
export function browserAvailability(kind) {
  const binary = findBrowser(kind);
  if (binary) return { binary, skip: false };
  const why = `${kind} is not installed (looked for ${BROWSER_BINARIES[kind].join(', ')})`;
  if (process.env.CI) throw new Error(`${why}; a missing browser is a failure in CI`);
  return { binary: null, skip: why };
}

// The browser a suite runs in, or null once it has registered why not: a missing browser is one
// failing test in CI (browserAvailability throws there), a skipped one elsewhere.
export function browserForSuite(kind, skippedTitle) {
  let availability;
  try {
    availability = browserAvailability(kind);
  } catch (error) {
    it(`${kind} is installed`, () => { throw error; });
    return null;
  }
  if (availability.skip) {
    it(skippedTitle, { skip: availability.skip }, () => {});
    return null;
  }
  return availability;
}

// Only there to fail instead of hang: an install writes one small file and takes milliseconds.
const INSTALL_BOUND_MS = 30_000;

// Registers the host with the real `linkedout-host install --browser B --manifest-dir DIR`.
export function installHost(browserKind, manifestDir) {
  mkdirSync(manifestDir, { recursive: true });
  const binary = hostBinary();
  if (!existsSync(binary)) throw new Error(`linkedout-host not built: ${binary} (run scripts/setup --no-register)`);
  let output;
  try {
    output = execFileSync(binary, ['install', '--browser', browserKind, '--manifest-dir', manifestDir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env }, timeout: INSTALL_BOUND_MS, killSignal: 'SIGKILL' });
  } catch (error) {
    if (error.code !== 'ETIMEDOUT') throw error;
    throw new Error(`linkedout-host install --browser ${browserKind} was still running ${INSTALL_BOUND_MS / 1000} s later: killed it (SIGKILL)`);
  }
  const manifestPath = path.join(manifestDir, `${HOST_NAME}.json`);
  if (!existsSync(manifestPath)) {
    throw new Error(`linkedout-host install did not write ${manifestPath}; it printed:\n${output}`);
  }
  return { manifestPath, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')), output };
}

// Firefox starts a new web content process for each new tab and closes it with the tab, and
// keeps a spare one launched in the background: a process start is about half a second of CPU,
// and the suites open hundreds of tabs. Kept alive, the tabs reuse a few (as a long-running
// browser does); measured per opened page, about a third less CPU (docs/performance.md, round 7).
const FIREFOX_PROCESS_PREFS = {
  'dom.ipc.keepProcessesAlive.web': 4,
  'dom.ipc.processPrelaunch.enabled': false,
};

const CHROMIUM_QUIET_FLAGS = [
  '--no-sandbox',  // required as root
  '--no-first-run', '--no-default-browser-check', '--disable-sync', '--disable-quic',
  '--disable-background-networking', '--disable-component-update',
  '--disable-features=NetworkTimeServiceQuerying',
];

// The browsers run extension/background.js, built from background/ (not committed): a test of a
// stale or missing one would test other code than the sources say.
function assertBackgroundFresh() {
  const why = whyBackgroundNotFresh();
  if (why) throw new Error(why);
}

// withExtension: false gives a plain browser on the replica (the replica's own tests).
// firefoxPrefs / extraEnv: added to the profile's prefs and the browser's environment (policy tests).
// extensionDir: load another copy of the extension (e.g. one without its `key`, as a store installs
// it); Chromium then picks the id, read from the service worker's URL.
// uiLang: the browser's own UI language (e.g. 'de'), which chrome.i18n.getUILanguage() reports;
// Chromium takes it from --lang and LANGUAGE, Firefox from intl.locale.requested (its language
// pack must be installed: Debian's firefox-esr-l10n-*). Unset: `lang`, as before.
export async function launchBrowser(kind, { replica, registerHost = true, withExtension = true, lang = 'en-US', uiLang = null, headless = true, firefoxPrefs = {}, extraEnv = {}, extensionDir = EXTENSION_DIR } = {}) {
  const { binary, skip } = browserAvailability(kind);
  if (skip) throw new Error(skip);
  if (withExtension && extensionDir === EXTENSION_DIR) assertBackgroundFresh();
  const root = mkdtempSync(path.join(os.tmpdir(), `linkedout-e2e-${kind}-`));
  const home = path.join(root, 'home');
  const dataDir = path.join(root, 'data');
  const stateHome = path.join(root, 'state');
  for (const dir of [home, dataDir, stateHome]) mkdirSync(dir, { recursive: true });
  // The browser hands its environment to the native host: this is how the host finds its
  // throwaway state store (LINKEDOUT_DATA_DIR) and log directory (XDG_STATE_HOME).
  const env = {
    ...process.env,
    HOME: home,
    LINKEDOUT_DATA_DIR: dataDir,
    XDG_STATE_HOME: stateHome,
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',  // keeps Firefox's remote-settings calls on a dummy URL
    ...(uiLang ? { LANGUAGE: uiLang } : {}),
    ...extraEnv,
  };

  let browser;
  let hostRegistration = null;
  let popupUrl;
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const popupPath = manifest.action?.default_popup ?? 'popup/popup.html';

  if (kind === 'chromium') {
    const profileDir = path.join(root, 'profile');
    if (registerHost) hostRegistration = installHost('chromium', path.join(profileDir, 'NativeMessagingHosts'));
    let extensionId = manifest.key ? chromeExtensionId(manifest) : null;
    browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: binary,
      headless,
      userDataDir: profileDir,
      env,
      ignoreDefaultArgs: ['--disable-extensions'],
      defaultViewport: STORE_SCREENSHOT_SIZE,
      args: [
        ...CHROMIUM_QUIET_FLAGS,
        `--lang=${uiLang ?? lang}`,
        ...(withExtension ? [`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`] : []),
        `--host-resolver-rules=MAP ${replica.hostname} 127.0.0.1:${replica.port}, MAP * ~NOTFOUND`,
        `--ignore-certificate-errors-spki-list=${replica.certificate.spkiSha256}`,
      ],
    });
    if (withExtension) {
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId ?? ''}`),
        { timeout: 15000 },
      ).catch((error) => {
        browser.close();
        throw new Error(`the extension's service worker never started in Chromium: ${error.message}`);
      });
      extensionId = new URL(worker.url()).host;
    }
    popupUrl = `chrome-extension://${extensionId}/${popupPath}`;
    return makeSession({ kind, browser, root, home, dataDir, stateHome, hostRegistration, popupUrl, extensionId });
  }

  if (kind === 'firefox') {
    const id = geckoId(manifest);
    if (registerHost) hostRegistration = installHost('firefox', path.join(home, '.mozilla/native-messaging-hosts'));
    popupUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}/${popupPath}`;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: binary,
      headless,
      acceptInsecureCerts: true,
      env,
      defaultViewport: STORE_SCREENSHOT_SIZE,
      args: ['--remote-allow-system-access'],  // lets BiDi open the moz-extension:// popup page
      extraPrefsFirefox: {
        ...FIREFOX_PROCESS_PREFS,
        'network.dns.localDomains': replica.hostname,
        'network.socket.forcePort': `443=${replica.port}`,
        'extensions.webextensions.uuids': JSON.stringify({ [id]: FIREFOX_EXTENSION_UUID }),
        'intl.accept_languages': lang,
        ...(uiLang ? { 'intl.locale.requested': uiLang } : {}),
        ...firefoxPrefs,
      },
    });
    if (withExtension) {
      const installedId = await browser.installExtension(extensionDir);
      if (installedId !== id) throw new Error(`Firefox installed the extension as ${installedId}, expected ${id}`);
    }
    return makeSession({ kind, browser, root, home, dataDir, stateHome, hostRegistration, popupUrl, extensionId: id });
  }
  throw new Error(`unknown browser kind ${kind}`);
}

function makeSession({ kind, browser, root, home, dataDir, stateHome, hostRegistration, popupUrl, extensionId }) {
  return {
    kind, browser, root, home, dataDir, stateHome, hostRegistration, popupUrl, extensionId,
    version: () => browser.version(),
    statePath: path.join(dataDir, 'state.json'),
    readState() {
      const file = path.join(dataDir, 'state.json');
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
    },
    hostLog() {
      const file = path.join(stateHome, 'linkedout/host.log');
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    },
    async close() {
      await browser.close().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}

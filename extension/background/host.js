/*
 * The host connection: the one long-lived port to the native helper (lib/host-connection.js),
 * and the popup's `retry`, which drops it and connects afresh.
 */
import '../lib/protocol.js';
import '../lib/host-connection.js';

const UNREACHABLE = ['host_missing', 'host_forbidden', 'host_failed', 'incompatible'];

export function install(background) {
  const { browser } = background;
  const host = new LinkedOutHostConnection.HostConnection({
    connectNative: (name) => browser.runtime.connectNative(name),
    // Chromium reports the reason in runtime.lastError, Firefox on port.error.
    lastErrorOf: (port) => (browser.runtime.lastError && browser.runtime.lastError.message) ||
      (port.error && port.error.message) || null,
    extensionVersion: browser.runtime.getManifest().version,
    uiLanguage: browser.i18n.getUILanguage(),
    onStateChange: (state) => {
      if (UNREACHABLE.includes(state.status)) background.badge.problem();
    },
  });
  background.host = host;

  background.router.on('retry', async () => {
    host.disconnect();
    await host.connect().catch(() => {});
    return { status: 'ok', host: host.state };
  });
}

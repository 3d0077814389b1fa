/*
 * The host connection: the helper's long-lived port (lib/host-connection.js) when the helper is
 * installed and allows this extension, else the built-in core (lib/core-backend.js, issue 24):
 * the same messages either way. And the popup's `retry`, which drops it and connects afresh.
 */
import '../lib/protocol-validators.js';
import '../lib/protocol.js';
// The built-in core's loader (scripts/build-wasm; scripts/setup and scripts/package build it):
// a static import, as Chromium allows no import() in a service worker. It sets LinkedOutCore.
// In extension/background.js the worker loads it first instead (Firefox: the manifest lists it).
import '../core/linkedout-core.js';
import '../lib/host-connection.js';
import '../lib/core-backend.js';

// The badge warns only when neither the helper nor the built-in core answers.
const UNREACHABLE = ['host_missing', 'host_forbidden', 'host_failed', 'incompatible', 'core_failed'];

export function install(background) {
  const { browser } = background;
  const host = LinkedOutCoreBackend.createForBrowser(browser, {
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

// A store install in Chromium: the extension loaded WITHOUT its `key` gets an id of its own (as
// from the Chrome Web Store or Edge Add-ons), while the helper is registered for LinkedOut's
// default id. Meanwhile the built-in core answers (issue 24: the helper is used when it is installed
// AND allows this extension), and the popup still shows the id and the one command that lets the
// helper in; once that command has run, the helper takes over.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startReplica } from '../fixtures/linkedin/server.js';
import { browserAvailability, chromeExtensionId, EXTENSION_DIR, hostBinary, launchBrowser } from './harness.js';
import { openPopup, readPopup, waitForPopup } from './popup-helpers.js';

const availability = browserAvailability('chromium');

// A copy of extension/ whose manifest has no `key`.
function keylessCopy() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linkedout-store-copy-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  delete manifest.key;
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return dir;
}

describe('chromium: store install (extension without its key, helper registered for the default id)', { skip: availability.skip }, () => {
  let replica;
  let session;
  let extensionDir;

  before(async () => {
    extensionDir = keylessCopy();
    replica = await startReplica();
    session = await launchBrowser('chromium', { replica, extensionDir });
  });

  after(async () => {
    await session?.close();
    await replica?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  it('runs under an id of its own, not the one the helper allows', () => {
    assert.match(session.extensionId, /^[a-p]{32}$/);
    assert.notEqual(session.extensionId, chromeExtensionId());
  });

  it('popup: the helper is installed but does not allow this id; the built-in core answers, the id and the fixing command are shown', async () => {
    const popup = await openPopup(session);
    const state = await waitForPopup(popup, (s) => s.hostStatus !== 'connecting', { what: 'the connection outcome' });
    assert.equal(state.hostStatus, 'connected', state.hostText);
    assert.equal(await popup.evaluate(() => document.getElementById('host-status').dataset.backend), 'builtin');
    assert.match(state.hostText, /built-in/);
    const command = `linkedout-host install --extension-id ${session.extensionId}`;
    const shown = await popup.evaluate(() => ({
      id: document.getElementById('extension-id')?.textContent,
      command: document.getElementById('fix-command')?.textContent,
      copyVisible: Boolean(document.getElementById('copy-command')?.offsetParent),
      actualId: chrome.runtime.id,
    }));
    assert.equal(shown.actualId, session.extensionId);
    assert.equal(shown.id, session.extensionId);
    assert.equal(shown.command, command);
    assert.equal(shown.copyVisible, true);
    assert.doesNotMatch(state.hostText, /not installed/i);
    assert.equal(state.startDisabled, false, 'the built-in core does the walkthrough while the helper refuses');

    // The copy button copies: data-copied is set only once the browser's clipboard accepted the
    // write (navigator.clipboard.writeText resolved). Reading it back would need clipboardRead.
    await popup.bringToFront();
    await popup.click('#copy-command');
    await popup.waitForFunction(() => document.getElementById('copy-command').dataset.copied === 'true', { timeout: 5000 });
    await popup.close();
  });

  it('running that command and pressing Retry (or reopening the popup) connects the helper', async () => {
    const manifestDir = path.dirname(session.hostRegistration.manifestPath);
    execFileSync(hostBinary(), ['install', '--browser', 'chromium', '--manifest-dir', manifestDir,
      '--extension-id', session.extensionId], { stdio: 'pipe' });
    const popup = await openPopup(session);
    // Retry when the popup offers it; while the background is between attempts, look again.
    const end = Date.now() + 20000;
    const backend = () => popup.evaluate(() => document.getElementById('host-status').dataset.backend);
    let state = await readPopup(popup);
    while (state.hostStatus !== 'connected' || await backend() !== 'helper') {
      if (Date.now() > end) throw new Error(`the helper never connected; the popup shows ${JSON.stringify(state)}`);
      if (state.retryVisible) await popup.click('#retry');
      else await popup.reload();
      await popup.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      state = await waitForPopup(popup, (s) => s.hostStatus !== 'connecting', { what: 'a connection outcome' });
    }
    assert.equal(state.startDisabled, false);
    await popup.close();
  });
});

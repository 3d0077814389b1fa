// The extension with NO helper installed (issue 24): the built-in core — the helper's C++ compiled
// to WebAssembly (extension/core/) — answers instead, and everything a user does works: the
// walkthrough, the highlight, the read-back, the re-check, the report downloaded as HTML, Markdown
// and JSON. The state lives in the browser's storage.local in the helper's file format. Real
// browser, real extension, the LinkedIn replica; no host manifest anywhere. Shared by Chromium and
// Firefox (no-helper-<browser>.test.js).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { UNKNOWN_TOGGLE } from '../fixtures/linkedin/site.js';
import { startReplica } from '../fixtures/linkedin/server.js';
import { defineBuiltinPopupCheck } from './a11y-scenarios.js';
import { browserForSuite, launchBrowser, SCREENSHOT_DIR } from './harness.js';
import { openMixedAiPage, readSwitches, waitForMarks, waitForSwitches } from './page-helpers.js';
import { openPopup, openReportPage, readPopup } from './popup-helpers.js';
import { defineRecheckScenarios } from './recheck-scenarios.js';
import { waitUntil } from './replica-checks.js';
import { followWalkthrough, startWalkthroughFromPopup } from './walkthrough-driver.js';

const STATE_KEY = 'linkedout.state';

/**
 * The store the built-in core keeps in storage.local, read through an extension page kept open.
 * session.readState() stays synchronous (the shared re-check scenarios call it in polls): it
 * returns the latest copy. The page answers when the stored text differs from the copy held (at
 * once, or on storage.onChanged), so nothing is asked while the store stays the same: a poll every
 * 100 ms cost a page.evaluate each for the whole suite (docs/performance.md, round 7).
 */
async function followStorageState(session) {
  const page = await openPopup(session);
  let latest = null;
  let latestText = null;
  let stopped = false;
  // Resolves with the stored text once it is not `known`; after `capMs` with `known` anyway, so
  // no call outlives the protocol's own timeout.
  const nextText = (key, known, capMs) => new Promise((resolve) => {
    let timer;
    const done = (text) => {
      clearTimeout(timer);
      chrome.storage.onChanged.removeListener(listener);
      resolve(text);
    };
    const listener = (changes, area) => {
      if (area === 'local' && key in changes) done(changes[key].newValue ?? null);
    };
    chrome.storage.onChanged.addListener(listener);  // before the read: no change falls between
    timer = setTimeout(() => done(known), capMs);
    chrome.storage.local.get(key).then((items) => {
      const text = items[key] ?? null;
      if (text !== known) done(text);
    });
  });
  const follow = async () => {
    while (!stopped) {
      const text = await page.evaluate(nextText, STATE_KEY, latestText, 20000).catch(() => undefined);
      if (text === undefined) {
        await new Promise((r) => setTimeout(r, 100));  // the page was busy or gone: ask again
      } else if (text !== latestText) {
        latestText = text;
        latest = text === null ? null : JSON.parse(text);
      }
    }
  };
  const loop = follow();
  session.readState = () => latest;
  return async () => { stopped = true; await page.close().catch(() => {}); await loop; };
}

export function defineNoHelperSuite(kind) {
  const availability = browserForSuite(kind, `${kind} without the helper`);
  if (!availability) return;

  describe(`${kind} + extension, no helper: the built-in core`, () => {
    let replica;
    let session;
    let stopFollowing = async () => {};
    const allKeysOn = () => Object.fromEntries(Object.keys(replica.toggles()).map((k) => [k, true]));

    before(async () => {
      replica = await startReplica({ renderDelayMs: 300 });
      session = await launchBrowser(kind, { replica, registerHost: false });
      console.log(`# ${kind}: ${await session.version()}, no helper registered`);
      stopFollowing = await followStorageState(session);
    });
    after(async () => {
      await stopFollowing();
      await session?.close();
      await replica?.close();
    });

    it('popup: the built-in core is in use, what the helper adds is one folded line, nothing to install', async () => {
      const popup = await openPopup(session);
      const state = await readPopup(popup);
      const seen = await popup.evaluate(() => ({
        backend: document.getElementById('host-status').dataset.backend,
        adds: !document.getElementById('helper-adds').hidden,
        addsOpen: document.getElementById('helper-adds').open,
        addsText: document.getElementById('helper-adds').textContent,
        guide: !document.getElementById('install-guide').hidden,
      }));
      assert.equal(state.hostStatus, 'connected', state.hostText);
      assert.equal(seen.backend, 'builtin');
      assert.match(state.hostText, /built-in/);
      assert.deepEqual([seen.adds, seen.addsOpen, seen.guide], [true, false, false]);
      assert.match(seen.addsText, /every browser and profile/);
      assert.match(seen.addsText, /linkedout-host status and report/);
      assert.match(seen.addsText, /organisation/);
      assert.equal(state.retryVisible, false);
      assert.equal(state.startDisabled, false, 'the walkthrough works without the helper');
      for (const step of state.steps) assert.equal(step.state, step.kind === 'form' ? 'todo' : 'unseen', step.step);
      const badge = await popup.evaluate(() => chrome.action.getBadgeText({}));
      assert.notEqual(badge, '!', 'no warning badge while the built-in core works');
      await popup.screenshot({ path: `${SCREENSHOT_DIR}/${kind}-popup-builtin.png` }).catch(() => {});
      await popup.close();
    });

    // Accessibility of the same popup (a11y-scenarios.js), before anything has been done.
    defineBuiltinPopupCheck(it, () => ({ session }));

    it('walkthrough from the popup visits every settings page in order and ends with all off', async () => {
      replica.setToggles(allKeysOn());
      const { popup, tab } = await startWalkthroughFromPopup(session);
      const visited = await followWalkthrough(tab, replica.ruleset);
      assert.deepEqual(visited, replica.ruleset.settings.map((s) => s.path));
      for (const setting of replica.ruleset.settings) {
        assert.equal(replica.toggles()[setting.keys[0] ?? setting.id], false, `${setting.id} is off on the server`);
      }
      assert.equal(replica.toggles()[UNKNOWN_TOGGLE.key], true, 'a switch the ruleset does not know is left alone');
      await popup.close();
      await tab.close();
    });

    it('storage.local holds the helper\'s store format: every setting off, with its history', async () => {
      const store = await waitUntil(() => {
        const s = session.readState();
        return s && replica.ruleset.settings.every((x) => s.settings?.[x.id]?.state === 'off') ? s : null;
      }, { what: 'storage.local to record every setting off' });
      assert.equal(store.version, 1);
      for (const setting of replica.ruleset.settings) {
        const history = store.history.filter((h) => h.setting === setting.id).map((h) => [h.from, h.to]);
        assert.deepEqual(history, [['', 'on'], ['on', 'off']], `history of ${setting.id}`);
      }
      const popup = await openPopup(session);
      const state = await readPopup(popup);
      const states = Object.fromEntries(state.steps.map((s) => [s.step, s.state]));
      for (const setting of replica.ruleset.settings) assert.equal(states[setting.id], 'off', setting.id);
      await popup.close();
    });

    it('highlights exactly the switches that are on; a flip clears it only once it reads back off', async () => {
      // The same mixed page as with the helper (scenarios.js): one page, one answer.
      const page = await openMixedAiPage(replica, session.browser);
      const switches = await readSwitches(page);
      assert.equal(switches.find((s) => s.key === 'allowLinkedInAudienceNetwork').mark, null,
        'another setting\'s switch is not judged on this page');
      assert.equal(switches.find((s) => s.key === UNKNOWN_TOGGLE.key).mark, null, 'unknown toggle untouched');
      assert.equal(switches.find((s) => s.key === 'allowUseOfThirdPartyData').mark, null, 'unreadable toggle untouched');
      await page.close();

      const setting = replica.ruleset.settings[0];
      replica.setToggles(allKeysOn());
      const tab = await session.browser.newPage();
      await tab.goto(replica.url(setting.path));
      await waitForSwitches(tab, 1);
      await waitForMarks(tab, { [setting.keys[0]]: 'switch-off' });
      await tab.waitForSelector('[data-linkedout-row] [data-linkedout-reason]');
      await tab.click('input[role="switch"]');
      await waitForMarks(tab, { [setting.keys[0]]: 'ok' });
      const store = await waitUntil(() => {
        const s = session.readState();
        return s?.settings?.[setting.id]?.state === 'off' && s.history.filter((h) => h.setting === setting.id).length >= 4 ? s : null;
      }, { what: `storage.local to record ${setting.id} off again` });
      const history = store.history.filter((h) => h.setting === setting.id).map((h) => [h.from, h.to]);
      assert.deepEqual(history.slice(-2), [['off', 'on'], ['on', 'off']]);
      await tab.close();
    });

    defineRecheckScenarios(it, () => ({ session, replica }));

    it('the report downloads from the popup as HTML, Markdown and JSON', async () => {
      const popup = await openPopup(session);
      const report = await openReportPage(session, popup);
      await waitUntil(() => report.evaluate(() => !document.getElementById('save-report-json').hidden).catch(() => false),
        { what: 'the three save links', timeout: 15000 });
      const files = await report.evaluate(async () => {
        const read = async (id) => {
          const link = document.getElementById(id);
          return { name: link.download, text: await (await fetch(link.href)).text() };
        };
        return { html: await read('save-report'), md: await read('save-report-md'), json: await read('save-report-json') };
      });
      assert.match(files.html.name, /^linkedout-report-\d{4}-\d{2}-\d{2}\.html$/);
      assert.match(files.html.text, /^<!doctype html>/i);
      assert.match(files.md.name, /\.md$/);
      assert.match(files.md.text, /^# LinkedOut report/);
      assert.match(files.json.name, /\.json$/);
      const json = JSON.parse(files.json.text);
      assert.equal(json.report, 'linkedout');
      assert.ok(json.settings.some((s) => s.state === 'off'), 'the report knows what the walkthrough switched off');
      await report.close();
      await popup.close();
    });
  });
}

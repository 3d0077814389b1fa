// LinkedOut speaks the browser's UI language, not LinkedIn's: both browsers run with a German UI
// on an English LinkedIn (the replica), the walkthrough runs through every page, and no English
// LinkedOut text may appear in the page labels, the popup or the report. Then one page, the popup
// and the report are photographed in German (both browsers) and French (Chromium) for the docs.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startReplica } from '../fixtures/linkedin/server.js';
import { browserAvailability, EXTENSION_DIR, launchBrowser, SCREENSHOT_DIR } from './harness.js';
import { waitForSwitches } from './page-helpers.js';
import { openPopup, openReportPage } from './popup-helpers.js';
import { followWalkthrough, startWalkthroughFromPopup } from './walkthrough-driver.js';

const messagesOf = (locale) => JSON.parse(readFileSync(path.join(EXTENSION_DIR, '_locales', locale, 'messages.json'), 'utf8'));

// Everything LinkedOut could say in English, cut into phrases of at least two words of three or
// more letters (names, commands and numbers are not English to look for). A message the locale
// rightly keeps as in English (e.g. "Hong Kong" in French) is not looked for.
function englishPhrases(ruleset, uiLang) {
  const local = messagesOf(uiLang);
  const texts = [
    ...Object.entries(messagesOf('en')).filter(([name, m]) => local[name]?.message !== m.message).map(([, m]) => m.message),
    ...ruleset.settings.flatMap((s) => [s.reasons.en, ...s.labels.en]),
    ...ruleset.forms.flatMap((f) => [f.titles.en, f.guidance.en]),
  ];
  const phrases = new Set();
  for (const text of texts) {
    for (const piece of clean(text).split(/[.,:;!?()"“”„«»‘’—–…]|\$\d/)) {
      const words = piece.trim().split(/\s+/).filter((w) => /^[A-Za-z'-]{3,}$/.test(w));
      if (words.length >= 2) phrases.add(piece.trim());
    }
  }
  return [...phrases];
}

// Names and commands that stay the same in every language.
const clean = (text) => text.replace(/linkedout-host( (install|doctor|report))?/g, ' ').replace(/\b(LinkedOut|LinkedIn)\b/g, ' ');

function englishIn(text, phrases) {
  const plain = clean(text);
  return phrases.filter((phrase) => plain.includes(phrase));
}

async function screenshot(page, name, options = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), ...options });
}

// The report page's frame: its HTML and the status line above it.
function readReportPage(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    state: document.getElementById('report-status').dataset.state,
    html: document.getElementById('report-frame').getAttribute('srcdoc') ?? '',
    chrome: document.body.innerText,
    frameTitle: document.getElementById('report-frame').title,
  }));
}

function defineUiLanguageSuite(kind, uiLang, { walkthrough }) {
  const availability = browserAvailability(kind);
  describe(`${kind} with its UI in ${uiLang}, LinkedIn in English`, { skip: availability.skip }, () => {
    let replica;
    let session;
    let phrases;

    before(async () => {
      replica = await startReplica({ lang: 'en', renderDelayMs: 100 });
      session = await launchBrowser(kind, { replica, uiLang });
      phrases = englishPhrases(replica.ruleset, uiLang);
      assert.ok(phrases.length > 50, `${phrases.length} English phrases to look for`);
    });
    after(async () => {
      await session?.close();
      await replica?.close();
    });

    it(`chrome.i18n.getUILanguage() says ${uiLang}, and the popup speaks it`, async () => {
      const popup = await openPopup(session);
      const seen = await popup.evaluate(() => ({
        ui: chrome.i18n.getUILanguage(), lang: document.documentElement.lang,
        start: document.getElementById('start').textContent, text: document.body.innerText,
        titles: [...document.querySelectorAll('#steps .step-title')].map((el) => el.textContent),
      }));
      assert.match(seen.ui, new RegExp(`^${uiLang}\\b`), `UI language ${seen.ui}`);
      assert.match(seen.lang, new RegExp(`^${uiLang}\\b`));
      assert.equal(seen.start, messagesOf(uiLang).startButton.message);
      assert.equal(seen.titles[0], replica.ruleset.settings[0].labels[uiLang][0], 'LinkedIn\'s own name for the setting');
      assert.deepEqual(englishIn(seen.text, phrases), [], 'English in the popup');
      await popup.close();
    });

    if (walkthrough) {
      it('the walkthrough labels every page in the UI language, though the page is English', async () => {
        const all = Object.fromEntries(Object.keys(replica.toggles()).map((k) => [k, true]));
        replica.setToggles(all);
        const { popup, tab } = await startWalkthroughFromPopup(session);
        const labels = [];
        await followWalkthrough(tab, replica.ruleset, async ({ setting, phase }) => {
          if (phase !== 'highlighted') return;
          assert.equal(await tab.$eval('html', (h) => h.lang), 'en', 'LinkedIn is in English');
          labels.push([setting.id, await tab.$eval('[data-linkedout-reason]', (el) => el.textContent)]);
        });
        assert.equal(labels.length, replica.ruleset.settings.length);
        const prefix = messagesOf(uiLang).highlightReason.message.replace('$1', '');
        for (const [id, label] of labels) {
          assert.ok(label.startsWith(prefix), `${id}: ${label}`);
          assert.deepEqual(englishIn(label, phrases), [], `English in the label of ${id}: ${label}`);
        }
        const popupText = await popup.evaluate(() => document.body.innerText);
        assert.deepEqual(englishIn(popupText, phrases), [], 'English in the popup after the walkthrough');
        await popup.close();
        await tab.close();
      });
    }

    it('a highlighted page, the popup and the report in the UI language (screenshots)', async () => {
      const setting = replica.ruleset.settings[0];
      replica.setToggles({ [setting.keys[0]]: true });
      const page = await session.browser.newPage();
      await page.goto(replica.url(setting.path));
      await waitForSwitches(page, 1);
      await page.waitForSelector('[data-linkedout-row] [data-linkedout-reason]', { timeout: 10000 });
      const label = await page.$eval('[data-linkedout-reason]', (el) => el.textContent);
      assert.deepEqual(englishIn(label, phrases), [], label);
      await screenshot(page, `${kind}-highlighted-ui-${uiLang}.png`);

      const popup = await openPopup(session);
      assert.deepEqual(englishIn(await popup.evaluate(() => document.body.innerText), phrases), []);
      await screenshot(popup, `${kind}-popup-ui-${uiLang}.png`, { fullPage: true });

      const report = await openReportPage(session, popup);
      const seen = await readReportPage(report);
      assert.equal(seen.state, 'ready');
      assert.match(seen.lang, new RegExp(`^${uiLang}\\b`));
      assert.match(seen.html, new RegExp(`<html lang="${uiLang}">`));
      assert.ok(seen.html.includes(setting.reasons[uiLang]), 'the reason in the UI language');
      assert.ok(!seen.html.includes(setting.reasons.en), 'not the English reason');
      assert.deepEqual(englishIn(seen.chrome, phrases), [], 'English around the report');
      assert.notEqual(seen.frameTitle, messagesOf('en').reportTitle.message);
      await screenshot(report, `${kind}-report-ui-${uiLang}.png`);
      await report.close();
      await popup.close();
      await page.close();
    });
  });
}

defineUiLanguageSuite('chromium', 'de', { walkthrough: true });
defineUiLanguageSuite('firefox', 'de', { walkthrough: true });
defineUiLanguageSuite('chromium', 'fr', { walkthrough: false });

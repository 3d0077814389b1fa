// LinkedOut speaks the browser's UI language, not LinkedIn's: both browsers run with a German UI
// on an English LinkedIn (the replica), the walkthrough runs through every page, and no English
// LinkedOut text may appear in the page labels, the popup or the report. Then one page, the popup
// and the report are photographed in German (both browsers) and French (Chromium) for the docs.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startReplica } from '../fixtures/linkedin/server.js';
import { axeViolations } from './a11y-helpers.js';
import { browserAvailability, EXTENSION_DIR, launchBrowser, SCREENSHOT_DIR } from './harness.js';
import { waitForSwitches } from './page-helpers.js';
import { openPopup, openReportPage } from './popup-helpers.js';
import { followWalkthrough, startWalkthroughFromPopup } from './walkthrough-driver.js';

// The languages LinkedOut speaks (extension/_locales).
const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl'];
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

/**
 * The popup as a reader meets it in `shown` (the language LinkedOut's messages are in): its
 * document says that language (a screen reader picks its voice by it), every visible string and
 * every accessible name is that language's (none is left in English), and axe (WCAG 2.2 AA) finds
 * nothing. `phrases`: English phrases to look for (null in English).
 */
async function checkPopupLanguage(popup, shown, phrases) {
  const messages = messagesOf(shown);
  const english = messagesOf('en');
  const seen = await popup.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    // Each visible element's own text (its text nodes), and every name or description given in an attribute.
    const own = [...document.body.querySelectorAll('*')].filter(visible)
      .map((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim()).filter(Boolean);
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
      .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a)).filter(Boolean));
    const hidden = [...document.querySelectorAll('.visually-hidden')].map((el) => el.textContent.trim());
    return { lang: document.documentElement.lang, title: document.title, own, attributes, hidden, text: document.body.innerText };
  });
  assert.match(seen.lang, new RegExp(`^${shown}(-|$)`), `the popup's lang "${seen.lang}" is the language it shows (${shown})`);
  if (shown !== 'en') {
    // A string the locale translates must not show in English, however short ("Retry", "Options").
    const untranslated = new Set(Object.keys(english).filter((name) => messages[name]?.message !== english[name].message)
      .map((name) => english[name].message).filter((text) => !text.includes('$')));
    const left = [...seen.own, ...seen.attributes, ...seen.hidden].filter((text) => untranslated.has(text));
    assert.deepEqual(left, [], `English strings in the ${shown} popup`);
    assert.deepEqual(englishIn(seen.text, phrases), [], `English phrases in the ${shown} popup`);
  }
  for (const name of ['startButton', 'recheckHeading', 'optionsHeading', 'autoSwitchLabel', 'reminderDaysName']) {
    assert.ok([...seen.own, ...seen.hidden].includes(messages[name].message), `${shown}: the popup shows ${name} "${messages[name].message}"`);
  }
  const violations = await axeViolations(popup);
  assert.deepEqual(violations, [], `axe (WCAG 2.2 AA) on the ${shown} popup: ${JSON.stringify(violations, null, 1)}`);
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
      await checkPopupLanguage(popup, uiLang, phrases);
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
      // LinkedOut's words on an English page say their language (WCAG 3.1.2): a screen reader
      // reads them in that language's voice, not in English.
      await page.waitForSelector('[data-linkedout-announce]', { timeout: 5000 });
      const langs = await page.evaluate(() => ({
        page: document.documentElement.lang,
        reason: document.querySelector('[data-linkedout-reason]').closest('[lang]')?.lang,
        announcer: document.querySelector('[data-linkedout-announce]').closest('[lang]')?.lang,
      }));
      assert.deepEqual(langs, { page: 'en', reason: uiLang, announcer: uiLang }, 'the language of LinkedOut\'s parts of the page');
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

/**
 * The popup in the languages the suites above do not run (Chromium: a launch is about a second;
 * Firefox needs a language pack for each, and has German and French only). A browser in a
 * language LinkedOut does not have (Polish) shows the English messages: the popup must then say
 * it is English, not Polish.
 */
function definePopupLanguages(browsers) {
  const availability = browserAvailability('chromium');
  describe('chromium: the popup in every other UI language, lang and axe', { skip: availability.skip }, () => {
    let replica;
    before(async () => { replica = await startReplica({ lang: 'en', renderDelayMs: 100 }); });
    after(async () => { await replica?.close(); });
    for (const [uiLang, shown] of browsers) {
      it(`a browser in ${uiLang}: the popup shows ${shown} and says so`, async () => {
        const session = await launchBrowser('chromium', { replica, uiLang });
        try {
          const popup = await openPopup(session);
          await popup.waitForSelector('#steps li', { timeout: 15000 });
          await checkPopupLanguage(popup, shown, shown === 'en' ? null : englishPhrases(replica.ruleset, shown));
        } finally {
          await session.close();
        }
      });
    }
  });
}

defineUiLanguageSuite('chromium', 'de', { walkthrough: true });
defineUiLanguageSuite('firefox', 'de', { walkthrough: true });
defineUiLanguageSuite('chromium', 'fr', { walkthrough: false });
definePopupLanguages([['es', 'es'], ['it', 'it'], ['nl', 'nl'], ['pl', 'en']]);
// Every locale LinkedOut has is run somewhere in this file (German and French above): a new one
// fails here until it is added.
assert.deepEqual(readdirSync(path.join(EXTENSION_DIR, '_locales')).sort(), [...LOCALES].sort());

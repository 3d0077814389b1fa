// Real-LinkedIn scenarios (issue 12), run inside each browser suite's session: every switch shape
// LinkedIn has shipped, two switches on a page, list checkboxes beside a switch, EU defaults,
// saves the page reverts, slow SPA navigation. The replica builds each shape from its own
// strings; the assertions read the page and the host's state store on disk.
import assert from 'node:assert/strict';

import { EU_CONSENT_KEYS, INTEREST_OPTIONS, PROMOTIONS_EMAIL_TOGGLE, UNKNOWN_TOGGLE, VARIANT_PATHS } from '../fixtures/linkedin/site.js';
import { readMarks, readSwitches, waitForMarks, waitForSwitches } from './page-helpers.js';
import { openPopup, waitForPopup } from './popup-helpers.js';
import { waitUntil } from './replica-checks.js';

// `context()` gives {replica, session} once the suite's before() has run.
export function defineShapeScenarios(it, context) {
  const settingById = (replica, id) => replica.ruleset.settings.find((s) => s.id === id);

  async function storeState(session, settingId, state) {
    return waitUntil(() => {
      const store = session.readState();
      return store?.settings?.[settingId]?.state === state ? store : null;
    }, { what: `state.json to record ${settingId} ${state}`, timeout: 10000 });
  }

  // Opens the setting's page with its first switch built as `shape`, everything else as given.
  async function openShaped(setting, shape, toggles) {
    const { replica, session } = context();
    replica.setPageShape(setting.path, shape);
    replica.setToggles(toggles);
    const page = await session.browser.newPage();
    await page.goto(replica.url(setting.path));
    return page;
  }

  function resetShape(setting) {
    const { replica } = context();
    replica.setPageShape(setting.path, null);
    replica.setSaves({});
    replica.setNavDelay(0);
  }

  // One shape: highlighted on the element that is the switch; a click clears it once the
  // read-back says off; the store records it off.
  async function flipShape(settingId, shape, tag) {
    const { replica, session } = context();
    const setting = settingById(replica, settingId);
    const key = setting.keys[0];
    const page = await openShaped(setting, { shape }, { [key]: true });
    try {
      await waitForMarks(page, { [key]: 'switch-off' });
      const [mark] = await readMarks(page);
      assert.equal(mark.tag, tag, `the mark lands on the ${tag} that is the switch`);
      await page.waitForSelector('[data-linkedout-row] [data-linkedout-reason]');
      await page.click('[data-linkedout="switch-off"]');
      await waitForMarks(page, { [key]: 'ok' });
      await waitUntil(() => replica.toggles()[key] === false, { what: `the replica to save ${key} off` });
      await storeState(session, setting.id, 'off');
    } finally {
      await page.close();
      resetShape(setting);
    }
  }

  it('the older toggle (bare checkbox, no role, no aria-checked) is read from .checked and highlighted', async () => {
    await flipShape('ads-by-age', 'legacy', 'input');
  });

  it('a <button role="switch" aria-checked> is highlighted on the button and read back after the click', async () => {
    await flipShape('ads-related-actions', 'button', 'button');
  });

  it('an aria-pressed toggle button is a switch', async () => {
    await flipShape('ads-by-gender', 'pressed', 'button');
  });

  it('a switch labelled by several ids (label + description) is matched by the id the ruleset knows', async () => {
    const { replica } = context();
    const setting = settingById(replica, 'data-for-ai-improvement');
    const key = setting.keys[0];
    const page = await openShaped(setting, { shape: 'switch', labelIds: 2 }, { [key]: true });
    try {
      await waitForSwitches(page, 1);
      const [sw] = await readSwitches(page);
      assert.equal(sw.labelledBy, `${key} ${key}-description`);
      await waitForMarks(page, { [sw.labelledBy]: 'switch-off' });
    } finally {
      await page.close();
      resetShape(setting);
    }
  });

  it('two switches on one page: the one the ruleset knows is highlighted, the other is left alone', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'linkedin-promotions');
    const key = setting.keys[0];
    const page = await openShaped(setting, { shape: 'switch' }, { [key]: true, [PROMOTIONS_EMAIL_TOGGLE.key]: true });
    try {
      await waitForSwitches(page, 2);
      await waitForMarks(page, { [key]: 'switch-off' });
      await page.click('[data-linkedout="switch-off"]');
      await waitForMarks(page, { [key]: 'ok' });
      assert.equal(replica.toggles()[PROMOTIONS_EMAIL_TOGGLE.key], true, 'the other switch is untouched');
      assert.equal(await page.$$eval('[data-linkedout-notice]', (els) => els.length), 0);
      const store = await storeState(session, setting.id, 'off');
      assert.ok(!JSON.stringify(store).includes(PROMOTIONS_EMAIL_TOGGLE.key));
    } finally {
      await page.close();
      resetShape(setting);
    }
  });

  it('plain checkboxes of a list beside a switch are not taken for settings', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'interest-categories');
    const key = setting.keys[0];
    const page = await openShaped(setting, { shape: 'switch' }, { [key]: true });
    try {
      await page.waitForSelector('fieldset input[type="checkbox"]', { timeout: 10000 });
      await waitForMarks(page, { [key]: 'switch-off' });
      assert.equal(await page.$$eval('fieldset [data-linkedout], fieldset[data-linkedout-row]', (els) => els.length), 0);
      // The row outline goes around the switch's own row, not around the list.
      assert.equal(await page.$$eval('[data-linkedout-row] fieldset', (els) => els.length), 0);
      await page.click('[data-linkedout="switch-off"]');
      await waitForMarks(page, { [key]: 'ok' });
      const store = await storeState(session, setting.id, 'off');
      for (const item of INTEREST_OPTIONS.items) assert.ok(!JSON.stringify(store).includes(item.en), item.en);
      const options = await page.$$eval('fieldset input', (els) => els.map((el) => el.checked));
      assert.deepEqual(options, INTEREST_OPTIONS.items.map((item) => item.checked), 'the options are untouched');
    } finally {
      await page.close();
      resetShape(setting);
    }
  });

  it('EU defaults: consent-based ad switches that start off are marked ok, not highlighted', async () => {
    const { replica } = context();
    const setting = settingById(replica, 'ads-beyond-linkedin');
    assert.ok(EU_CONSENT_KEYS.includes(setting.keys[0]));
    const page = await openShaped(setting, { shape: 'switch' },
      Object.fromEntries(EU_CONSENT_KEYS.map((k) => [k, false])));
    try {
      await waitForMarks(page, { [setting.keys[0]]: 'ok' });
      assert.equal(await page.$$eval('[data-linkedout-row], [data-linkedout-reason], [data-linkedout-notice]', (els) => els.length), 0);
    } finally {
      await page.close();
      resetShape(setting);
    }
  });

  it('a slow save the page reverts by script brings the highlight back and the store ends "on"', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'ads-by-age');
    const key = setting.keys[0];
    replica.setSaves({ delayMs: 700, refuse: [key] });
    const page = await openShaped(setting, { shape: 'legacy' }, { [key]: true });
    try {
      await waitForMarks(page, { [key]: 'switch-off' });
      const refusedBefore = replica.toggleEvents.filter((e) => e.refused).length;
      await page.click('[data-linkedout="switch-off"]');
      // The flip reads back off at first …
      await waitForMarks(page, { [key]: 'ok' });
      await storeState(session, setting.id, 'off');
      // … then the refused save is put back by script (.checked only), and LinkedOut notices.
      await waitUntil(() => replica.toggleEvents.filter((e) => e.refused).length > refusedBefore, { what: 'the refused save' });
      await waitForMarks(page, { [key]: 'switch-off' });
      const [sw] = await readSwitches(page);
      assert.equal(sw.checked, true, 'the page put the switch back on');
      const store = await storeState(session, setting.id, 'on');
      const history = store.history.filter((h) => h.setting === setting.id).map((h) => h.to);
      assert.deepEqual(history.slice(-2), ['off', 'on']);
      assert.equal(replica.toggles()[key], true);
    } finally {
      await page.close();
      resetShape(setting);
    }
  });

  it('slow SPA navigation: the old page\'s switch is never reported or marked under the new URL', async () => {
    const { replica, session } = context();
    const from = settingById(replica, 'data-for-ai-improvement');
    const to = settingById(replica, 'ads-beyond-linkedin');
    replica.setToggles({ [from.keys[0]]: true, [to.keys[0]]: false });
    replica.setNavDelay(1000);
    const page = await session.browser.newPage();
    try {
      await page.goto(replica.url(from.path));
      await waitForMarks(page, { [from.keys[0]]: 'switch-off' });
      // Record every mark as it lands, with the path it landed under.
      await page.evaluate(() => {
        window.marksSeen = [];
        new MutationObserver(() => {
          for (const el of document.querySelectorAll('[data-linkedout]')) {
            window.marksSeen.push([location.pathname, el.getAttribute('aria-labelledby') ?? el.id, el.dataset.linkedout]);
          }
        }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-linkedout'] });
      });
      await page.click(`nav a[href="${to.path}"]`);
      await waitForMarks(page, { [to.keys[0]]: 'ok' });
      const seen = await page.evaluate(() => window.marksSeen);
      assert.deepEqual(seen.filter(([p, k]) => p === to.path && k === from.keys[0]), [],
        `the old switch was marked under the new URL: ${JSON.stringify(seen)}`);
      const store = session.readState();
      assert.ok(!store.history.some((h) => h.setting === from.id && h.url === replica.url(to.path)),
        'no sighting of the old switch under the new URL');
    } finally {
      await page.close();
      resetShape(from);
    }
  });
}

// Match by page and never silent (issue 12): a renamed key on the mobile path; an unreadable page.
export function defineUnreadableScenarios(it, context, screenshot) {
  const settingById = (replica, id) => replica.ruleset.settings.find((s) => s.id === id);
  const mobile = (p) => p.replace('/mypreferences/d/', '/mypreferences/m/');

  it('match by page on the mobile path: a renamed key and reworded label is still this page\'s setting', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'data-for-ai-improvement');
    replica.setPageShape(setting.path, { shape: 'switch', key: 'allowGenerativeAITrainingV2',
      label: { en: 'Let LinkedIn train AI on my content', de: 'LinkedIn darf KI mit meinen Inhalten trainieren' } });
    replica.setToggles({ [setting.keys[0]]: true });
    const page = await session.browser.newPage();
    try {
      await page.goto(replica.url(mobile(setting.path)));
      await waitForMarks(page, { allowGenerativeAITrainingV2: 'switch-off' });
      await page.waitForSelector('[data-linkedout-row] [data-linkedout-reason]');
      assert.equal(await page.$$eval('[data-linkedout-notice]', (els) => els.length), 0);
      await page.click('[data-linkedout="switch-off"]');
      await waitForMarks(page, { allowGenerativeAITrainingV2: 'ok' });
      await waitUntil(() => session.readState()?.settings?.[setting.id]?.state === 'off',
        { what: `state.json to record ${setting.id} off`, timeout: 10000 });
    } finally {
      await page.close();
      replica.setPageShape(setting.path, null);
    }
  });

  it('never silent: a settings page with no switch LinkedOut can read shows a notice naming the setting', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'ads-beyond-linkedin');
    replica.setPageShape(setting.path, { shape: 'opaque' });
    replica.setToggles({ [setting.keys[0]]: true });
    const page = await session.browser.newPage();
    try {
      await page.goto(replica.url(setting.path));
      // The live region is inserted empty and filled after (so screen readers read it).
      const notice = await page.waitForSelector('[data-linkedout-notice]:not(:empty)', { timeout: 15000 });
      const text = await notice.evaluate((el) => el.textContent);
      assert.match(text, /could not read this page/);
      assert.match(text, /Ads off LinkedIn/, 'names the setting');
      assert.match(text, /by hand/);
      assert.equal(await page.$$eval('[data-linkedout]', (els) => els.length), 0, 'nothing is marked');
      await screenshot(page, `${session.kind}-page-unreadable.png`);
      // The popup says it too, with a link to the page.
      const popup = await openPopup(session);
      try {
        const state = await waitForPopup(popup, (p) => p.unreadable.some((u) => u.step === setting.id),
          { what: `the popup to list ${setting.id} as unreadable` });
        const item = state.unreadable.find((u) => u.step === setting.id);
        assert.match(item.text, /could not read this page — switch “Ads off LinkedIn” off by hand/);
        assert.equal(item.href, replica.url(setting.path));
        await screenshot(popup, `${session.kind}-popup-page-unreadable.png`, { fullPage: true });
      } finally {
        await popup.close();
      }
      // Read fine on the next visit: the popup forgets it.
      replica.setPageShape(setting.path, null);
      await page.goto(replica.url(setting.path));
      await waitForMarks(page, { [setting.keys[0]]: 'switch-off' });
      const again = await openPopup(session);
      try {
        await waitForPopup(again, (p) => !p.unreadable.some((u) => u.step === setting.id), { what: 'the popup to forget it' });
      } finally {
        await again.close();
      }
    } finally {
      await page.close();
      replica.setPageShape(setting.path, null);
    }
  });

  it('German wording from public sources: switches with no key are known by their labels alone', async () => {
    const { replica, session } = context();
    replica.setLang('de');
    try {
      // Each on its own page, with no stable key, beside an unknown keyless switch (so the page
      // alone cannot decide): only the German label can say which switch is the setting.
      for (const toggle of replica.site.pages.get(VARIANT_PATHS.labels).toggles) {
        const setting = settingById(replica, toggle.setting);
        replica.setPageShape(setting.path, { shape: 'switch', wiring: 'anonymous' });
        const restore = replica.addToggles(setting.path, [{ stateKey: 'labels-stranger', key: null, wiring: 'anonymous',
          labels: UNKNOWN_TOGGLE.labels, checked: true }]);
        replica.setToggles({ [setting.keys[0] ?? setting.id]: true });
        const page = await session.browser.newPage();
        try {
          await page.goto(replica.url(setting.path));
          await waitForSwitches(page, 2);
          const switches = await readSwitches(page);
          assert.deepEqual(switches.map((s) => s.label), [toggle.labels.de, UNKNOWN_TOGGLE.labels.de]);
          await page.waitForFunction(() => {
            const marked = [...document.querySelectorAll('[data-linkedout]')];
            return marked.length === 1 && marked[0].getAttribute('data-linkedout') === 'switch-off'
              && document.getElementById(marked[0].getAttribute('aria-labelledby'))?.textContent.trim() !== '';
          }, { timeout: 10000 }).catch(async (error) => {
            throw new Error(`${setting.id} was not known by its German label: ${JSON.stringify(await readMarks(page))} (${error.message})`);
          });
          const marks = await readMarks(page);
          assert.equal(marks[0].key, switches[0].key, 'the setting\'s own switch, not the stranger');
        } finally {
          await page.close();
          restore();
          replica.setPageShape(setting.path, null);
        }
      }
    } finally {
      replica.setLang('en');
    }
  });
}

// Checks that the replica itself behaves like LinkedIn's settings app, in a plain browser (no
// extension), so an e2e failure can be blamed on the extension or host and not on the fixture.
import assert from 'node:assert/strict';

import { UNKNOWN_TOGGLE, VARIANT_PATHS } from '../fixtures/linkedin/site.js';
import { HOME_PATH, startReplica } from '../fixtures/linkedin/server.js';
import { launchBrowser } from './harness.js';
import { readSwitches, waitForSwitches } from './page-helpers.js';

export function defineReplicaChecks(test, kind) {
  test(`replica: hashed class names, late rendering, SPA navigation, real switches (${kind})`, async (t) => {
    const replica = await startReplica({ renderDelayMs: 500 });
    const other = await startReplica();
    t.after(() => Promise.all([replica.close(), other.close()]));
    // Every server start hashes its class names afresh, like a new LinkedIn deployment.
    assert.notDeepEqual(replica.classNames, other.classNames);
    // Every ruleset entry has a page; the unknown toggle really is unknown to the ruleset.
    for (const setting of replica.ruleset.settings) assert.ok(replica.site.pages.has(setting.path), setting.id);
    assert.ok(!replica.ruleset.settings.some((s) => s.keys.includes(UNKNOWN_TOGGLE.key)));

    const session = await launchBrowser(kind, { replica, withExtension: false, registerHost: false });
    t.after(() => session.close());
    const page = await session.browser.newPage();
    const aiPath = replica.ruleset.settings[0].path;
    await page.goto(replica.url(aiPath));
    // Late rendering: the switch arrives at least renderDelayMs after the shell (timed in the
    // page, so a slow machine cannot make it look early or late).
    await waitForSwitches(page, 1);
    const times = await page.evaluate(() => window.replicaTimes);
    assert.ok(times.switchesAt - times.shellAt >= 500 - 1, JSON.stringify(times));
    let [sw] = await readSwitches(page);
    assert.deepEqual([sw.key, sw.checked, sw.ariaChecked, sw.stateText], ['allowDataForGenerativeAI', true, 'true', 'On']);
    assert.equal(await page.$eval('html', (h) => h.lang), 'en');

    // A click really flips it, and the server saves it.
    await page.click('input[role="switch"]');
    await page.waitForFunction(() => document.querySelector('input[role="switch"]').getAttribute('aria-checked') === 'false');
    [sw] = await readSwitches(page);
    assert.deepEqual([sw.checked, sw.ariaChecked, sw.stateText], [false, 'false', 'Off']);
    await waitUntil(() => replica.toggles().allowDataForGenerativeAI === false);

    // SPA navigation: pushState, no reload (a marker on window survives), switches render late again.
    await page.evaluate(() => { window.replicaMarker = 'same-document'; });
    const adsPath = replica.ruleset.settings[1].path;
    await page.click(`nav a[href="${adsPath}"]`);
    await page.waitForFunction((p) => location.pathname === p, {}, adsPath);
    // The old page's switch stays until the new one renders (as on LinkedIn): wait for the new one.
    await waitForSwitches(page, 1, 'allowLinkedInAudienceNetwork');
    assert.equal(await page.evaluate(() => window.replicaMarker), 'same-document');
    assert.equal((await readSwitches(page))[0].key, 'allowLinkedInAudienceNetwork');
    await page.goBack();
    await page.waitForFunction((p) => location.pathname === p, {}, aiPath);
    await waitForSwitches(page, 1, 'allowDataForGenerativeAI');
    assert.equal((await readSwitches(page))[0].checked, false, 'state is kept server-side');

    // Variants: German UI, unknown toggle, unreadable state, keyless and id-keyed switches.
    replica.setLang('de');
    await page.goto(replica.url(VARIANT_PATHS.mixed));
    await waitForSwitches(page, 4);
    assert.equal(await page.$eval('html', (h) => h.lang), 'de');
    const mixed = await readSwitches(page);
    assert.deepEqual(mixed.map((s) => s.key),
      ['allowDataForGenerativeAI', 'allowLinkedInAudienceNetwork', UNKNOWN_TOGGLE.key, 'allowUseOfThirdPartyData']);
    assert.deepEqual(mixed.map((s) => s.stateText), ['Aus', 'Ein', 'Ein', 'Ein']);
    assert.equal(mixed[2].label, UNKNOWN_TOGGLE.labels.de);
    assert.notEqual(String(mixed[3].checked), mixed[3].ariaChecked, 'unreadable: checked and aria-checked disagree');

    const cookies = replica.site.pages.get('/mypreferences/d/member-cookies');
    await page.goto(replica.url(cookies.path));
    await waitForSwitches(page, 1);
    const [cookieSwitch] = await readSwitches(page);
    assert.equal(cookieSwitch.id, 'nonEssentialCookieConsent');
    assert.equal(cookieSwitch.labelledBy, null);
    assert.equal(cookieSwitch.label, 'Nicht notwendige Cookies');

    // The older toggle: a bare checkbox; a refused save is put back through .checked alone (no
    // event, no attribute), after the slow save answers. Mobile paths serve the same page.
    replica.setLang('en');
    const age = replica.ruleset.settings.find((x) => x.id === 'ads-by-age');
    replica.setPageShape(age.path, { shape: 'legacy' });
    replica.setSaves({ delayMs: 300, refuse: [age.keys[0]] });
    replica.setToggles({ [age.keys[0]]: true });
    await page.goto(replica.url(age.path.replace('/mypreferences/d/', '/mypreferences/m/')));
    await waitForSwitches(page, 1);
    const legacy = await page.$eval('main input[type="checkbox"]', (el) => ({
      role: el.getAttribute('role'), aria: el.getAttribute('aria-checked'), checked: el.checked }));
    assert.deepEqual(legacy, { role: null, aria: null, checked: true });
    await page.evaluate(() => {
      window.replicaMutations = 0;
      const box = document.querySelector('main input[type="checkbox"]');
      new MutationObserver((records) => { window.replicaMutations += records.length; }).observe(box, { attributes: true });
      box.addEventListener('change', () => { window.replicaChanges = (window.replicaChanges ?? 0) + 1; });
    });
    await page.click('main input[type="checkbox"]');
    await page.waitForFunction(() => document.querySelector('main input[type="checkbox"]').checked === true
      && window.replicaChanges === 1, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.replicaMutations), 0, 'put back with no attribute change');
    assert.equal(replica.toggles()[age.keys[0]], true, 'the refused save changed nothing');
    replica.setPageShape(age.path, null);
    replica.setSaves({});

    const res = await page.goto(replica.url('/mypreferences/d/settings/no-such-page'));
    assert.equal(res.status(), 404);
    await page.goto(replica.url(HOME_PATH));
    assert.ok((await page.$$('nav a')).length >= replica.ruleset.settings.length);
  });
}

export async function waitUntil(predicate, { timeout = 5000, interval = 50, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

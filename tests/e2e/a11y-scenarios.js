// Keyboard-only and screen-reader runs of LinkedOut in a real browser (shared by the Chromium and
// Firefox files): Tab counts and focus targets read from document.activeElement, announcements
// read from the live regions, axe-core (WCAG 2.2 AA) on every LinkedOut surface, and the
// highlight's contrast on light and dark LinkedIn pages in both browser colour schemes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startReplica } from '../fixtures/linkedin/server.js';
import { browserAvailability, EXTENSION_DIR, launchBrowser } from './harness.js';
import { axeViolations, focused, highlightContrast, liveChanges, recordLiveChanges, switchLabel, tabsUntil } from './a11y-helpers.js';
import { openPopup, openReportPage } from './popup-helpers.js';
import { waitUntil } from './replica-checks.js';
import { assertNoViolations, PAGE_SURFACES, walkByKeyboard } from './a11y-keyboard-walk.js';
import { pathOf } from './walkthrough-driver.js';

const en = JSON.parse(readFileSync(path.join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'));
const message = (name, ...subs) => subs.reduce((text, sub, i) => text.replace(`$${i + 1}`, sub), en[name]?.message ?? `<no message ${name}>`);


// The browser's colour scheme: Chromium emulates it per page (CDP); Firefox takes it from a pref
// the session was launched with (BiDi has no emulation for it).
const SCHEME_PREFS = { dark: 0, light: 1 };  // layout.css.prefers-color-scheme.content-override

async function emulateScheme(page, scheme, kind) {
  if (kind === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  const applied = await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme);
  assert.equal(applied, true, `the browser reports prefers-color-scheme: ${scheme}`);
}

export function defineA11ySuite(kind) {
  const availability = browserAvailability(kind);

  describe(`${kind}: keyboard, screen reader, theme`, { skip: availability.skip }, () => {
    let replica;
    let session;

    before(async () => {
      replica = await startReplica({ renderDelayMs: 200 });
      session = await launchBrowser(kind, { replica });
    });
    after(async () => {
      await session?.close();
      await replica?.close();
    });

    it('the whole walkthrough by keyboard alone, to "All done": focus on each highlighted switch, each step said once', async () => {
      await walkByKeyboard({ session, replica, message });
    });

    it('focus on arrival never leaves a field someone is typing in', async () => {
      const setting = replica.ruleset.settings[1];
      replica.setToggles({ [setting.keys[0]]: true });
      replica.setRenderDelay(800);
      const page = await session.browser.newPage();
      try {
        await page.bringToFront();
        await page.goto(replica.url(setting.path));
        await page.click('input[type="search"]');
        await page.keyboard.type('privacy');
        await page.waitForSelector('[data-linkedout="switch-off"]', { timeout: 10000 });
        await new Promise((r) => { setTimeout(r, 500); });
        const now = await focused(page);
        assert.equal(now.type, 'search', `focus stays in the search field: ${JSON.stringify(now)}`);
        assert.equal(await page.$eval('input[type="search"]', (el) => el.value), 'privacy');
      } finally {
        replica.setRenderDelay(200);
        await page.close();
      }
    });

    it('the page re-renders the focused switch: focus comes back to it, also once it is off; each flip off is said once, the same words again when it happens again', async () => {
      const setting = replica.ruleset.settings[2];
      replica.setToggles({ [setting.keys[0]]: true });
      const page = await session.browser.newPage();
      const onSwitch = async (what) => waitUntil(async () => (await focused(page)).mark === 'switch-off', { what, timeout: 5000 })
        .catch(async (error) => { throw new Error(`${error.message}; focus is on ${JSON.stringify(await focused(page))}`); });
      try {
        await page.bringToFront();
        await page.goto(replica.url(setting.path));
        await page.waitForSelector('[data-linkedout="switch-off"]', { timeout: 10000 });
        await onSwitch('focus on the switch on arrival');
        // LinkedIn re-renders its settings card (the replica: a history navigation to the same
        // page replaces the card, and the switch renders late again): the focused element is gone.
        await page.evaluate(() => { document.activeElement.dataset.replaced = 'yes'; dispatchEvent(new PopStateEvent('popstate')); });
        await page.waitForFunction(() => {
          const input = document.querySelector('[data-linkedout="switch-off"]');
          return input && input.dataset.replaced !== 'yes' && !document.querySelector('[data-replaced]');
        }, { timeout: 10000 });
        await onSwitch('focus back on the re-rendered switch, not on the body');

        // Off, on again, off again: "… is off now" each time, once each time.
        const label = await switchLabel(page, '[data-linkedout="switch-off"]');
        const said = message('announceSwitchedOff', label);
        await recordLiveChanges(page);
        await page.keyboard.press(' ');
        await page.waitForSelector('[data-linkedout="ok"]', { timeout: 10000 });
        await page.waitForFunction((text) => globalThis.__liveChanges.some((c) => c.text.includes(text)), { timeout: 5000 }, said);
        // Off, the switch is no longer described as one to switch off.
        const description = await page.$eval('[data-linkedout="ok"]', (input) => (input.getAttribute('aria-describedby') || '')
          .split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
        assert.equal(description.includes(message('highlightReason', '').trim()), false, `the description of the switch now off: "${description}"`);
        await page.keyboard.press(' ');
        await page.waitForSelector('[data-linkedout="switch-off"]', { timeout: 10000 });
        await page.keyboard.press(' ');
        await page.waitForSelector('[data-linkedout="ok"]', { timeout: 10000 });
        await page.waitForFunction((text) => globalThis.__liveChanges.filter((c) => c.text.includes(text)).length >= 2, { timeout: 5000 }, said)
          .catch(async () => { throw new Error(`the second flip off is not said again: the live regions changed ${JSON.stringify(await liveChanges(page))}`); });
        await new Promise((r) => { setTimeout(r, 1000); });  // what later verdicts might repeat
        const spoken = (await liveChanges(page)).filter((c) => c.text !== '');
        assert.equal(spoken.length, 2, `two flips off, two announcements: ${JSON.stringify(spoken)}`);
        assert.equal((await focused(page)).mark, 'ok', 'focus stays on the switch throughout');
        // LinkedIn re-renders the card again, the switch now off: nothing is highlighted to give
        // focus to, so focus goes back to the redrawn switch of the same setting, not the body.
        await page.evaluate(() => { document.activeElement.dataset.replaced = 'yes'; dispatchEvent(new PopStateEvent('popstate')); });
        await page.waitForFunction(() => {
          const input = document.querySelector('[data-linkedout="ok"]');
          return input && !document.querySelector('[data-replaced]');
        }, { timeout: 10000 });
        await waitUntil(async () => (await focused(page)).mark === 'ok', { what: 'focus back on the redrawn switch, already off', timeout: 5000 })
          .catch(async (error) => { throw new Error(`${error.message}; focus is on ${JSON.stringify(await focused(page))}`); });
        assert.equal(await switchLabel(page, ':focus'), label, 'the same setting\'s switch');
      } finally {
        await page.close();
      }
    });

    it('a locked switch (LinkedIn does not let it change): focus lands on the objection form link, which says why', async () => {
      const setting = replica.ruleset.settings[4];
      replica.setToggles({ [setting.keys[0]]: true });
      replica.setPageShape(setting.path, { disabled: true });
      const page = await session.browser.newPage();
      try {
        await page.bringToFront();
        await page.goto(replica.url(setting.path));
        await page.waitForSelector('[data-linkedout-row="locked"] [data-linkedout-reason] a', { timeout: 10000 });
        // The disabled switch takes no focus: without this the only thing to do here is many Tabs away.
        await waitUntil(async () => (await focused(page)).tag === 'a', { what: 'focus on the objection form link', timeout: 3000 })
          .catch(async (error) => { throw new Error(`${error.message}; focus is on ${JSON.stringify(await focused(page))}`); });
        const link = await page.evaluate(() => {
          const a = document.activeElement;
          const description = (a.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
            .map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
          return { text: a.textContent.trim(), inReason: Boolean(a.closest('[data-linkedout-reason]')), description };
        });
        assert.equal(link.text, message('openFormButton'));
        assert.equal(link.inReason, true);
        const locked = message('highlightLocked', '').split('(')[0].trim();
        assert.ok(link.description.includes(locked), `the link is described by why: "${link.description}"`);
      } finally {
        replica.setPageShape(setting.path, null);
        await page.close();
      }
    });

    it('the highlight at 320 px (WCAG 1.4.10), with reduced motion and in forced colours; the switch is named and described in the accessibility tree', async () => {
      const setting = replica.ruleset.settings[3];
      replica.setToggles({ [setting.keys[0]]: true });
      const page = await session.browser.newPage();
      try {
        await page.setViewport({ width: 320, height: 640 });
        await page.goto(replica.url(setting.path));
        await page.waitForSelector('[data-linkedout-reason]', { timeout: 10000 });
        const layout = await page.evaluate(() => {
          const box = (el) => el.getBoundingClientRect();
          const reason = document.querySelector('[data-linkedout-reason]');
          const input = document.querySelector('[data-linkedout="switch-off"]');
          const r = box(reason);
          const s = box(input);
          return { left: r.left, right: r.right, width: innerWidth, clipped: reason.scrollWidth > reason.clientWidth + 1,
            coversSwitch: r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom };
        });
        assert.ok(layout.left >= 0 && layout.right <= layout.width, `the reason lies inside the 320 px viewport: ${JSON.stringify(layout)}`);
        assert.equal(layout.clipped, false, 'no text of the reason is cut off');
        assert.equal(layout.coversSwitch, false, 'the reason does not cover the switch');
        if (kind === 'chromium') {
          // Firefox reads both from launch prefs (no per-page emulation over BiDi): checked here only.
          await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
          assert.equal(await page.$eval('[data-linkedout-row]', (row) => row.getAnimations().length), 0, 'no pulse with prefers-reduced-motion');
          // Puppeteer's emulateMediaFeatures does not know forced-colors; CDP does.
          const cdp = await page.createCDPSession();
          await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
          const forced = await page.evaluate(() => {
            const style = (sel) => getComputedStyle(document.querySelector(sel));
            return { forced: matchMedia('(forced-colors: active)').matches, row: style('[data-linkedout-row]').outlineStyle,
              // solid, or double while it has focus (the page focused it on arrival)
              input: style('[data-linkedout="switch-off"]').outlineStyle.replace('double', 'solid'), reasonBorder: style('[data-linkedout-reason]').borderTopStyle };
          });
          assert.deepEqual(forced, { forced: true, row: 'solid', input: 'solid', reasonBorder: 'solid' }, 'in forced colours the mark and the reason keep their edges');
          await cdp.send('Emulation.setEmulatedMedia', { features: [] });
          await cdp.detach();
          // What a screen reader gets, from the browser's own tree: the label as the name, the reason as the description.
          const tree = await page.accessibility.snapshot({ interestingOnly: true });
          const flat = [];
          const walk = (node) => { flat.push(node); for (const c of node.children ?? []) walk(c); };
          walk(tree);
          const label = await switchLabel(page, '[data-linkedout="switch-off"]');
          const node = flat.find((n) => ['switch', 'checkbox'].includes(n.role) && n.description?.includes(message('highlightReason', '').trim().split(' ')[0]));
          assert.ok(node, `a switch described by its reason: ${JSON.stringify(flat.filter((n) => ['switch', 'checkbox'].includes(n.role)))}`);
          assert.ok(!node.name.includes(node.description.slice(0, 20)), `the reason is not read as part of the name: "${node.name}"`);
          assert.equal(node.name, label, 'named by its LinkedIn label');
        }
      } finally {
        await page.close();
      }
    });

    it('popup: setting links are read with their state; the reminder checkbox and its number field each have a name of their own', async () => {
      const popup = await openPopup(session);
      const names = await popup.evaluate(() => {
        // The accessible name by aria-labelledby (ids in order), else the text: what a screen reader reads.
        const nameOf = (el) => {
          const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
          if (ids.length) return ids.map((id) => document.getElementById(id)?.textContent.trim() ?? '').join(' ');
          return el.getAttribute('aria-label') || el.textContent.trim();
        };
        return {
          links: [...document.querySelectorAll('a[id^="step-link-"]')].map((a) => ({ name: nameOf(a), state: a.closest('li').querySelector('.step-state').textContent })),
          days: nameOf(document.getElementById('reminder-days')),
        };
      });
      assert.ok(names.links.length > 0);
      for (const link of names.links) assert.ok(link.name.includes(link.state), `"${link.name}" says its state "${link.state}"`);
      assert.equal(names.days, message('reminderDaysName'));
      if (kind === 'chromium') {
        // The browser's own accessibility tree agrees.
        const tree = await popup.accessibility.snapshot({ interestingOnly: true });
        const flat = [];
        const walk = (node) => { flat.push(node); for (const c of node.children ?? []) walk(c); };
        walk(tree);
        assert.ok(flat.some((n) => n.role === 'spinbutton' && n.name === message('reminderDaysName')), 'the spin button is named');
        // The reminder's checkbox is read as the sentence it stands in ("… every 30 days"), not
        // with the number field's own name inside it; each control has a name of its own.
        const days = await popup.$eval('#reminder-days', (el) => el.value);
        const checkbox = flat.find((n) => n.role === 'checkbox' && n.name.startsWith(message('reminderLabel')));
        assert.equal(checkbox?.name, `${message('reminderLabel')} ${days} ${message('reminderDaysLabel')}`,
          `the reminder checkbox's name: ${JSON.stringify(flat.filter((n) => n.role === 'checkbox'))}`);
        const link = flat.find((n) => n.role === 'link' && n.name.startsWith(names.links[0].name.split(' ')[0]));
        assert.ok(link && link.name.includes(names.links[0].state), `the tree reads the link with its state: ${link?.name}`);
      }
      await popup.close();
    });

    it('a page notice: inserted empty then filled, inside the page\'s main landmark, not fixed over the messaging dock, dismissible', async () => {
      const setting = replica.ruleset.settings.find((s) => s.id === 'ads-by-age');
      replica.setPageShape(setting.path, { shape: 'opaque' });
      const page = await session.browser.newPage();
      await page.evaluateOnNewDocument(() => {
        globalThis.__noticeAtInsert = [];
        new MutationObserver((records) => {
          for (const r of records) {
            for (const node of r.addedNodes) {
              if (node.nodeType !== 1) continue;
              for (const el of [node, ...node.querySelectorAll('*')]) {
                if (el.hasAttribute('data-linkedout-notice')) globalThis.__noticeAtInsert.push(el.textContent);
              }
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });
      try {
        await page.goto(replica.url(setting.path));
        await page.waitForFunction(() => document.querySelector('[data-linkedout-notice]')?.textContent.trim(), { timeout: 15000 });
        const seen = await page.evaluate(() => {
          const notice = document.querySelector('[data-linkedout-notice]');
          const box = notice.closest('[data-linkedout-notice-box]');
          return {
            atInsert: globalThis.__noticeAtInsert,
            role: notice.getAttribute('role'),
            inMain: Boolean(box?.closest('main, [role="main"]') || box?.nextElementSibling?.matches('main, [role="main"]')),
            position: getComputedStyle(box ?? notice).position,
            dismiss: Boolean(box?.querySelector('button')),
          };
        });
        assert.ok(seen.atInsert.length > 0 && seen.atInsert.every((text) => text === ''), `the live region is inserted empty: ${JSON.stringify(seen.atInsert)}`);
        assert.equal(seen.role, 'status');
        assert.equal(seen.inMain, true, 'the notice is at the main landmark, with the setting');
        assert.notEqual(seen.position, 'fixed');
        assert.equal(seen.dismiss, true, 'the notice has a close button');
        assertNoViolations(await axeViolations(page, PAGE_SURFACES), 'the page notice');
        await page.bringToFront();
        await page.focus('[data-linkedout-notice-box] button');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => !document.querySelector('[data-linkedout-notice-box]'), { timeout: 5000 });
        assert.notEqual((await focused(page)).tag, 'body', 'focus does not fall to the body when the notice goes');
      } finally {
        replica.setPageShape(setting.path, null);
        await page.close();
      }
    });

    it('report: links open a new tab and leave the report in place; the frame shows focus', async () => {
      const popup = await openPopup(session);
      const report = await openReportPage(session, popup);
      await popup.close();
      await report.bringToFront();
      await report.waitForSelector('#report-frame:not([hidden])');
      assertNoViolations(await axeViolations(report, ['header']), 'the report page');
      // The links of the report as the frame gets them (its srcdoc; the frame itself has an opaque
      // origin, and Firefox over BiDi does not list it as a frame).
      const links = await report.$eval('#report-frame', (frame) => [...new DOMParser().parseFromString(frame.srcdoc, 'text/html')
        .querySelectorAll('a[href]')].map((a) => ({ href: a.href, target: a.target, rel: a.rel })));
      assert.ok(links.length > 0, 'the report has links');
      for (const link of links) {
        assert.equal(link.target, '_blank', `${link.href} opens in a new tab`);
        assert.match(link.rel, /noopener/);
      }
      // Tab into the frame: the frame shows it has focus.
      await tabsUntil(report, (f) => f.tag === 'iframe');
      const ring = await report.$eval('#report-frame', (el) => ({ style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
      assert.ok(ring.style !== 'none' && ring.width >= 2, `the frame shows focus: ${JSON.stringify(ring)}`);
      if (kind === 'chromium') {
        // Enter on the focused link opens a new tab and the report stays. (Firefox over BiDi: a tab
        // opened from inside the sandboxed frame never showed up in browser.pages(), so there the
        // links' target and the frame's focus ring above are what is checked.)
        const pagesBefore = (await session.browser.pages()).length;
        await report.keyboard.press('Enter');
        await waitUntil(async () => (await session.browser.pages()).length > pagesBefore, { what: 'a new tab for the link', timeout: 10000 });
        assert.equal(await report.$eval('#report-frame', (frame) => !frame.hidden && frame.srcdoc.length > 0), true);
        const frame = report.frames().find((f) => f !== report.mainFrame());
        assert.ok(await frame.evaluate(() => document.querySelectorAll('a[href]').length) > 0, 'the report is still shown in its frame');
      }
      for (const p of await session.browser.pages()) if (p !== report && pathOf(p.url())?.startsWith('/mypreferences')) await p.close();
      await report.close();
    });
  });

  // Chromium emulates the colour scheme per page, so one browser serves both schemes; Firefox
  // reads it from a launch pref, so there each scheme has a browser of its own.
  const schemeSessions = kind === 'chromium' ? [['light', 'dark']] : [['light'], ['dark']];
  for (const schemes of schemeSessions) {
    describe(`${kind} in its ${schemes.join(' and ')} colour scheme${schemes.length > 1 ? 's' : ''}: the highlight on light and dark LinkedIn`, { skip: availability.skip }, () => {
      let replica;
      let session;
      before(async () => {
        replica = await startReplica({ renderDelayMs: 200 });
        session = await launchBrowser(kind, { replica,
          firefoxPrefs: schemes.length === 1 ? { 'layout.css.prefers-color-scheme.content-override': SCHEME_PREFS[schemes[0]] } : {} });
      });
      after(async () => {
        await session?.close();
        await replica?.close();
      });

      // Each check sets the switch, the theme and the scheme it needs, and opens a page of its own.
      for (const scheme of schemes) {
        for (const theme of ['light', 'dark']) {
          it(`contrast ≥ 3:1 on LinkedIn ${theme} with the browser ${scheme}, pulse included`, async () => {
            const setting = replica.ruleset.settings[0];
            replica.setToggles({ [setting.keys[0]]: true });
            replica.setTheme(theme);
            const page = await session.browser.newPage();
            try {
              await emulateScheme(page, scheme, kind);
              await page.goto(replica.url(setting.path));
              await page.waitForSelector('[data-linkedout-reason]', { timeout: 10000 });
              const c = await highlightContrast(page);
              const where = `LinkedIn ${theme}, browser ${scheme}, background ${c.background}`;
              assert.ok(c.animated > 0, `${where}: the pulse runs`);
              assert.ok(c.outline >= 3, `${where}: outline ${c.outline.toFixed(2)}:1`);
              assert.ok(c.outlinePulseMin >= 3, `${where}: pulse at its faintest ${c.outlinePulseMin.toFixed(2)}:1`);
              assert.ok(c.switchOutline >= 3, `${where}: switch outline ${c.switchOutline.toFixed(2)}:1`);
              assert.ok(c.reasonBox >= 3, `${where}: label box ${c.reasonBox.toFixed(2)}:1`);
              assert.ok(c.reasonText >= 4.5, `${where}: label text ${c.reasonText.toFixed(2)}:1`);
              assertNoViolations(await axeViolations(page, PAGE_SURFACES), `the highlight (${where})`);
            } finally {
              await page.close();
            }
          });
        }
      }
    });
  }
}

// Run in the no-helper suite's browser (no-helper-scenarios.js), which has the built-in core and
// no helper already: a browser launched for this one check cost as much as the check.
export function defineBuiltinPopupCheck(it, context) {
  // Without the helper the built-in core answers (issue 24): what the user can do is start the
  // walkthrough, so Start leads; what the helper would add is one folded line. (The popup with
  // neither helper nor core — the install guide unfolded, a quiet disabled Start, no empty
  // Settings heading — is checked on the popup's own page in tests/extension/popup.test.js.)
  it('Start leads and works, the settings are listed, what the helper adds is folded', async () => {
    const { session } = context();
    const popup = await openPopup(session);
    await popup.waitForFunction(() => {
      const box = document.getElementById('host-status');
      return box.dataset.backend === 'builtin' && box.dataset.status === 'connected';
    }, { timeout: 15000 });
    await popup.waitForFunction(() => document.querySelectorAll('#steps li').length > 0, { timeout: 15000 });
    const seen = await popup.evaluate(() => {
      const shown = (el) => Boolean(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const start = document.getElementById('start');
      const adds = document.getElementById('helper-adds');
      return {
        startShown: shown(start),
        startDisabled: start.disabled,
        startPrimary: start.classList.contains('primary'),
        stepsHeadingShown: shown(document.getElementById('steps-heading')),
        steps: document.querySelectorAll('#steps li').length,
        guideShown: shown(document.getElementById('install-guide')),
        addsShown: shown(adds),
        addsOpen: adds ? adds.open : null,
      };
    });
    assert.equal(seen.startShown, true, JSON.stringify(seen));
    assert.equal(seen.startDisabled, false, 'the walkthrough can start without the helper');
    assert.equal(seen.startPrimary, true, 'Start is the primary action');
    assert.equal(seen.stepsHeadingShown, true);
    assert.ok(seen.steps > 0, 'the Settings heading sits over a list, never an empty one');
    assert.equal(seen.guideShown, false, 'no install nagging while the built-in core works');
    assert.equal(seen.addsShown, true, 'what the helper adds is said once');
    assert.equal(seen.addsOpen, false, 'folded');
    assertNoViolations(await axeViolations(popup), 'the popup without the helper');
    await popup.close();
  });
}

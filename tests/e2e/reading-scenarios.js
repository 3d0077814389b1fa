// Issue 21, the reading side, in each browser suite's session: settings drawn in a same-origin
// iframe (a legacy /psettings/ document), an open shadow root, a Yes/No radio group, a select, a
// class-only artdeco toggle, a switch whose state is only its On/Off text (German, French); a page
// that takes LinkedIn's 8–12 s to load (shortened by the replica's replica_delay); a reason the
// page planted; a hostile element; 10,000 list checkboxes beside the switch.
import assert from 'node:assert/strict';

import { waitUntil } from './replica-checks.js';

// Every mark the extension set, in the document, its open shadow roots and same-origin frames.
function readAllMarks(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.hasAttribute('data-linkedout')) {
          found.push({ tag: el.tagName.toLowerCase(), key: el.getAttribute('aria-labelledby') ?? el.id ?? null,
            name: el.getAttribute('name'), value: el.getAttribute('value'), mark: el.getAttribute('data-linkedout') });
        }
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.tagName === 'IFRAME' && el.contentDocument) walk(el.contentDocument);
      }
    };
    walk(document);
    return found;
  });
}

async function waitForMark(page, predicate, what, timeout = 15000) {
  let last = [];
  try {
    return await waitUntil(async () => {
      last = await readAllMarks(page).catch(() => []);
      return last.find(predicate) ?? null;
    }, { what, timeout });
  } catch (error) {
    throw new Error(`${error.message}; marks seen: ${JSON.stringify(last)}`);
  }
}

// Does what a user does to the marked control: click it (a select: choose its "No" option).
function actOnMarked(page) {
  return page.evaluate(() => {
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.getAttribute('data-linkedout') === 'switch-off') return el;
        const inner = el.shadowRoot ?? (el.tagName === 'IFRAME' ? el.contentDocument : null);
        const hit = inner && walk(inner);
        if (hit) return hit;
      }
      return null;
    };
    const target = walk(document);
    if (!target) return false;
    if (target.tagName === 'SELECT') {
      target.value = 'false';
      target.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      target.click();
    }
    return true;
  });
}

// How the highlight is drawn on the marked control, in whatever tree it sits (the document, an open
// shadow root, a same-origin frame): computed styles, then the focus ring once it has focus.
function highlightLook(page) {
  return page.evaluate(() => {
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.getAttribute('data-linkedout') === 'switch-off') return el;
        const inner = el.shadowRoot ?? (el.tagName === 'IFRAME' ? el.contentDocument : null);
        const hit = inner && walk(inner);
        if (hit) return hit;
      }
      return null;
    };
    const el = walk(document);
    if (!el) return null;
    const style = (node) => el.ownerDocument.defaultView.getComputedStyle(node);
    const outline = (node) => `${style(node).outlineStyle} ${style(node).outlineWidth}`;
    const row = el.closest('[data-linkedout-row]');
    const reason = row && [...row.children].find((child) => child.hasAttribute('data-linkedout-reason'));
    el.blur();  // LinkedOut may have focused it already: the mark first, then the focus ring
    const look = {
      tree: el.getRootNode() === document ? 'document' : (el.getRootNode().host ? 'shadow root' : 'frame'),
      switchOutline: outline(el),
      rowOutline: row ? outline(row) : null,
      reason: reason ? { display: style(reason).display, background: style(reason).backgroundColor, color: style(reason).color,
        text: reason.textContent } : null,
    };
    el.focus();
    look.focusOutline = outline(el);
    return look;
  });
}

// The highlight is visible where the control is, not only in the top document (issue 21).
async function assertHighlightVisible(page, tree) {
  const look = await highlightLook(page);
  assert.ok(look, 'a marked control');
  assert.equal(look.tree, tree);
  assert.equal(look.switchOutline, 'solid 3px', `the switch is outlined (${JSON.stringify(look)})`);
  assert.equal(look.rowOutline, 'solid 3px', `the row is outlined (${JSON.stringify(look)})`);
  assert.deepEqual([look.reason?.display, look.reason?.background, look.reason?.color], ['block', 'rgb(140, 29, 24)', 'rgb(255, 255, 255)'],
    `the reason is shown as LinkedOut's label (${JSON.stringify(look)})`);
  assert.match(look.reason.text, /^LinkedOut: /);
  assert.equal(look.focusOutline, 'double 6px', `the focused switch shows LinkedOut's focus ring (${JSON.stringify(look)})`);
}

export function defineReadingScenarios(it, context) {
  const settingById = (replica, id) => replica.ruleset.settings.find((s) => s.id === id);

  async function storeState(session, settingId, state) {
    return waitUntil(() => {
      const store = session.readState();
      return store?.settings?.[settingId]?.state === state ? store : null;
    }, { what: `state.json to record ${settingId} ${state}`, timeout: 15000 });
  }

  // Opens `settingId`'s page with its switch drawn as `shape` (on), finds it highlighted, acts on
  // it as a user would, and waits for the read-back and the store to say off.
  async function flipDrawnAs(settingId, shape, { lang = 'en', expectTag, extra = {}, visibleIn = null } = {}) {
    const { replica, session } = context();
    const setting = settingById(replica, settingId);
    const key = setting.keys[0];
    replica.setPageShape(setting.path, { shape, ...extra });
    replica.setToggles({ [key]: true });
    replica.setLang(lang);
    const page = await session.browser.newPage();
    try {
      await page.goto(replica.url(setting.path));
      const mark = await waitForMark(page, (m) => m.mark === 'switch-off', `the ${shape} control of ${settingId} highlighted`);
      if (expectTag) assert.equal(mark.tag, expectTag, `the mark lands on the ${expectTag} that is the control`);
      if (visibleIn) {
        await assertHighlightVisible(page, visibleIn);
      }
      assert.ok(await actOnMarked(page), 'the marked control is there to act on');
      await waitUntil(() => replica.toggles()[key] === false, { what: `the replica to save ${key} off` });
      await waitForMark(page, (m) => m.mark === 'ok', `the ${shape} control read back as off`);
      await storeState(session, setting.id, 'off');
      return { page, mark };
    } finally {
      replica.setLang('en');
      replica.setPageShape(setting.path, null);
      await page.close();
    }
  }

  it('a switch in a same-origin iframe (legacy /psettings/ document) is read, highlighted visibly and read back', async () => {
    await flipDrawnAs('ads-by-age', 'iframe', { expectTag: 'input', visibleIn: 'frame' });
  });

  it('a switch in an open shadow root is read, highlighted visibly and read back', async () => {
    await flipDrawnAs('ads-by-gender', 'shadow', { expectTag: 'input', visibleIn: 'shadow root' });
  });

  it('a shadow root attached later to an element already in the page (no mutation record names it) is found, highlighted and read back', async () => {
    await flipDrawnAs('ads-by-gender', 'shadowLater', { expectTag: 'input', visibleIn: 'shadow root' });
  });

  it('a Yes/No radio group: the "No" answer is highlighted; choosing it records the setting off', async () => {
    const { mark } = await flipDrawnAs('policy-and-academic-research', 'radio', { expectTag: 'input' });
    assert.equal(mark.value, 'no', 'the answer to pick is marked');
  });

  it('a Yes/No select is read and read back', async () => {
    await flipDrawnAs('ads-inferred-location', 'select', { expectTag: 'select' });
  });

  it('an artdeco toggle whose state is only its class and On/Off text is read and read back', async () => {
    await flipDrawnAs('ads-related-actions', 'class', { expectTag: 'div' });
  });

  it('a switch whose state is only its visible On/Off text is read in German and in French', async () => {
    await flipDrawnAs('ads-interactions-with-business', 'text', { lang: 'de', expectTag: 'div' });
    await flipDrawnAs('ads-interactions-with-business', 'text', { lang: 'fr', expectTag: 'div' });
  });

  it('loading is not unreadable: while LinkedIn takes its time, "waiting for LinkedIn", never "could not read"', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'data-for-ai-improvement');
    const key = setting.keys[0];
    replica.setToggles({ [key]: true });
    const page = await session.browser.newPage();
    try {
      // Every notice text the page ever shows, from the first moment.
      await page.evaluateOnNewDocument(() => {
        window.noticesSeen = [];
        new MutationObserver(() => {
          for (const el of document.querySelectorAll('[data-linkedout-notice]')) {
            if (window.noticesSeen.at(-1) !== el.textContent) window.noticesSeen.push(el.textContent);
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      // 7 s instead of LinkedIn's 8–12: past the 4 s after which a settled page is "unreadable".
      await page.goto(`${replica.url(setting.path)}?replica_delay=7000`);
      await page.waitForSelector('[data-linkedout-notice]', { timeout: 10000 });
      await waitUntil(async () => (await page.evaluate(() => window.replicaTimes?.switchesAt)) !== null,
        { what: 'the late switches', timeout: 20000 });
      await waitForMark(page, (m) => m.key === key && m.mark === 'switch-off', 'the late switch highlighted');
      const seen = await page.evaluate(() => window.noticesSeen);
      assert.ok(seen.some((text) => /waiting for LinkedIn/.test(text)), `said it was waiting: ${JSON.stringify(seen)}`);
      assert.deepEqual(seen.filter((text) => /could not read/.test(text)), [], 'never "could not read" while loading');
      assert.equal(await page.$$eval('[data-linkedout-notice]', (els) => els.length), 0, 'the waiting notice goes');
    } finally {
      await page.close();
    }
  });

  it('a reason the page planted in the row is never shown or reused as LinkedOut\'s', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'linkedin-promotions');
    const key = setting.keys[0];
    replica.setPageShape(setting.path, { shape: 'planted' });
    replica.setToggles({ [key]: true });
    const page = await session.browser.newPage();
    try {
      await page.goto(replica.url(setting.path));
      await waitForMark(page, (m) => m.key === key && m.mark === 'switch-off', 'the switch highlighted');
      const seen = await page.waitForFunction((k) => {
        const input = document.querySelector(`[aria-labelledby="${k}"]`);
        const own = [...document.querySelectorAll('[data-linkedout-reason]')].filter((el) => el.id !== 'planted-reason');
        return own.length === 1 && input.getAttribute('aria-describedby') === own[0].id
          ? { own: own[0].textContent, planted: document.getElementById('planted-reason').textContent } : null;
      }, { timeout: 10000 }, key).then((h) => h.jsonValue());
      assert.equal(seen.planted, 'LinkedOut: safe to leave on', 'the planted span is left as the page made it');
      assert.doesNotMatch(seen.own, /safe to leave on/);
      assert.match(seen.own, /LinkedIn/, 'LinkedOut\'s own reason is shown');
    } finally {
      replica.setPageShape(setting.path, null);
      await page.close();
    }
  });

  it('a hostile <form role=switch> with an input named getAttribute cannot silence the page', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'ads-by-age');
    const key = setting.keys[0];
    replica.setPageShape(setting.path, { shape: 'hostile' });
    replica.setToggles({ [key]: true });
    const page = await session.browser.newPage();
    try {
      await page.goto(replica.url(setting.path));
      await waitForMark(page, (m) => m.key === key && m.mark === 'switch-off', 'the real switch highlighted');
      await storeState(session, setting.id, 'on');
    } finally {
      replica.setPageShape(setting.path, null);
      await page.close();
    }
  });

  it('10,000 list checkboxes beside the switch: the switch is read and highlighted, no checkbox is', async () => {
    const { replica, session } = context();
    const setting = settingById(replica, 'ads-by-gender');
    const key = setting.keys[0];
    replica.setPageShape(setting.path, { shape: 'switch', checkboxes: 10000 });
    replica.setToggles({ [key]: true });
    const page = await session.browser.newPage();
    try {
      await page.goto(replica.url(setting.path));
      await page.waitForFunction(() => document.querySelectorAll('fieldset input[type="checkbox"]').length === 10000, { timeout: 20000 });
      await waitForMark(page, (m) => m.key === key && m.mark === 'switch-off', 'the switch highlighted', 30000);
      assert.equal(await page.$$eval('fieldset [data-linkedout]', (els) => els.length), 0);
    } finally {
      replica.setPageShape(setting.path, null);
      await page.close();
    }
  });
}

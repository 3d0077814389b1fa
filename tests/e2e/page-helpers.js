// Reading a settings page from the test's side: the switches as a user (and the content script)
// sees them, and what the extension marked. Never keyed on class names: they are hashed.

// Every switch on the page: key (aria-labelledby, else id), label text, state and mark.
export function readSwitches(page) {
  return page.$$eval('input[role="switch"]', (inputs) => inputs.map((input) => {
    const labelledBy = input.getAttribute('aria-labelledby');
    const labelEl = labelledBy ? document.getElementById(labelledBy)
      : document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    const stateText = input.parentElement.querySelector(':scope > span[aria-hidden="true"]');
    return {
      key: labelledBy ?? (input.id || null),
      id: input.id || null,
      labelledBy,
      label: labelEl ? labelEl.textContent.trim() : null,
      checked: input.checked,
      ariaChecked: input.getAttribute('aria-checked'),
      stateText: stateText ? stateText.textContent : null,
      mark: input.getAttribute('data-linkedout'),
    };
  }));
}

// Waits until `count` switches are rendered (and, if given, the first has `firstKey`).
export function waitForSwitches(page, count, firstKey = null, timeout = 10000) {
  return page.waitForFunction((n, key) => {
    const inputs = document.querySelectorAll('input[role="switch"]');
    if (inputs.length !== n) return false;
    return !key || (inputs[0].getAttribute('aria-labelledby') ?? inputs[0].id) === key;
  }, { timeout }, count, firstKey);
}

// Every element the extension marked, anywhere in the document, as {tag, key, mark}.
export function readMarks(page) {
  return page.$$eval('[data-linkedout]', (els) => els.map((el) => ({
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role'),
    key: el.getAttribute('aria-labelledby') ?? (el.id || null),
    mark: el.getAttribute('data-linkedout'),
  })));
}

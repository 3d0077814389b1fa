/*
 * The popup's region selector, report button and organisation policy marks (pure over a DOM;
 * tested with jsdom). Defines `LinkedOutOrganisationView`. Element ids:
 *   #region-section   data-ask="true" while no region is set (the one time the popup asks)
 *   #region           <select>: "" (not set) + the host's region codes with the host's names for
 *                     them (config.regions, in the browser's language); disabled when the
 *                     organisation's policy sets the region
 *   #region-help      why the region matters, or "Set by your organisation"
 *   #region-hint      with no region set: "LinkedIn showed X, which it does not show in …"
 *   #open-report      opens the report page
 *   #policy-note      shown when an organisation policy applies
 *   #auto-switch-option  the "switch it for me" label; hidden when the policy forbids it
 *   steps: li[data-required="true"] + .step-required for settings the organisation requires
 */
(function defineLinkedOutOrganisationView(root) {
  'use strict';

  function option(doc, value, text, selected) {
    const node = doc.createElement('option');
    node.value = value;
    node.textContent = text;
    if (selected) node.selected = true;
    return node;
  }

  /**
   * config = the host's {region, regions: {code: description}} or null; options = merged policy
   * options; hint = the host's region_hint ({evidence, ruled_out}) when no region is set, or null.
   */
  function renderRegion(doc, config, options, t, hint = null, stepTitle = (id) => id) {
    const section = doc.getElementById('region-section');
    const select = doc.getElementById('region');
    const help = doc.getElementById('region-help');
    if (!config) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    const current = config.region ?? null;
    const codes = Object.keys(config.regions || {});
    select.replaceChildren(
      option(doc, '', t('regionUnset'), current === null),
      ...codes.map((code) => option(doc, code, config.regions[code] || code, code === current)),
    );
    section.dataset.ask = current === null ? 'true' : 'false';
    select.disabled = Boolean(options && options.regionLocked);
    help.textContent = select.disabled ? t('setByOrganisation') : t('regionHelp');
    const hintBox = doc.getElementById('region-hint');
    const showHint = current === null && hint && Array.isArray(hint.ruled_out) && hint.ruled_out.length > 0;
    hintBox.hidden = !showHint;
    hintBox.textContent = showHint
      ? t('regionHint', [stepTitle(hint.evidence), hint.ruled_out.map((code) => (config.regions && config.regions[code]) || code).join(', ')])
      : '';
  }

  /** Marks required settings, hides "switch it for me" when the policy forbids it. */
  function renderPolicy(doc, options, t) {
    const required = new Set(options ? options.requiredSettings : []);
    for (const li of doc.querySelectorAll('#steps li[data-step]')) {
      const isRequired = required.has(li.dataset.step);
      const mark = li.querySelector('.step-required');
      if (isRequired) li.dataset.required = 'true';
      else delete li.dataset.required;
      if (isRequired && !mark) {
        const span = doc.createElement('span');
        span.className = 'step-required';
        span.textContent = t('requiredByOrganisation');
        li.querySelector('.step-title').after(span);
      } else if (!isRequired && mark) {
        mark.remove();
      }
    }

    const allowed = !options || options.autoSwitchAllowed !== false;
    const autoSwitch = doc.getElementById('auto-switch');
    doc.getElementById('auto-switch-option').hidden = !allowed;
    doc.getElementById('auto-switch-help').hidden = !allowed;
    autoSwitch.disabled = !allowed;
    if (!allowed) autoSwitch.checked = false;

    const note = doc.getElementById('policy-note');
    const notes = [];
    if (options && options.managed) notes.push(t('policyApplies'));
    if (!allowed) notes.push(t('autoSwitchForbidden'));
    note.textContent = notes.join(' ');
    note.hidden = notes.length === 0;
  }

  root.LinkedOutOrganisationView = Object.freeze({ renderRegion, renderPolicy });
})(globalThis);

/*
 * Organisation policy: what an administrator pre-set through the browser (Chrome / Chromium
 * managed storage, schema in managed_schema.json; Firefox policies.json 3rdparty.Extensions),
 * read from storage.managed and merged with the member's own options. Policy wins wherever it
 * says something; where it says nothing, the member's choice stands. Absence of a policy, or a
 * browser without managed storage, is the normal case and never an error.
 * Defines the global `LinkedOutPolicy`. docs/organisations.md documents the keys.
 */
(function defineLinkedOutPolicy(root) {
  'use strict';

  const REGIONS = Object.freeze(['EU', 'UK', 'CH', 'CA', 'HK', 'US', 'OTHER']);
  const POLICY_KEYS = Object.freeze(['requiredSettings', 'allowAutoSwitch', 'region', 'recheckReminderDays']);
  // recheckReminderDays: 0 turns the re-check reminder off, 1–365 sets its interval (days).
  const MAX_REMINDER_DAYS = 365;
  // Ruleset ids are page slugs: lower-case words joined by hyphens.
  const SETTING_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const MAX_REQUIRED_SETTINGS = 100;
  const MAX_SETTING_ID_CHARS = 128;
  // Some browsers never settle storage.managed.get() when no policy exists; do not wait forever.
  const READ_TIMEOUT_MS = 2000;

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  /**
   * Keeps the keys LinkedOut knows, with the right types and values; everything else is dropped
   * and listed in `problems` (so an administrator's typo is visible, never silently obeyed).
   * Returns {policy, problems: [{key, message}]}.
   */
  function sanitizePolicy(raw) {
    const policy = {};
    const problems = [];
    if (raw === undefined || raw === null) return { policy, problems };
    if (!isObject(raw)) return { policy, problems: [{ key: '', message: 'the managed policy must be an object' }] };

    for (const key of Object.keys(raw)) {
      if (!POLICY_KEYS.includes(key)) problems.push({ key, message: `unknown policy key ${key}` });
    }
    if ('requiredSettings' in raw) {
      const list = raw.requiredSettings;
      if (!Array.isArray(list)) {
        problems.push({ key: 'requiredSettings', message: 'requiredSettings must be a list of setting ids' });
      } else {
        const ids = [];
        for (const id of list.slice(0, MAX_REQUIRED_SETTINGS)) {
          if (typeof id === 'string' && id.length <= MAX_SETTING_ID_CHARS && SETTING_ID_PATTERN.test(id)) {
            if (!ids.includes(id)) ids.push(id);
          } else {
            problems.push({ key: 'requiredSettings', message: `not a setting id: ${JSON.stringify(id)}` });
          }
        }
        if (list.length > MAX_REQUIRED_SETTINGS) {
          problems.push({ key: 'requiredSettings', message: `only the first ${MAX_REQUIRED_SETTINGS} ids are used` });
        }
        policy.requiredSettings = ids;
      }
    }
    if ('allowAutoSwitch' in raw) {
      if (typeof raw.allowAutoSwitch === 'boolean') policy.allowAutoSwitch = raw.allowAutoSwitch;
      else problems.push({ key: 'allowAutoSwitch', message: 'allowAutoSwitch must be true or false' });
    }
    if ('region' in raw) {
      if (REGIONS.includes(raw.region)) policy.region = raw.region;
      else problems.push({ key: 'region', message: `region must be one of ${REGIONS.join(', ')}` });
    }
    if ('recheckReminderDays' in raw) {
      const days = raw.recheckReminderDays;
      if (Number.isInteger(days) && days >= 0 && days <= MAX_REMINDER_DAYS) policy.recheckReminderDays = days;
      else problems.push({ key: 'recheckReminderDays', message: `recheckReminderDays must be a whole number from 0 (off) to ${MAX_REMINDER_DAYS}` });
    }
    return { policy, problems };
  }

  function withTimeout(promise, ms, timers) {
    return new Promise((resolve, reject) => {
      const timer = timers.setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      promise.then((value) => { timers.clearTimeout(timer); resolve(value); },
        (err) => { timers.clearTimeout(timer); reject(err); });
    });
  }

  /**
   * Reads the managed storage area (chrome.storage.managed). Never rejects:
   * {policy, problems, source} with source 'managed' (a policy was read, possibly empty), 'none'
   * (this browser has no managed storage) or 'error' (reading failed: Firefox says "Managed
   * storage manifest not found" when no policy names the add-on; `error` holds the message).
   */
  async function readManagedPolicy(managedArea, { timeoutMs = READ_TIMEOUT_MS, timers = globalThis } = {}) {
    if (!managedArea || typeof managedArea.get !== 'function') return { policy: {}, problems: [], source: 'none' };
    let raw;
    try {
      raw = await withTimeout(Promise.resolve().then(() => managedArea.get(null)), timeoutMs, timers);
    } catch (err) {
      return { policy: {}, problems: [], source: 'error', error: String(err && err.message ? err.message : err) };
    }
    const { policy, problems } = sanitizePolicy(raw === undefined ? {} : raw);
    return { policy, problems, source: 'managed' };
  }

  /**
   * The options LinkedOut acts on. `user`: {autoSwitch (storage.local), region (the host's
   * config)}; `policy`: a sanitised policy. The policy wins wherever it sets a key.
   */
  function mergeOptions(user = {}, policy = {}) {
    const autoSwitchAllowed = policy.allowAutoSwitch !== false;
    const userRegion = REGIONS.includes(user.region) ? user.region : null;
    return {
      autoSwitch: autoSwitchAllowed && user.autoSwitch === true,
      autoSwitchAllowed,
      autoSwitchLocked: 'allowAutoSwitch' in policy && !autoSwitchAllowed,
      region: policy.region ?? userRegion,
      regionLocked: policy.region !== undefined,
      requiredSettings: Array.isArray(policy.requiredSettings) ? [...policy.requiredSettings] : [],
      // The host keeps the member's own reminder; a policy value replaces it (null: off).
      reminderDays: policy.recheckReminderDays === undefined ? null : (policy.recheckReminderDays || null),
      reminderLocked: policy.recheckReminderDays !== undefined,
      managed: Object.keys(policy).length > 0,
    };
  }

  /**
   * Reads storage.local's autoSwitch and storage.managed, and merges them with the host's region
   * (pass null when unknown). `storage` is chrome.storage (or a test double).
   */
  async function loadEffectiveOptions(storage, hostRegion = null, options = {}) {
    let stored = {};
    try {
      stored = (storage && storage.local ? await storage.local.get('autoSwitch') : {}) || {};
    } catch { /* unreadable local options: fall back to the defaults */ }
    const managed = await readManagedPolicy(storage ? storage.managed : undefined, options);
    return {
      ...mergeOptions({ autoSwitch: stored.autoSwitch, region: hostRegion }, managed.policy),
      policy: managed.policy,
      policyProblems: managed.problems,
      policySource: managed.source,
    };
  }

  /** The options with the host's region in: the policy's region wins when it sets one. */
  function withHostRegion(options, hostRegion) {
    if (options.regionLocked) return options;
    return { ...options, region: REGIONS.includes(hostRegion) ? hostRegion : null };
  }

  /**
   * The effective options, computed once and cached (loadEffectiveOptions without the host's
   * region: see withHostRegion). `refresh()` computes them again — at start-up and when the
   * browser says managed or local storage changed — then calls `onChange(options)`.
   */
  function createOptionsCache(storage, { onChange = () => {}, readOptions = {} } = {}) {
    let current = null;
    function refresh() {
      const next = loadEffectiveOptions(storage, null, readOptions);
      current = next;
      next.then((options) => { if (current === next) onChange(options); });
      return next;
    }
    return { get: () => current || refresh(), refresh };
  }

  /** Whether a storage.onChanged event can change the effective options. */
  const affectsOptions = (changes, areaName) =>
    areaName === 'managed' || (areaName === 'local' && isObject(changes) && 'autoSwitch' in changes);

  root.LinkedOutPolicy = Object.freeze({
    REGIONS, POLICY_KEYS, READ_TIMEOUT_MS, sanitizePolicy, readManagedPolicy, mergeOptions, loadEffectiveOptions,
    withHostRegion, createOptionsCache, affectsOptions,
  });
})(globalThis);

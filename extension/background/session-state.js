/*
 * One value kept for the browser session (storage.session), so it survives the service worker or
 * event page being stopped and started again; kept in memory where the browser has no session
 * storage. `isValid` guards what comes back (session storage outlives this code's version).
 */
export function sessionState(storage, key, { fallback = null, isValid = () => true } = {}) {
  const session = storage && storage.session ? storage.session : null;
  let inMemory = fallback;
  return Object.freeze({
    async get() {
      if (!session) return inMemory;
      const stored = await session.get(key);
      return key in stored && stored[key] !== null && isValid(stored[key]) ? stored[key] : fallback;
    },
    async set(value) {
      inMemory = value === null ? fallback : value;
      if (!session) return;
      if (value === null) await session.remove(key);
      else await session.set({ [key]: value });
    },
  });
}

// Appended after the emscripten module (--extern-post-js): the factory as a global, so the
// extension's background, an ES module in both browsers, can import this file statically (its
// top-level `var` is module-scoped there) and Node's tests can still evaluate it as CommonJS.
globalThis.LinkedOutCore = LinkedOutCore;

// Keyboard, screen-reader and theme checks in Debian's Chromium: see a11y-scenarios.js.
import { defineA11ySuite } from './a11y-scenarios.js';

defineA11ySuite('chromium');

// End-to-end in Debian's Chromium: see scenarios.js.
import { defineBrowserSuite } from './scenarios.js';

defineBrowserSuite('chromium');

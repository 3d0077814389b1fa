// End-to-end in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi): see scenarios.js.
import { defineBrowserSuite } from './scenarios.js';

defineBrowserSuite('firefox');

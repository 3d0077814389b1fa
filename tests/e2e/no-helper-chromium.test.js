// chromium with no helper installed: the built-in core (see no-helper-scenarios.js).
import { defineNoHelperSuite } from './no-helper-scenarios.js';

defineNoHelperSuite('chromium');

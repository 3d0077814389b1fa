// The adversarial LinkedIn-like pages in chromium: see adversarial-scenarios.js.
import { defineAdversarialSuite } from './adversarial-scenarios.js';

defineAdversarialSuite('chromium');

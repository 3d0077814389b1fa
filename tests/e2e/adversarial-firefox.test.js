// The adversarial LinkedIn-like pages in firefox: see adversarial-scenarios.js.
import { defineAdversarialSuite } from './adversarial-scenarios.js';

defineAdversarialSuite('firefox');

import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import prerendered from 'virtual:prerendered-tex/all';
import { registerPrerendered } from '../../src/math/texRuntime';

// Widgets rendered on their own, without their chapter's page module, find the build-time formulas
// their page would have registered: what they show first is what a learner sees first.
registerPrerendered(prerendered);

// Each test renders into a fresh document; without globals, RTL cannot register this itself.
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

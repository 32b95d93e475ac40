import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// Each test renders into a fresh document; without globals, RTL cannot register this itself.
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = (name: string) => readFileSync(new URL(`../../src/styles/${name}`, import.meta.url), 'utf8');

/** The custom properties declared in the first block after `opening` (up to its closing brace). */
function properties(text: string, opening: string): Record<string, string> {
  const start = text.indexOf(opening);
  expect(start, opening).toBeGreaterThanOrEqual(0);
  const body = text.slice(text.indexOf('{', start + opening.length - 1) + 1, text.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim()]));
}

describe('the dark palette', () => {
  const theme = css('theme.css');
  const system = properties(theme, ":root:not([data-theme='light']) {");
  const light = properties(theme, ':root {');

  it('embed.css’s data-theme="dark" (a lecturer’s theme=dark) is the same palette as the system’s dark scheme', () => {
    expect(properties(css('embed.css'), ":root[data-theme='dark'] {")).toEqual(system);
  });

  it('gives a dark value to every colour the light palette has', () => {
    const colours = Object.keys(light).filter((k) => light[k]!.startsWith('#'));
    expect(Object.keys(system).sort()).toEqual(colours.sort());
  });
});

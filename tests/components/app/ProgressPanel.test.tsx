import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ProgressPanel } from '../../../src/app/ProgressPanel';
import { WIDGETS } from '../../../src/embed/widgetRegistry';
import { readProgress, type SolvedMap } from '../../../src/state/progress';
import { encodeProgress, exerciseHash } from '../../../src/state/progressCode';
import { createProgressStore, ProgressProvider, type ProgressStore } from '../../../src/state/progressStore';

const DAY = 86_400_000;
// times in the past, not on a day boundary: a code keeps the day, a file the moment
const monday = Date.UTC(2026, 2, 9, 14, 25, 7);
const friday = Date.UTC(2026, 2, 13, 9, 40);
const probability = { seed: 4242, attempts: 2, hintsUsed: 1, at: monday };
const temperature = { seed: 17, attempts: 1, hintsUsed: 0, at: friday };
const startOfDay = (at: number) => Math.floor(at / DAY) * DAY;

function panelWith(solved: SolvedMap = {}): ProgressStore {
  const store = createProgressStore(null);
  if (Object.keys(solved).length > 0) store.getState().importSolved(solved);
  render(
    <ProgressProvider store={store}>
      <ProgressPanel />
    </ProgressProvider>,
  );
  return store;
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const importStatus = () => screen.getByTestId('progress-import-status').textContent;

let saved: { name: string; blob: Blob }[];

beforeEach(() => {
  saved = [];
  const blobs = new Map<string, Blob>();
  // jsdom has no object URLs and follows no download link: record what would be saved
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) saved.push({ name: this.download, blob });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exerciseHash over the exercises this version has', () => {
  it('gives every exercise a hash of its own, so that a code names each one', () => {
    const ids = WIDGETS.filter((w) => w.exercise).map((w) => w.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids.map(exerciseHash)).size).toBe(ids.length);
  });
});

describe('<ProgressPanel> export and import', () => {
  it('offers Import with nothing solved, and Export and Reset only once something is', () => {
    panelWith();
    expect(button('Import progress').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Export progress' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset progress' })).toBeNull();
  });

  it('Export shows a code; that code typed into an empty store brings the results back, to the day', () => {
    panelWith({ 'softmax/ProbabilityExercise': probability, 'softmax/TemperatureExercise': temperature });
    fireEvent.click(button('Export progress'));
    expect(button('Export progress').getAttribute('aria-expanded')).toBe('true');
    const code = (screen.getByRole('textbox', { name: 'Your progress code' }) as HTMLTextAreaElement).value;
    expect(code).toMatch(/^LL1(-[0-9A-HJKMNP-TV-Z]{1,5})+$/);
    // another device: a new page, an empty store
    cleanup();

    const other = panelWith();
    fireEvent.click(button('Import progress'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Progress code' }), { target: { value: code.toLowerCase().replace(/-/g, ' ') } });
    fireEvent.click(button('Import code'));
    expect(importStatus()).toBe('Imported 2 solved exercises.');
    expect(other.getState().solved).toEqual({
      'softmax/ProbabilityExercise': { ...probability, at: startOfDay(monday) },
      'softmax/TemperatureExercise': { ...temperature, at: startOfDay(friday) },
    });
    expect(screen.getByTestId('home-progress').textContent).toMatch(/^You have solved 2 of/);
    expect((screen.getByRole('textbox', { name: 'Progress code' }) as HTMLInputElement).value).toBe('');
  });

  it('a code with a typing mistake is refused with a message, and the progress here stays', () => {
    const store = panelWith({ 'softmax/TemperatureExercise': temperature });
    fireEvent.click(button('Export progress'));
    const code = (screen.getByTestId('progress-code') as HTMLTextAreaElement).value;
    // the last character changed to another that is still in the alphabet
    const typo = code.slice(0, -1) + (code.endsWith('7') ? '8' : '7');
    fireEvent.click(button('Import progress'));
    const field = screen.getByRole('textbox', { name: 'Progress code' });
    fireEvent.change(field, { target: { value: typo } });
    fireEvent.submit(field.closest('form')!);
    expect(importStatus()).toBe('That code has a typing mistake: check it and try again.');
    expect(store.getState().solved).toEqual({ 'softmax/TemperatureExercise': temperature });
    expect((field as HTMLInputElement).value).toBe(typo);
  });

  it('importing says how many were added and updated, and keeps a later result here', () => {
    const store = panelWith({ 'softmax/ProbabilityExercise': probability, 'softmax/TemperatureExercise': temperature });
    fireEvent.click(button('Import progress'));
    // built by another panel's export: Probability solved later there, Temperature earlier, one new
    const there = createProgressStore(null);
    there.getState().importSolved({
      'softmax/ProbabilityExercise': { ...probability, seed: 5, at: monday + 2 * DAY },
      'softmax/TemperatureExercise': { ...temperature, seed: 6, at: monday },
      'jacobian/RowSignsExercise': { ...temperature, seed: 7 },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Progress code' }), { target: { value: encodeProgress(there.getState().solved) } });
    fireEvent.click(button('Import code'));
    expect(importStatus()).toBe('Imported 2 solved exercises (1 updated). One was already solved here as recently or later, and kept as it was.');
    expect(store.getState().solved['softmax/ProbabilityExercise']?.seed).toBe(5);
    expect(store.getState().solved['softmax/TemperatureExercise']).toEqual(temperature);
    expect(store.getState().solved['jacobian/RowSignsExercise']?.seed).toBe(7);
  });

  it('Download a file saves logit-lab-progress.json in the stored format; importing that File restores every result exactly', async () => {
    panelWith({ 'softmax/ProbabilityExercise': probability, 'softmax/TemperatureExercise': temperature });
    fireEvent.click(button('Export progress'));
    fireEvent.click(button('Download a file'));
    expect(saved.map((s) => s.name)).toEqual(['logit-lab-progress.json']);
    const text = await saved[0]!.blob.text();
    expect(JSON.parse(text)).toEqual({ version: 1, solved: { 'softmax/ProbabilityExercise': probability, 'softmax/TemperatureExercise': temperature } });
    // another device: a new page, an empty store
    cleanup();

    const other = panelWith();
    fireEvent.click(button('Import progress'));
    const picker = screen.getByLabelText(/^Or a progress file/);
    fireEvent.change(picker, { target: { files: [new File([text], 'logit-lab-progress.json', { type: 'application/json' })] } });
    await vi.waitFor(() => expect(importStatus()).toBe('Imported 2 solved exercises.'));
    expect(other.getState().solved).toEqual(readProgress(text).solved);
  });

  it('a file that is not ours, or too large, is refused with a message and the progress stays', async () => {
    const store = panelWith({ 'softmax/TemperatureExercise': temperature });
    fireEvent.click(button('Import progress'));
    const picker = screen.getByLabelText(/^Or a progress file/);
    fireEvent.change(picker, { target: { files: [new File(['<html>not progress</html>'], 'page.json')] } });
    await vi.waitFor(() => expect(importStatus()).toBe('That file is not a Logit Lab progress file, so nothing was imported.'));
    fireEvent.change(picker, { target: { files: [new File(['x'.repeat(200_001)], 'big.json')] } });
    expect(importStatus()).toBe('That file is too large to be a Logit Lab progress file (over 200 KB), so nothing was imported.');
    expect(store.getState().solved).toEqual({ 'softmax/TemperatureExercise': temperature });
  });

  it('Copy code puts the code on the clipboard and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    panelWith({ 'softmax/TemperatureExercise': temperature });
    fireEvent.click(button('Export progress'));
    fireEvent.click(button('Copy code'));
    await vi.waitFor(() => expect(screen.getByText('Copied the code.')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith((screen.getByTestId('progress-code') as HTMLTextAreaElement).value);
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('Reset closes the export with its button, and Import stays', () => {
    panelWith({ 'softmax/TemperatureExercise': temperature });
    fireEvent.click(button('Export progress'));
    fireEvent.click(button('Reset progress'));
    fireEvent.click(button('Yes, forget the solved exercise'));
    expect(screen.queryByTestId('progress-code')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export progress' })).toBeNull();
    expect(button('Import progress')).toBeTruthy();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { makeDataset } from '../../../../src/core/datasets';
import { DecisionRegions } from '../../../../src/chapters/backprop/DecisionRegions';

// jsdom has no 2-D canvas: the regions are not painted, the text alternative is still written.
vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);

const noop = () => {};
const dataset = makeDataset('blobs', 6, 1);
const regionsLabel = () => screen.getByRole('img', { name: /^Decision regions/ }).getAttribute('aria-label') ?? '';

function renderRegions(loss: number, accuracy: number) {
  return render(
    <DecisionRegions
      dataset={dataset}
      regions={null}
      gridSize={4}
      extent={3}
      classNames={['A', 'B', 'C']}
      loss={loss}
      accuracy={accuracy}
      pointClass={0}
      onAdd={noop}
      onMove={noop}
      onDelete={noop}
      size={240}
    />,
  );
}

describe('DecisionRegions text alternative', () => {
  it('DecisionRegions with accuracy 2/3 and loss 0.5 states "Accuracy 66.7%, loss 0.500"', () => {
    renderRegions(0.5, 2 / 3);
    expect(regionsLabel()).toMatch(/with 6 points: .*\. Accuracy 66\.7%, loss 0\.500\.$/);
  });

  it('DecisionRegions before the first evaluation (NaN) says not measured yet, never "undefined" or "NaN"', () => {
    renderRegions(Number.NaN, Number.NaN);
    expect(regionsLabel()).toMatch(/Accuracy and loss not measured yet\.$/);
    expect(regionsLabel()).not.toMatch(/undefined|NaN/);
  });
});

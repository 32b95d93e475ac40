import { describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { LogitBars } from '../../../src/plots/LogitBars';
import { ProbabilityBars } from '../../../src/plots/ProbabilityBars';
import { PredictionBars } from '../../../src/plots/PredictionBars';
import { LabelledBars } from '../../../src/plots/LabelledBars';
import { GradientBars } from '../../../src/plots/GradientBars';
import { DistributionBars } from '../../../src/plots/DistributionBars';
import { EigenvalueBars } from '../../../src/chapters/higher-derivatives/EigenvalueBars';

const ignore = () => {};

// Every bar plot, drawn with a few bars.
const PLOTS: [string, ReactElement][] = [
  ['LogitBars', <LogitBars logits={[2, 1, 0.1]} domain={[-10, 10]} step={0.1} onChange={ignore} />],
  ['ProbabilityBars', <ProbabilityBars probabilities={[0.66, 0.24, 0.1]} />],
  [
    'PredictionBars',
    <PredictionBars labels={['p₁', 'p₂']} values={[0.5, 0.5]} domain={[0, 1]} step={0.01} onChange={ignore} truth={[0.7, 0.3]} digits={2} />,
  ],
  ['LabelledBars', <LabelledBars title="Sigmoid of each logit" bars={[{ label: 'σ(z₁)', value: 0.7, term: 't', colour: 'red' }]} />],
  ['GradientBars', <GradientBars values={[0.2, -0.2]} label={(i) => `g${i}`} name={(i) => `g${i}`} termId={(i) => `g${i}`} title="Gradient" />],
  ['DistributionBars', <DistributionBars values={[0.5, 0.5]} symbol="y" role="target" termOf={(i) => `y${i}`} onChange={ignore} />],
  ['EigenvalueBars', <EigenvalueBars eigenvalues={[0.25, 0.1, 0]} onesIndex={2} />],
];

describe('PlotGround under every bar plot', () => {
  it.each(PLOTS)('<%s> draws one ground, first, as wide and tall as the plot, so it covers no bar', (_, plot) => {
    const { container } = render(plot);
    const svg = container.querySelector('svg.plot');
    const grounds = svg?.querySelectorAll('.plot-ground') ?? [];
    expect(grounds).toHaveLength(1);
    expect(svg?.firstElementChild).toBe(grounds[0]);
    expect(grounds[0]?.tagName.toLowerCase()).toBe('rect');
    expect(grounds[0]?.getAttribute('width')).toBe('100%');
    expect(grounds[0]?.getAttribute('height')).toBe('100%');
  });
});

import { useMemo, useState } from 'react';
import { RangeSlider } from '../../controls/RangeSlider';
import { formatNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { Opener } from '../Opener';
import { snapWeight } from './pytorchLossInputs';
import { lossReport } from './pytorchLossMath';
import { presetBatch } from './pytorchLossPresets';
import { plain } from './pytorchLossFormula';

/**
 * Chapter 11 opens with its first surprise: three samples, the weight of class 0 on a slider. PyTorch's
 * weighted mean divides by the weights of the samples' classes, so it moves differently from the
 * weighted sum divided by N. Its state is its own (it is not embeddable); the explorer below does the rest.
 */
export function WeightedMeanOpener() {
  const [w0, setW0] = useState(2);
  const base = presetBatch('weighted');
  const batch = useMemo(() => ({ ...base, weight: [w0, ...base.weight.slice(1)] }), [base, w0]);
  const r = useMemo(() => lossReport(batch), [batch]);
  const n = batch.logits.length;
  return (
    <Opener
      name="The weighted mean at a glance"
      caption={
        <>
          Slide the weight of class 0. PyTorch’s weighted mean is not the weighted sum divided by N = {n}: what does it divide by?
        </>
      }
    >
      <div className="pytorch-loss-widget loss-opener">
        <RangeSlider
          label="weight of class 0 in the opening figure"
          symbol="w[0]"
          value={w0}
          min={0}
          max={5}
          step={0.1}
          digits={1}
          term={term.lossWeightOpener()}
          onValue={(v) => setW0(snapWeight(v))}
        />
        <p className="opener-readout">
          targets t = [0, 1, 0], weights w = [{batch.weight.map(plain).join(', ')}]: the weighted sum Σ w[tₙ]·ℓₙ ={' '}
          <span data-testid="opener-sum">{formatNumber(r.total, 3)}</span>
        </p>
        <p className="opener-readout">
          nn.CrossEntropyLoss(weight=w) prints <strong data-testid="opener-mean">{formatNumber(r.value, 3)}</strong>
        </p>
        <p className="opener-readout">
          the weighted sum divided by N = {n}: <span data-testid="opener-over-n">{formatNumber(r.total / n, 3)}</span>
        </p>
      </div>
    </Opener>
  );
}

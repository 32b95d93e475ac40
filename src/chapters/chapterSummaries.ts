/**
 * One line per chapter, what the learner comes away with: shown on the home page only, so kept out of
 * chapterList.ts, which every page loads first.
 */
export const CHAPTER_SUMMARIES: Readonly<Record<string, string>> = {
  information: 'Bits of surprise, entropy, cross-entropy and KL divergence.',
  softmax: 'Turning logits into probabilities: a smooth argmax, shift invariance and temperature.',
  jacobian: 'pᵢ(δᵢⱼ − pⱼ): a diagonal minus an outer product.',
  'softmax-cross-entropy': 'The chain rule collapses to p − y.',
  'binary-cross-entropy': 'The two-class case, and one sigmoid per label.',
  'logistic-regression': 'A linear classifier trained by gradient descent on the cross-entropy cost.',
  'squared-error-vs-cross-entropy': 'Why a saturated sigmoid stalls squared error but not cross-entropy.',
  backprop: 'A 2-16-3 network in matrix form, trained live.',
  'gradient-check': 'Central differences, truncation against round-off.',
  stability: 'Overflow, log-sum-exp and the fused log-softmax loss.',
  'pytorch-loss': 'Weights, reductions, label smoothing, ignore_index and soft targets.',
  'higher-derivatives': 'The Hessian of cross-entropy and the third-order tensor.',
  lstm: 'Sigmoid gates, the cell path and vanishing gradients.',
};

import { parseTrainingRequest, runTraining, type TrainingResponse } from './trainingSession';

/**
 * Chapter 8's trainer: each request is a slice of training (weights, points, settings) checked against
 * the message format and run with the core's trainMinibatches; the answer carries the new weights, their loss,
 * accuracy and gradient, and the decision regions. The page keeps the run; this worker keeps nothing.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: TrainingResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  const request = parseTrainingRequest(event.data);
  if (!request) {
    const raw = event.data as { id?: unknown } | null;
    const id = Number.isInteger(raw?.id) && (raw?.id as number) >= 0 ? (raw?.id as number) : 0;
    scope.postMessage({ type: 'error', id, message: 'the trainer was sent a request it does not understand' });
    return;
  }
  const response = runTraining(request);
  if (response.type === 'snapshot') {
    const { params, gradients, regions } = response;
    // The arrays are fresh for this answer: hand them over instead of copying them.
    const buffers = [params.w1, params.b1, params.w2, params.b2, gradients.w1, gradients.b1, gradients.w2, gradients.b2, regions].map((a) => a.buffer);
    scope.postMessage(response, buffers);
  } else scope.postMessage(response);
};

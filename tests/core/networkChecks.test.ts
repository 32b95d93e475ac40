import { describe, expect, it } from 'vitest';
import {
  backward,
  cloneNetwork,
  createWorkspace,
  forward,
  initNetwork,
  sgdStep,
  trainStep,
  type BatchReduction,
  type NetworkShape,
  type Workspace,
} from '../../src/core/network';
import { checkCapacity, checkShape, checkSize, MAX_ENTRIES } from '../../src/core/networkChecks';

/*
 * The argument checks of network.ts and minibatch.ts, each by the message it promises. Sizes at the
 * 2^26-entry limit are checked on checkSize and checkShape themselves: a network that large would
 * take 512 MiB an array to build.
 */

const shape = { inputs: 2, hidden: 3, outputs: 4, activation: 'tanh' } as const satisfies NetworkShape;

describe('checkSize', () => {
  it(`checkSize takes 1 and MAX_ENTRIES = 2^26 and refuses 0 and 2^26 + 1`, () => {
    expect(MAX_ENTRIES).toBe(67_108_864);
    expect(() => checkSize('f', 'n', 1)).not.toThrow();
    expect(() => checkSize('f', 'n', 2 ** 26)).not.toThrow();
    expect(() => checkSize('f', 'n', 0)).toThrow(new RangeError('f: n 0 is not an integer in [1, 67108864]'));
    expect(() => checkSize('f', 'n', 2 ** 26 + 1)).toThrow(new RangeError('f: n 67108865 is not an integer in [1, 67108864]'));
  });

  it('checkSize refuses a non-integer, NaN, Infinity and a number given as a string', () => {
    for (const bad of [1.5, Number.NaN, Infinity, '3' as unknown as number]) {
      expect(() => checkSize('f', 'n', bad)).toThrow(new RangeError(`f: n ${String(bad)} is not an integer in [1, 67108864]`));
    }
  });
});

describe('checkShape', () => {
  it('initNetwork refuses a shape that is not an object: null, undefined, a number or a string', () => {
    for (const bad of [null, undefined, 5, 'relu']) {
      expect(() => initNetwork(bad as unknown as NetworkShape, 1)).toThrow(
        new RangeError('initNetwork: shape must be an object { inputs, hidden, outputs, activation }'),
      );
    }
  });

  it('initNetwork names each bad size of the shape by its field', () => {
    expect(() => initNetwork({ ...shape, inputs: 0 }, 1)).toThrow(/^initNetwork: shape.inputs 0 is not an integer in \[1, 67108864\]$/);
    expect(() => initNetwork({ ...shape, hidden: -1 }, 1)).toThrow(/^initNetwork: shape.hidden -1 is not an integer/);
    expect(() => initNetwork({ ...shape, outputs: 2.5 }, 1)).toThrow(/^initNetwork: shape.outputs 2.5 is not an integer/);
  });

  it('checkShape takes weight matrices of exactly 2^26 entries and refuses one more row or column', () => {
    const side = 2 ** 13;
    const check = (inputs: number, hidden: number, outputs: number) => () => checkShape('f', { inputs, hidden, outputs, activation: 'relu' });
    expect(check(side, side, 1)).not.toThrow();
    expect(check(1, side, side)).not.toThrow();
    expect(check(side + 1, side, 1)).toThrow(new RangeError('f: a 8193-8192-1 network has a weight matrix of more than 67108864 entries'));
    expect(check(1, side, side + 1)).toThrow(new RangeError('f: a 1-8192-8193 network has a weight matrix of more than 67108864 entries'));
    // the product, not the ratio: 2^26 inputs into 2 hidden units is too many though each size is allowed
    expect(check(2 ** 26, 2, 1)).toThrow(/a 67108864-2-1 network has a weight matrix of more than/);
    expect(check(1, 2, 2 ** 26)).toThrow(/a 1-2-67108864 network has a weight matrix of more than/);
  });
});

describe('checkParams and checkNetworkAndWorkspace', () => {
  const x = Float64Array.of(0.5, -1, 1, 2);
  const labels = Int32Array.of(0, 3);

  it('forward names the parameter array of the network that has the wrong length', () => {
    const net = initNetwork(shape, 1);
    const ws = createWorkspace(shape, 2);
    const expected = { w1: 6, b1: 3, w2: 12, b2: 4 } as const;
    for (const name of ['w1', 'b1', 'w2', 'b2'] as const) {
      const wrong = { shape: net.shape, params: { ...net.params, [name]: new Float64Array(expected[name] + 1) } };
      expect(() => forward(wrong, x, labels, 2, ws)).toThrow(
        new RangeError(`forward: net.params.${name} has length ${expected[name] + 1} but the shape needs ${expected[name]}`),
      );
    }
  });

  it('sgdStep names the gradient array of the workspace that has the wrong length', () => {
    const net = initNetwork(shape, 1);
    const ws = createWorkspace(shape, 2);
    const expected = { w1: 6, b1: 3, w2: 12, b2: 4 } as const;
    for (const name of ['w1', 'b1', 'w2', 'b2'] as const) {
      const wrong: Workspace = { ...ws, grads: { ...ws.grads, [name]: new Float64Array(expected[name] - 1) } };
      expect(() => sgdStep(net, wrong, 0.1)).toThrow(new RangeError(`sgdStep: ws.grads.${name} has length ${expected[name] - 1} but the shape needs ${expected[name]}`));
    }
  });

  // capacity 2: z1, a1, da1, dz1 hold 2 × hidden = 6 entries; z2, p, dz2 hold 2 × outputs = 8
  for (const name of ['z1', 'a1', 'da1', 'dz1', 'z2', 'p', 'dz2'] as const) {
    it(`forward refuses a workspace whose ${name} alone has one entry too many`, () => {
      const net = initNetwork(shape, 1);
      const ws = createWorkspace(shape, 2);
      const wrong: Workspace = { ...ws, [name]: new Float64Array(ws[name].length + 1) };
      expect(() => forward(net, x, labels, 2, wrong)).toThrow(
        new RangeError("forward: the workspace was not made for this network's shape (hidden 3, outputs 4, capacity 2)"),
      );
      expect(() => forward(net, x, labels, 2, ws)).not.toThrow();
    });
  }
});

describe('checkLabels and checkLearningRate', () => {
  const x = Float64Array.of(0.5, -1, 1, 2);

  it('forward reads only the first m labels: a bad label after them is not the batch’s', () => {
    const net = initNetwork(shape, 1);
    const ws = createWorkspace(shape, 2);
    expect(() => forward(net, x, Int32Array.of(1, 3, 99), 2, ws)).not.toThrow();
    expect(() => forward(net, x, Int32Array.of(1, 4, 0), 2, ws)).toThrow(new RangeError('forward: labels[1] = 4 is not a class index in [0, 4)'));
  });

  it('trainStep takes a learning rate of 0 and leaves the weights as they are', () => {
    const net = initNetwork(shape, 1);
    const before = initNetwork(shape, 1);
    trainStep(net, x, Int32Array.of(0, 1), 2, createWorkspace(shape, 2), 0);
    expect(net.params).toEqual(before.params);
  });

  it('trainStep refuses a learning rate that is negative, NaN, ±Infinity or not a number', () => {
    const net = initNetwork(shape, 1);
    const ws = createWorkspace(shape, 2);
    for (const bad of [-Number.MIN_VALUE, -1, Number.NaN, Infinity, -Infinity, '0.1' as unknown as number, null as unknown as number]) {
      expect(() => trainStep(net, x, Int32Array.of(0, 1), 2, ws, bad)).toThrow(
        new RangeError(`trainStep: learning rate ${String(bad)} is not a finite number ≥ 0`),
      );
    }
  });
});

describe('each public function names itself and the argument it refuses', () => {
  const x = Float64Array.of(0.5, -1, 1, 2);

  it('cloneNetwork names a bad shape and a parameter array of the wrong length', () => {
    const net = initNetwork(shape, 1);
    expect(() => cloneNetwork({ ...net, shape: { ...shape, hidden: 0 } })).toThrow(
      new RangeError('cloneNetwork: shape.hidden 0 is not an integer in [1, 67108864]'),
    );
    const shortW1 = { shape: net.shape, params: { ...net.params, w1: new Float64Array(5) } };
    expect(() => cloneNetwork(shortW1)).toThrow(new RangeError('cloneNetwork: net.params.w1 has length 5 but the shape needs 6'));
  });

  it('createWorkspace names a bad shape, and the capacity and width that are too many entries', () => {
    expect(() => createWorkspace({ ...shape, outputs: 0 }, 2)).toThrow(new RangeError('createWorkspace: shape.outputs 0 is not an integer in [1, 67108864]'));
    // outputs is the wider layer here: 65 × 2^20 > 2^26 though 65 × hidden is small
    expect(() => createWorkspace({ ...shape, hidden: 1, outputs: 2 ** 20 }, 65)).toThrow(
      new RangeError('createWorkspace: capacity 65 × width 1048576 is more than 67108864 entries'),
    );
  });

  it('forward and backward name a bad label and a bad reduction', () => {
    const net = initNetwork(shape, 1);
    const ws = createWorkspace(shape, 2);
    const sum = 'total' as BatchReduction;
    expect(() => forward(net, x, Int32Array.of(0, 4), 2, ws)).toThrow(new RangeError('forward: labels[1] = 4 is not a class index in [0, 4)'));
    expect(() => forward(net, x, Int32Array.of(0, 1), 2, ws, sum)).toThrow(new RangeError("forward: reduction total is not 'mean' or 'sum'"));
    expect(() => backward(net, x, Int32Array.of(-1, 1), 2, ws)).toThrow(new RangeError('backward: labels[0] = -1 is not a class index in [0, 4)'));
    expect(() => backward(net, x, Int32Array.of(0, 1), 2, ws, sum)).toThrow(new RangeError("backward: reduction total is not 'mean' or 'sum'"));
    expect(() => trainStep(net, x, Int32Array.of(0, 1), 2, ws, 0.1, sum)).toThrow(new RangeError("trainStep: reduction total is not 'mean' or 'sum'"));
  });

  it('sgdStep names a bad learning rate', () => {
    const net = initNetwork(shape, 1);
    expect(() => sgdStep(net, createWorkspace(shape, 2), -1)).toThrow(new RangeError('sgdStep: learning rate -1 is not a finite number ≥ 0'));
  });
});

describe('checkCapacity', () => {
  // checkCapacity allocates nothing, so the limit itself can be tried: createWorkspace at the limit
  // would allocate 512 MiB arrays
  it('checkCapacity takes capacity × the wider layer = 2^26 and refuses one row more, whichever layer is wider', () => {
    const wideHidden = { ...shape, hidden: 2 ** 10, outputs: 2 };
    const wideOutputs = { ...shape, hidden: 2, outputs: 2 ** 10 };
    for (const s of [wideHidden, wideOutputs]) {
      expect(() => checkCapacity('f', 2 ** 16, s)).not.toThrow();
      expect(() => checkCapacity('f', 2 ** 16 + 1, s)).toThrow(new RangeError('f: capacity 65537 × width 1024 is more than 67108864 entries'));
    }
  });

  it('checkCapacity names a capacity that is not an integer in [1, 2^26]', () => {
    expect(() => checkCapacity('f', 0, shape)).toThrow(new RangeError('f: capacity 0 is not an integer in [1, 67108864]'));
    expect(() => checkCapacity('f', 1.5, shape)).toThrow(new RangeError('f: capacity 1.5 is not an integer in [1, 67108864]'));
  });
});

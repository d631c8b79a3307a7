import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adamStep,
  gdStabilityLimit,
  initialState,
  objectiveGradient,
  objectiveValue,
  runOptimizer,
  type Objective,
} from '../../../src/calculators/math/optimizers.ts';

const hyper = { lr: 0.1, beta1: 0.9, beta2: 0.999 };

describe('objectives', () => {
  it('values and gradients', () => {
    expect(objectiveValue({ kind: 'quadratic', kappa: 10 }, [1, 1])).toBe(5.5);
    expect(objectiveGradient({ kind: 'quadratic', kappa: 10 }, [1, 1])).toEqual([1, 10]);
    expect(objectiveValue({ kind: 'rosenbrock' }, [1, 1])).toBe(0);
    expect(objectiveGradient({ kind: 'rosenbrock' }, [0, 0])).toEqual([-2, 0]);
    expect(objectiveGradient({ kind: 'rosenbrock' }, [-1, 1])).toEqual([-4, 0]);
  });
});

describe('gradient descent on the quadratic', () => {
  it('converges iff η < 2/λmax (checked on both sides)', () => {
    for (const kappa of [1, 10, 100]) {
      const o: Objective = { kind: 'quadratic', kappa };
      const limit = gdStabilityLimit(o)!;
      expect(limit).toBeCloseTo(2 / kappa, 15);
      const below = runOptimizer('gd', o, [1, 1], { ...hyper, lr: 0.95 * limit }, 2000);
      expect(below.divergedAt).toBeNull();
      expect(below.losses.at(-1)!).toBeLessThan(1e-6);
      const above = runOptimizer('gd', o, [1, 1], { ...hyper, lr: 1.05 * limit }, 2000);
      expect(above.divergedAt).not.toBeNull();
      // Just above the limit the loss grows step after step.
      const short = runOptimizer('gd', o, [1, 1], { ...hyper, lr: 1.05 * limit }, 50);
      expect(short.losses.at(-1)!).toBeGreaterThan(short.losses[0]!);
    }
  });

  it('known values: κ = 10, η = 0.1 from (1, 1) gives x = 0.9ᵏ, y = 0 after one step', () => {
    const run = runOptimizer('gd', { kind: 'quadratic', kappa: 10 }, [1, 1], hyper, 3);
    expect(run.path[1]).toEqual([0.9, 0]);
    expect(run.path[3]![0]).toBeCloseTo(0.729, 15);
    expect(run.losses[3]).toBeCloseTo(0.5 * 0.729 ** 2, 15);
  });

  it('reports the step where a run blows up', () => {
    const run = runOptimizer('gd', { kind: 'quadratic', kappa: 10 }, [1, 1], { ...hyper, lr: 1 }, 500);
    // y is multiplied by (1 − 10) = −9 each step; f passes 1e12·f₀ when 5·81ᵏ > 5.5e12, at k = 7.
    expect(run.divergedAt).toBe(7);
    expect(run.path).toHaveLength(7);
  });
});

describe('momentum, RMSProp, Adam', () => {
  it('momentum with β = 0 is plain gradient descent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 50, noNaN: true }),
        fc.double({ min: 0.001, max: 0.03, noNaN: true }),
        fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })),
        (kappa, lr, start) => {
          const o: Objective = { kind: 'quadratic', kappa };
          const a = runOptimizer('gd', o, start, { ...hyper, lr }, 20);
          const b = runOptimizer('momentum', o, start, { ...hyper, lr, beta1: 0 }, 20);
          return a.path.every((p, i) => p[0] === b.path[i]![0] && p[1] === b.path[i]![1]);
        },
      ),
    );
  });

  it('momentum by hand: two steps on ½x² from x = 1 with η = 0.1, β = 0.9', () => {
    const run = runOptimizer('momentum', { kind: 'quadratic', kappa: 1 }, [1, 0], { ...hyper, beta1: 0.9 }, 2);
    // v₁ = 1, x₁ = 0.9; v₂ = 0.9·1 + 0.9 = 1.8, x₂ = 0.9 − 0.18 = 0.72.
    expect(run.path[1]![0]).toBeCloseTo(0.9, 15);
    expect(run.path[2]![0]).toBeCloseTo(0.72, 15);
  });

  it("Adam's first step is ≈ η per coordinate whatever the gradient's size (bias correction)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: -1e-3, noNaN: true }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        (g0, g1, lr) => {
          const [p] = adamStep([0, 0], [g0, g1], initialState(), { lr, beta1: 0.9, beta2: 0.999 });
          return Math.abs(p[0] + lr) < 1e-4 * lr && Math.abs(p[1] - lr) < 1e-4 * lr;
        },
      ),
    );
  });

  it('RMSProp first step is η/√(1 − ρ) per coordinate', () => {
    const run = runOptimizer('rmsprop', { kind: 'quadratic', kappa: 100 }, [1, 1], { lr: 0.01, beta1: 0, beta2: 0.99 }, 1);
    expect(run.path[1]![0]).toBeCloseTo(1 - 0.1, 6);
    expect(run.path[1]![1]).toBeCloseTo(1 - 0.1, 6);
  });

  it('Adam and momentum reach the Rosenbrock valley floor', () => {
    const adam = runOptimizer('adam', { kind: 'rosenbrock' }, [-1.5, 2], { lr: 0.02, beta1: 0.9, beta2: 0.999 }, 3000);
    expect(adam.losses.at(-1)!).toBeLessThan(1e-2);
    const mom = runOptimizer('momentum', { kind: 'rosenbrock' }, [-1.5, 2], { lr: 2e-4, beta1: 0.9, beta2: 0.999 }, 5000);
    expect(mom.divergedAt).toBeNull();
    expect(mom.losses.at(-1)!).toBeLessThan(mom.losses[0]!);
  });
});

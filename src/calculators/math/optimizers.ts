/**
 * First-order optimisers on 2-D test functions: plain gradient descent, heavy-ball momentum,
 * RMSProp and Adam, with the update rules as PyTorch writes them (no weight decay).
 */

export type Vec2 = [number, number];

/** f = ½(x² + κy²), Hessian diag(1, κ) (κ > 0); or Rosenbrock f = (a − x)² + b(y − x²)². */
export type Objective = { kind: 'quadratic'; kappa: number } | { kind: 'rosenbrock'; a?: number; b?: number };

export function objectiveValue(o: Objective, [x, y]: Vec2): number {
  if (o.kind === 'quadratic') return 0.5 * (x * x + o.kappa * y * y);
  const a = o.a ?? 1;
  const b = o.b ?? 100;
  return (a - x) ** 2 + b * (y - x * x) ** 2;
}

export function objectiveGradient(o: Objective, [x, y]: Vec2): Vec2 {
  if (o.kind === 'quadratic') return [x, o.kappa * y];
  const a = o.a ?? 1;
  const b = o.b ?? 100;
  return [-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)];
}

/** The minimiser: (0, 0) for the quadratic, (a, a²) for Rosenbrock. */
export function objectiveMinimum(o: Objective): Vec2 {
  if (o.kind === 'quadratic') return [0, 0];
  const a = o.a ?? 1;
  return [a, a * a];
}

/**
 * The largest learning rate for which plain gradient descent converges on the quadratic:
 * GD multiplies each eigen-coordinate by (1 − ηλ), which shrinks iff η < 2/λ, so η < 2/λmax.
 * null for Rosenbrock (its curvature changes from place to place).
 */
export function gdStabilityLimit(o: Objective): number | null {
  return o.kind === 'quadratic' ? 2 / Math.max(1, o.kappa) : null;
}

export type OptimizerKind = 'gd' | 'momentum' | 'rmsprop' | 'adam';

export type Hyperparameters = {
  /** Learning rate η > 0. */
  lr: number;
  /** Momentum β (momentum) or β₁ (Adam), in [0, 1). */
  beta1: number;
  /** Squared-gradient decay: ρ (RMSProp) or β₂ (Adam), in [0, 1). */
  beta2: number;
  /** Added to the root of the squared-gradient average; 1e-8 by default. */
  eps?: number;
};

/** Running state: m (velocity or first moment), v (second moment), t (steps taken). */
export type OptimizerState = { m: Vec2; v: Vec2; t: number };

export const initialState = (): OptimizerState => ({ m: [0, 0], v: [0, 0], t: 0 });

type Step = (p: Vec2, g: Vec2, s: OptimizerState, h: Hyperparameters) => [Vec2, OptimizerState];

const map2 = (f: (i: 0 | 1) => number): Vec2 => [f(0), f(1)];

/** p ← p − ηg. */
export const gdStep: Step = (p, g, s, h) => [map2((i) => p[i] - h.lr * g[i]), { ...s, t: s.t + 1 }];

/** Heavy ball (PyTorch SGD momentum): v ← βv + g, p ← p − ηv. β = 0 is plain GD. */
export const momentumStep: Step = (p, g, s, h) => {
  const m = map2((i) => h.beta1 * s.m[i] + g[i]);
  return [map2((i) => p[i] - h.lr * m[i]), { ...s, m, t: s.t + 1 }];
};

/** RMSProp: v ← ρv + (1 − ρ)g², p ← p − ηg / (√v + ε). */
export const rmspropStep: Step = (p, g, s, h) => {
  const v = map2((i) => h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i]);
  return [map2((i) => p[i] - (h.lr * g[i]) / (Math.sqrt(v[i]) + (h.eps ?? 1e-8))), { ...s, v, t: s.t + 1 }];
};

/**
 * Adam: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², then bias-corrected m̂ = m/(1 − β₁ᵗ),
 * v̂ = v/(1 − β₂ᵗ) and p ← p − η m̂/(√v̂ + ε). The first step is ≈ η·sign(g) per coordinate.
 */
export const adamStep: Step = (p, g, s, h) => {
  const t = s.t + 1;
  const m = map2((i) => h.beta1 * s.m[i] + (1 - h.beta1) * g[i]);
  const v = map2((i) => h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i]);
  const c1 = 1 - h.beta1 ** t;
  const c2 = 1 - h.beta2 ** t;
  return [map2((i) => p[i] - (h.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + (h.eps ?? 1e-8))), { m, v, t }];
};

export const optimizerSteps: Record<OptimizerKind, Step> = { gd: gdStep, momentum: momentumStep, rmsprop: rmspropStep, adam: adamStep };

export type OptimizerRun = {
  /** Points visited, starting with the start point (length = steps taken + 1). */
  path: Vec2[];
  /** f at each point of the path. */
  losses: number[];
  /** The step at which the run blew up (non-finite, or f above 1e12·max(1, f₀)), else null. */
  divergedAt: number | null;
};

/** Runs `steps` updates from `start` (finite), stopping early if the iterates blow up. */
export function runOptimizer(kind: OptimizerKind, o: Objective, start: Vec2, h: Hyperparameters, steps: number): OptimizerRun {
  const step = optimizerSteps[kind];
  let p: Vec2 = [start[0], start[1]];
  let s = initialState();
  const path: Vec2[] = [p];
  const losses = [objectiveValue(o, p)];
  const limit = 1e12 * Math.max(1, losses[0] ?? 1);
  for (let k = 1; k <= steps; k++) {
    [p, s] = step(p, objectiveGradient(o, p), s, h);
    const loss = objectiveValue(o, p);
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || !Number.isFinite(loss) || loss > limit) {
      return { path, losses, divergedAt: k };
    }
    path.push(p);
    losses.push(loss);
  }
  return { path, losses, divergedAt: null };
}

/**
 * Backpropagation through one tiny graph, L = (σ(w·x + b) − y)², node by node: the forward
 * values, then every gradient by the chain rule, and a central finite-difference check.
 */

export type BackpropInputs = { x: number; w: number; b: number; y: number };

export type GraphStep = {
  phase: 'forward' | 'backward';
  /** The node's symbol: "u", "z", "a", "d", "L", "∂L/∂a"… */
  node: string;
  /** The rule, in plain math notation (the same in both languages). */
  formula: string;
  /** The node's value (forward) or gradient of L with respect to it (backward). */
  value: number;
};

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The loss alone (finite inputs). */
export function loss({ x, w, b, y }: BackpropInputs): number {
  return (sigmoid(w * x + b) - y) ** 2;
}

export type Backprop = {
  steps: GraphStep[];
  loss: number;
  gradients: { w: number; b: number; x: number; y: number };
};

/** Forward pass u = w·x, z = u + b, a = σ(z), d = a − y, L = d²; then the backward pass. */
export function backprop({ x, w, b, y }: BackpropInputs): Backprop {
  const u = w * x;
  const z = u + b;
  const a = sigmoid(z);
  const d = a - y;
  const L = d * d;
  const dL = 1;
  const dd = 2 * d * dL;
  const da = dd;
  const dz = da * a * (1 - a);
  const db = dz;
  const du = dz;
  const dw = du * x;
  const dx = du * w;
  const dy = -dd;
  const f = (node: string, formula: string, value: number): GraphStep => ({ phase: 'forward', node, formula, value });
  const g = (node: string, formula: string, value: number): GraphStep => ({ phase: 'backward', node, formula, value });
  return {
    steps: [
      f('u', 'u = w · x', u),
      f('z', 'z = u + b', z),
      f('a', 'a = σ(z) = 1 / (1 + e^(−z))', a),
      f('d', 'd = a − y', d),
      f('L', 'L = d²', L),
      g('∂L/∂L', '∂L/∂L = 1', dL),
      g('∂L/∂d', '∂L/∂d = 2d', dd),
      g('∂L/∂a', '∂L/∂a = ∂L/∂d · 1', da),
      g('∂L/∂z', '∂L/∂z = ∂L/∂a · σ(z)(1 − σ(z)) = ∂L/∂a · a(1 − a)', dz),
      g('∂L/∂b', '∂L/∂b = ∂L/∂z · 1', db),
      g('∂L/∂u', '∂L/∂u = ∂L/∂z · 1', du),
      g('∂L/∂w', '∂L/∂w = ∂L/∂u · x', dw),
      g('∂L/∂x', '∂L/∂x = ∂L/∂u · w', dx),
      g('∂L/∂y', '∂L/∂y = ∂L/∂d · (−1)', dy),
    ],
    loss: L,
    gradients: { w: dw, b: db, x: dx, y: dy },
  };
}

/** (f(θ + h) − f(θ − h)) / 2h: error O(h²) from the Taylor expansion, plus rounding ≈ ε·|f|/h. */
export function centralDifference(f: (t: number) => number, at: number, h = 1e-5): number {
  return (f(at + h) - f(at - h)) / (2 * h);
}

/** |a − b| / max(|a|, |b|), and 0 when both are 0. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

export type GradientCheck = {
  analytic: { w: number; b: number };
  numeric: { w: number; b: number };
  relativeError: { w: number; b: number };
};

/** Compares backprop's ∂L/∂w and ∂L/∂b with central differences of step h. */
export function gradientCheck(inputs: BackpropInputs, h = 1e-5): GradientCheck {
  const { gradients } = backprop(inputs);
  const numeric = {
    w: centralDifference((w) => loss({ ...inputs, w }), inputs.w, h),
    b: centralDifference((b) => loss({ ...inputs, b }), inputs.b, h),
  };
  return {
    analytic: { w: gradients.w, b: gradients.b },
    numeric,
    relativeError: { w: relativeError(gradients.w, numeric.w), b: relativeError(gradients.b, numeric.b) },
  };
}

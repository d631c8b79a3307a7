/**
 * Every calculator by id, with its component. The `<Calculator>` component and the area
 * calculators pages (src/pages/[lang]/calculators/[area].astro) read this list. A new
 * calculator goes here and into info.ts (its names and note).
 */
import BayesTest from './BayesTest.astro';
import FloatInspector from './FloatInspector.astro';
import SoftmaxStability from './SoftmaxStability.astro';
import LrSchedule from './LrSchedule.astro';
import Quantiser from './Quantiser.astro';
import SummationLab from './SummationLab.astro';
import OptimizerRace from './OptimizerRace.astro';
import BackpropStepper from './BackpropStepper.astro';
import MutualInformation from './MutualInformation.astro';
import TransformExplorer from './TransformExplorer.astro';
import Pca from './Pca.astro';
import RopeExplorer from './RopeExplorer.astro';
import Attention from './Attention.astro';
import TransformerParams from './TransformerParams.astro';
import SamplingLab from './SamplingLab.astro';
import PpoClip from './PpoClip.astro';
import BetaCoin from './BetaCoin.astro';
import EntropyKl from './EntropyKl.astro';
import ScalingPlanner from './ScalingPlanner.astro';
import SpeculativeDecoding from './SpeculativeDecoding.astro';
import GradClip from './GradClip.astro';
import { calculatorInfo, type CalculatorId } from './info.ts';

export { calculatorInfo, type CalculatorId };

// Keyed like calculatorInfo (info.ts): `satisfies` fails type-checking when one has an id the other lacks.
export const calculatorComponents = {
  'bayes-test': BayesTest,
  'float-inspector': FloatInspector,
  'softmax-stability': SoftmaxStability,
  'lr-schedule': LrSchedule,
  quantiser: Quantiser,
  'summation-lab': SummationLab,
  'optimizer-race': OptimizerRace,
  'backprop-stepper': BackpropStepper,
  'mutual-information': MutualInformation,
  'transform-explorer': TransformExplorer,
  pca: Pca,
  'rope-explorer': RopeExplorer,
  attention: Attention,
  'transformer-params': TransformerParams,
  'sampling-lab': SamplingLab,
  'ppo-clip': PpoClip,
  'beta-coin': BetaCoin,
  'entropy-kl': EntropyKl,
  'scaling-planner': ScalingPlanner,
  'speculative-decoding': SpeculativeDecoding,
  'grad-clip': GradClip,
} as const satisfies Record<CalculatorId, unknown>;

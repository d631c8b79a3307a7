/**
 * The quiz grading engine for the browser and the build. Pure TypeScript: no DOM, no Node APIs,
 * no zod/yaml (those live in build.ts). docs/QUIZ-FORMAT.md is the contract: the file format,
 * how input is read and compared, and every decision the engine makes where a rule could be
 * read two ways; change it together with the code.
 */
export type { Answer, ChoiceLike, Form, Grade, GradeStatus, Text, Tolerance, Value, WrongAnswer } from './types.ts';
export { DEFAULT_FORMS, DEFAULT_TOLERANCE, FORMS } from './types.ts';
export { gradeAnswer, gradeChoice, gradeParts } from './grade.ts';
export { formatAcceptance, formatNumber } from './format.ts';
export { evaluateExpression } from './expression.ts';
export { normaliseInput } from './normalise.ts';
export { withinRelAbs, sigfigBand, withinSigfigs, withinDecimals, withinTolerance } from './tolerance.ts';
export { countSigFigs } from './parse-number.ts';

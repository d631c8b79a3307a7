/**
 * A quiz note carries each question's first variant; the others are in the note's quiz data
 * file (`/<lang>/quiz-data/<topic>.json`, src/pages/[lang]/quiz-data/[topic].json.ts), named by
 * the question's `data-variants`. Checks that read a page's HTML (validity, links) put those
 * variants back into the page as `<template>`s, one per variant, inside their question, so
 * every variant's HTML is checked as if it were in the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantSource, type QuizData } from '../../src/quiz-ui/variants.ts';

export type { QuizData };

/** A question's variants 1…n−1 as HTML (formulas as TeX), whichever way its entry sends them. */
export function variantsOf(entry: QuizData[string] | undefined): string[] {
  if (!entry) return [];
  if (Array.isArray(entry)) return entry;
  return entry.v.map((_, k) => variantSource(entry, k + 1)!);
}

/** The data file a `data-variants` URL names, read from the built folder `dir`; undefined if missing. */
export function readQuizData(dir: string, url: string, base = '/'): QuizData | undefined {
  const path = join(dir, url.startsWith(base) ? url.slice(base.length) : url);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as QuizData) : undefined;
}

const question = /(<afm-question\b[^>]*\bid="q-([^"]+)"[^>]*\bdata-variants="([^"]+)"[^>]*>)([\s\S]*?)(<\/afm-question>)/g;

/** The page with each question's other variants inside it as `<template data-variant="k">`. */
export function withHiddenVariants(html: string, dir: string, base = '/'): string {
  const files = new Map<string, QuizData | undefined>();
  return html.replace(question, (_all, open: string, id: string, url: string, inner: string, close: string) => {
    if (!files.has(url)) files.set(url, readQuizData(dir, url, base));
    const variants = variantsOf(files.get(url)?.[id]);
    return `${open}${inner}${variants.map((v, k) => `<template data-variant="${k + 1}">${v}</template>`).join('')}${close}`;
  });
}

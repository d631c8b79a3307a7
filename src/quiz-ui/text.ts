/**
 * UI strings for the quiz, progress and review scripts come from the page (see
 * UiStrings.astro), in the page's language: the scripts carry no strings of their own.
 */
export function uiStrings(prefix: 'quizui' | 'progressui' | 'reviewui' | 'engine'): Record<string, string> {
  try {
    return JSON.parse(document.getElementById(`ui-${prefix}`)?.textContent ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function fill(template: string | undefined, vars: Record<string, string | number>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

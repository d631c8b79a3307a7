/**
 * In the browser: the UI strings a page hands its scripts as JSON, in its own language
 * (UiStrings.astro, `<script type="application/json" id="ui-<group>">`). The one place scripts
 * read them, so they carry no strings of their own. The page's language is `pageLang()` in
 * src/utils/lang.ts.
 */

/** The groups of src/i18n/{en,zh}.json a page can hand its scripts (keys `<group>.*`). */
export type UiGroup = 'quizui' | 'progressui' | 'reviewui' | 'engine' | 'search' | 'update' | 'offlineui';

/** The strings of `group`, keyed without the `group.` prefix; none when the page has not got them. */
export function pageStrings(group: UiGroup): Record<string, string> {
  try {
    return JSON.parse(document.getElementById(`ui-${group}`)?.textContent ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

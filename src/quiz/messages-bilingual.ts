/**
 * Installs the engine's message templates in both languages, for Node and the build (quiz
 * files are graded against their reference answers there). Never import it from browser
 * code: a page installs its own language only (question-element.ts). The JSON is imported
 * with its type attribute so that plain Node (scripts/bench-grading.ts) can load it too.
 */
import en from '../i18n/en.json' with { type: 'json' };
import zh from '../i18n/zh.json' with { type: 'json' };
import { setMessages, type MessageTemplates } from './messages.ts';
import { allFormLists, formPhrases } from './form-phrases.ts';

/** The `engine.*` strings of one language, keyed without the prefix, and the phrases for every list of forms. */
function engineStrings(all: Record<string, string>): MessageTemplates {
  const templates = Object.fromEntries(Object.entries(all).flatMap(([key, text]) => (key.startsWith('engine.') ? [[key.slice('engine.'.length), text]] : [])));
  return { ...templates, ...formPhrases(templates, allFormLists()) };
}

setMessages(engineStrings(en), engineStrings(zh));

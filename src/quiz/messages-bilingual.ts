/**
 * Installs the engine's message templates in both languages, for Node and the build (quiz
 * files are graded against their reference answers there). Never import it from browser
 * code: a page installs its own language only (question-element.ts). Node gets the phrases
 * for every list of forms; a page only those its questions use (Quiz.astro).
 */
import { stringsWithPrefix } from '../i18n/index.ts';
import { setMessages } from './messages.ts';
import { allFormLists, engineTemplates } from './form-phrases.ts';

setMessages(engineTemplates(stringsWithPrefix('en', 'engine'), allFormLists()), engineTemplates(stringsWithPrefix('zh', 'engine'), allFormLists()));

/**
 * Installs the engine's message templates in both languages, for Node and the build (quiz
 * files are graded against their reference answers there). Never import it from browser
 * code: a page installs its own language only (question-element.ts).
 */
import { stringsWithPrefix } from '../i18n/index.ts';
import { setMessages } from './messages.ts';

setMessages(stringsWithPrefix('en', 'engine'), stringsWithPrefix('zh', 'engine'));

/**
 * The work this site's list of topics is adapted from, and the licence both are under: the
 * footer links them on every page (CC BY-NC-SA 4.0 asks for a link to the material and to the
 * licence), the About page in full. Outbound links only; nothing is fetched from them.
 */
export const outlineUrl = 'https://github.com/InvolutionHell/involutionhell/tree/main/app/docs/ai/ai-math-basics';
export const licenceUrl = 'https://creativecommons.org/licenses/by-nc-sa/4.0/';
export const licenceName = 'CC BY-NC-SA 4.0';

/**
 * The site's two languages and helpers to tell which one a URL or page is in: the one `Lang`
 * type and the one `pageLang()` of the site, for build-time and browser code alike.
 */
export const languages = ['en', 'zh'] as const;
export type Lang = (typeof languages)[number];
export type Bilingual = { en: string; zh: string };

/** The value for `<html lang>`: Chinese pages are Simplified Chinese as used in mainland China. */
export const htmlLang: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

export function isLang(value: string | undefined): value is Lang {
  return value === 'en' || value === 'zh';
}

/** In the browser: the page's language, from `<html lang>` (`zh-CN` is Chinese). */
export const pageLang = (): Lang => (document.documentElement.lang.startsWith('zh') ? 'zh' : 'en');

/** The language of a site path, from its first segment after the base; English when unclear. */
export function langFromPath(pathname: string, base = import.meta.env.BASE_URL ?? '/'): Lang {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const first = rest.replace(/^\//, '').split('/')[0];
  return isLang(first) ? first : 'en';
}

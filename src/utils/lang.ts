/** The site's two languages and helpers to tell which one a URL is in. */
export const languages = ['en', 'zh'] as const;
export type Lang = (typeof languages)[number];
export type Bilingual = { en: string; zh: string };

/** The value for `<html lang>`: Chinese pages are Simplified Chinese as used in mainland China. */
export const htmlLang: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

export function isLang(value: string | undefined): value is Lang {
  return value === 'en' || value === 'zh';
}

/** The language of a site path, from its first segment after the base; English when unclear. */
export function langFromPath(pathname: string, base = import.meta.env.BASE_URL ?? '/'): Lang {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const first = rest.replace(/^\//, '').split('/')[0];
  return isLang(first) ? first : 'en';
}

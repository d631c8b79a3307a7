/** The five areas of the site, in teaching order, with their names (`area.<id>` in src/i18n/{en,zh}.json). */
import { t } from '../i18n/index.ts';
import { languages, type Lang } from './lang.ts';

export const areaIds = ['linear-algebra', 'probability', 'calculus', 'information-theory', 'numerical-analysis'] as const;
export type AreaId = (typeof areaIds)[number];

/** Each area's name in each language: `areaNames[area][lang]`. */
export const areaNames = Object.fromEntries(
  areaIds.map((area) => [area, Object.fromEntries(languages.map((lang) => [lang, t(lang, `area.${area}`)]))]),
) as Record<AreaId, Record<Lang, string>>;

export function isAreaId(value: string): value is AreaId {
  return (areaIds as readonly string[]).includes(value);
}

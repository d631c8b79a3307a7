/**
 * Loads every `*.yaml` file of a folder as glossary entries (a list each). A bad entry fails
 * the build naming the file, the entry and the field.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { z } from 'astro/zod';

const text = z.string().trim().min(1);

export const glossaryEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case kebab-case'),
    en: text,
    zh: text,
    note: text,
    anchor: text.optional(),
    anchor_zh: text.optional(),
    definition: z.object({ en: text, zh: text }).strict(),
    /**
     * Other names a reader may search for (bfloat16 for BF16, 反传 for 反向传播): indexed for
     * search on the note that teaches the term, never shown. The zh note also gets the English
     * name and aliases, so an English term typed on the Chinese site finds it.
     */
    aliases: z
      .object({ en: z.array(text).optional(), zh: z.array(text).optional() })
      .strict()
      .optional(),
  })
  .strict();

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** Reads and validates every glossary file; throws with file, entry and field on the first problem. */
export async function readGlossary(folder: string): Promise<Array<GlossaryEntry & { file: string }>> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.yaml')).sort();
  const seen = new Map<string, string>();
  const entries: Array<GlossaryEntry & { file: string }> = [];
  for (const name of files) {
    const file = join(folder, name);
    const data: unknown = parse(await readFile(file, 'utf8'));
    if (!Array.isArray(data)) throw new Error(`${file}: a glossary file is a list of entries`);
    data.forEach((raw: unknown, index) => {
      const result = glossaryEntrySchema.safeParse(raw);
      const label = (raw as { id?: unknown } | null)?.id ?? `#${index + 1}`;
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(`${file}: glossary entry "${String(label)}", field ${issue?.path.join('.') || '(entry)'}: ${issue?.message}`);
      }
      const other = seen.get(result.data.id);
      if (other) throw new Error(`${file}: glossary entry "${result.data.id}" is also in ${other}`);
      seen.set(result.data.id, file);
      entries.push({ ...result.data, file });
    });
  }
  return entries;
}

export function glossaryLoader(folder: string): Loader {
  return {
    name: 'glossary-loader',
    load: async ({ store, watcher }) => {
      store.clear();
      for (const entry of await readGlossary(folder)) store.set({ id: entry.id, data: entry });
      watcher?.add(folder);
    },
  };
}

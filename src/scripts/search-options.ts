/**
 * How the search dialog asks Pagefind to rank and cut excerpts; the built-site search tests
 * use the same options, so what they measure is what a visitor gets.
 */
export const pagefindSearchOptions = {
  excerptLength: 22,
  // Marks an excerpt that starts or ends inside a section, so a cut sentence reads as cut.
  excerptEllipsis: '…',
  ranking: {
    // Boosts for a query word found in the page's metadata. Measured over the built index
    // (tests/built/search.test.ts): with Pagefind's defaults 交叉熵 ranked the entropy and
    // information-in-LLMs notes, which say 熵 hundreds of times, above the cross-entropy note.
    metaWeights: {
      // The page title (Pagefind's default is 5).
      title: 10,
      // The glossary names and aliases of the terms a note teaches (utils/search-terms.ts):
      // the note that teaches a term comes before pages that mention it in passing, and
      // "bfloat16" finds the notes that write BF16.
      terms: 30,
    },
  },
};

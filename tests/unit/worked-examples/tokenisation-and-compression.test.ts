/**
 * Recomputes every number of the worked examples of the note on tokenisation and compression,
 * and checks each is printed in both languages: entropy, a Huffman code built by merging the two
 * least probable nodes, rounded-up Shannon lengths, an arithmetic code length, a skewed binary
 * source, a per-token loss turned into perplexity and bits per byte, two tokenisers compared on
 * bits per byte, one BPE merge on a toy corpus, and the LLaMA-3 output-matrix size.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('information-theory', 'tokenisation-and-compression', printed);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const f = (x: number, d = 4) => x.toFixed(d);
const entropyBits = (p: number[]) => -sum(p.map((x) => x * Math.log2(x)));
/** Thousands separated as the notes write them in TeX: 750{,}201. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '{,}');

/** Huffman codeword lengths: merge the two least probable nodes until one remains. */
function huffmanLengths(p: number[]): number[] {
  let nodes = p.map((w, i) => ({ w, leaves: [i] }));
  const len = p.map(() => 0);
  while (nodes.length > 1) {
    nodes = [...nodes].sort((a, b) => a.w - b.w);
    const [a, b, ...rest] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    for (const i of [...a.leaves, ...b.leaves]) len[i]! += 1;
    nodes = [...rest, { w: a.w + b.w, leaves: [...a.leaves, ...b.leaves] }];
  }
  return len;
}

describe('tokenisation and compression: worked examples', () => {
  it('entropy, Huffman, rounded-up lengths and an arithmetic code for (0.4, 0.3, 0.2, 0.1)', () => {
    const p = [0.4, 0.3, 0.2, 0.1];
    const H = entropyBits(p);
    const huff = huffmanLengths(p);
    expect(huff).toEqual([1, 2, 3, 3]);
    const L = sum(p.map((x, i) => x * huff[i]!));
    expect(L).toBeGreaterThanOrEqual(H);
    expect(L).toBeLessThan(H + 1);
    // Kraft holds with equality for a complete Huffman tree.
    expect(sum(huff.map((l) => 2 ** -l))).toBeCloseTo(1, 12);
    const shannon = p.map((x) => Math.ceil(-Math.log2(x)));
    expect(shannon).toEqual([2, 2, 3, 4]);
    const Ls = sum(p.map((x, i) => x * shannon[i]!));
    // ABAC: A, B, A, C.
    const msg = [0, 1, 0, 2];
    const prob = msg.reduce((acc, i) => acc * p[i]!, 1);
    const huffBits = sum(msg.map((i) => huff[i]!));
    expect(huffBits).toBe(7);
    expectInBoth([
      `- 0.1\\log_2 0.1 = ${f(H)}$ `,
      `$1, 2, 3, 3$`,
      `$0.4 + 0.6 + 0.6 + 0.3 = ${Number(L.toFixed(10))}$`,
      `$2, 2, 3, 4$`,
      `$${Number(Ls.toFixed(10))}$`,
      `0.2 = ${Number(prob.toFixed(10))}$`,
      `-\\log_2 0.0096 = ${f(-Math.log2(prob))}$`,
      `$1 + 2 + 1 + 3 = ${huffBits}$`,
    ]);
  });

  it('a skewed binary source: 100 symbols, 90 A and 10 B', () => {
    const Hb = entropyBits([0.9, 0.1]);
    const a = 90 * -Math.log2(0.9);
    const b = 10 * -Math.log2(0.1);
    const total = a + b;
    // The printed per-A cost 0.152 is -log2 0.9 to three places.
    expect(f(-Math.log2(0.9), 3)).toBe('0.152');
    expectInBoth([
      `H_b(0.9) = ${f(Hb)}$`,
      `90 \\times 0.152 = ${f(a)}$`,
      `10 \\times ${f(-Math.log2(0.1))} = ${f(b)}$`,
      `$${f(total)}$`,
      `$${Math.ceil(total) + 1}$`,
    ]);
    expect(total).toBeCloseTo(100 * Hb, 10);
  });

  it('2.0 nats per token at 4.2 bytes per token: perplexity, bits per token, bits per byte', () => {
    const loss = 2.0;
    const bytesPerToken = 4.2;
    const bitsPerToken = loss / Math.LN2;
    const bpb = bitsPerToken / bytesPerToken;
    expect(bpb).toBeCloseTo(loss / bytesPerToken / Math.LN2, 12);
    expectInBoth([
      `e^{2.0} = ${f(Math.exp(loss))}$`,
      `2.0/\\ln 2 = ${f(bitsPerToken)}$`,
      `${f(bitsPerToken)}/4.2 = ${f(bpb)}$`,
      `$${((bpb / 8) * 100).toFixed(1)}\\%$`,
    ]);
  });

  it('two tokenisers on one megabyte: perplexity against bits per byte', () => {
    const bytes = 1e6;
    const rows = [
      { tokens: 250_000, loss: 2.2 },
      { tokens: 200_000, loss: 2.6 },
    ].map(({ tokens, loss }) => {
      const totalBits = (tokens * loss) / Math.LN2;
      return { tokens, loss, bpt: bytes / tokens, ppl: Math.exp(loss), bpb: totalBits / bytes, totalBits };
    });
    const [A, B] = rows as [(typeof rows)[0], (typeof rows)[0]];
    // The point of the example: B has the higher perplexity but the lower bits per byte.
    expect(B.ppl).toBeGreaterThan(A.ppl);
    expect(B.bpb).toBeLessThan(A.bpb);
    expectInBoth([
      ...rows.map((r) => `| $${grouped(r.tokens)}$ | ${r.bpt.toFixed(1)} | ${r.loss} | ${f(r.ppl)} | ${f(r.bpb)} |`),
      `$${f(B.ppl)}$`,
      `$${f(A.ppl)}$`,
      `$${grouped(Math.round(B.totalBits))}$`,
      `$${grouped(Math.round(A.totalBits))}$`,
    ]);
  });

  it('one BPE merge on low ×5, lowest ×2, newer ×6, wider ×3', () => {
    const corpus: [string, number][] = [
      ['low', 5],
      ['lowest', 2],
      ['newer', 6],
      ['wider', 3],
    ];
    const symbols = sum(corpus.map(([w, c]) => w.length * c));
    const pairs = new Map<string, number>();
    for (const [w, c] of corpus) for (let i = 0; i + 1 < w.length; i++) pairs.set(w.slice(i, i + 2), (pairs.get(w.slice(i, i + 2)) ?? 0) + c);
    const sorted = [...pairs.entries()].sort((a, b) => b[1] - a[1]);
    expect(sorted[0]).toEqual(['er', 9]);
    expect(sorted[1]![1]).toBeLessThan(9); // a unique winner
    expect(pairs.get('we')).toBe(8);
    expect(pairs.get('lo')).toBe(7);
    const after = sum(corpus.map(([w, c]) => w.replaceAll('er', 'R').length * c));
    expectInBoth([`5 \\times 3 + 2 \\times 6 + 6 \\times 5 + 3 \\times 5 = ${symbols}$`, `$6 + 3 = ${pairs.get('er')}$`, `$72 - 9 = ${after}$`]);
  });

  it('GPT-2 vocabulary and the LLaMA-3 8B output matrix', () => {
    expect(256 + 50_000 + 1).toBe(50_257);
    expect(128_000 + 256).toBe(128_256);
    const outputParams = 4096 * 128_256;
    expect(Math.round(outputParams / 1e6)).toBe(525);
    expectInBoth([`$${grouped(50_257)}$`, `$${grouped(32_000)}$`, `$${grouped(128_256)}$`, `4{,}096 \\times 128{,}256`]);
  });
});

/**
 * Example data sets of the PCA explorer, one point per line as the reader would type them. The
 * component puts `note` into the field; the widget fills the field when another preset is chosen.
 */
export const PCA_PRESETS = {
  /** The worked example of content/en/linear-algebra/eigen-svd-pca.mdx: C = [[2, 1], [1, 2]]. */
  note: '1, 1\n3, 2\n4, 1\n4, 4',
  /** A stretched, tilted cloud: one component carries almost all the variance. */
  correlated: '1, 1.2\n2, 1.8\n3, 3.4\n4, 3.9\n5, 5.3\n6, 5.6\n7, 7.4\n8, 7.9',
  /** A square's corners: equal variances in every direction, so no unique component. */
  square: '1, 1\n−1, 1\n1, −1\n−1, −1',
  /** Six points in 3-D, spread mostly in one plane. */
  space: '3, 1, 0\n−3, −1, 0\n1, −2, 1\n−1, 2, −1\n0, 0, 0.5\n0, 0, −0.5',
} as const;

export type PcaPreset = keyof typeof PCA_PRESETS;

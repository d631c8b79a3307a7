/**
 * Every internal link, asset reference and #fragment on every built page resolves: the
 * target exists in dist/ (a folder means its index.html) and the fragment is an id on the
 * target page. The sitemap's URLs and the stylesheets' url() references are checked too.
 */
import { describe, expect, it } from 'vitest';
import { checkLinks, formatProblems } from '../helpers/links.ts';
import { distDir } from '../helpers/site.ts';
import { siteConfig } from '../../site.config.mjs';

describe('links in dist/', () => {
  const report = checkLinks({ dir: distDir, base: siteConfig.base, site: siteConfig.site });

  it('resolves every internal link, asset and fragment on every page, in the sitemap and in the CSS', () => {
    console.log(
      `links: ${report.pages} pages, ${report.links} internal links/assets checked ${JSON.stringify(report.bySource)}, ` +
        `${report.fragments} fragments checked, ${report.problems.length} broken`,
    );
    expect(report.problems, formatProblems(report.problems)).toEqual([]);
  });

  it('really looked at both languages, the sitemap and the stylesheets', () => {
    expect(report.pages).toBeGreaterThan(50);
    expect(report.bySource.en ?? 0).toBeGreaterThan(500);
    expect(report.bySource.zh ?? 0).toBeGreaterThan(500);
    expect(report.bySource.sitemap ?? 0).toBeGreaterThan(50);
    // The two fonts: STIX Two Math and Temml's script letters.
    expect(report.bySource.css ?? 0).toBeGreaterThanOrEqual(2);
    expect(report.fragments).toBeGreaterThan(100);
  });
});

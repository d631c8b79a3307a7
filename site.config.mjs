/**
 * Where the site is hosted and where its sources live. Environment variables override the
 * defaults so the same build serves a local preview, GitHub Pages or a sub-path mirror.
 */
const env = process.env;

export const siteConfig = {
  /** Absolute origin used for canonical URLs, hreflang and the sitemap. */
  site: env.AFM_SITE ?? 'https://ai-math-foundations.github.io',
  /** Path the site is served under: "/" at a domain's root, "/repo/" on a project page. */
  base: env.AFM_BASE ?? '/',
  /** Repository page; "edit this page" links go to `${repoUrl}/edit/${branch}/content/...`. */
  repoUrl: env.AFM_REPO_URL ?? 'https://github.com/ai-math-foundations/ai-math-foundations',
  branch: env.AFM_BRANCH ?? 'main',
};

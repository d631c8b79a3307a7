/**
 * The environment for a child `astro build` started from a test: the test process's own,
 * without what Vitest adds. Vitest sets NODE_ENV=test (libraries then keep their
 * development-only code, so the site would not be the one `npm run build` makes) and puts
 * BASE_URL, MODE, DEV, PROD and SSR into process.env (BASE_URL would override the configured
 * base in every `import.meta.env.BASE_URL` of the pages).
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) && !key.startsWith('VITEST'),
  );
  return { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

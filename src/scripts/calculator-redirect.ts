/**
 * Links to a calculator made when every calculator was on the calculators page
 * (`/en/calculators/?bayes-test.prevalence=30#calc-bayes-test`) now reach the overview that page
 * became: they are sent on to the calculator's area page with their state and anchor. Without
 * JavaScript the overview still lists every calculator, each linked to its place.
 */
const fromHash = location.hash.startsWith('#calc-') ? location.hash.slice('#calc-'.length) : undefined;
// A field's parameter is `<calculator id>.<field>`.
const fromQuery = [...new URLSearchParams(location.search).keys()].map((key) => key.split('.')[0]).find(Boolean);
const named = fromHash ?? fromQuery;
const link = named ? document.querySelector<HTMLAnchorElement>(`a[data-calc-link="${CSS.escape(named)}"]`) : null;
if (link) {
  const target = new URL(link.href);
  target.search = location.search;
  if (location.hash) target.hash = location.hash;
  location.replace(target.href);
}

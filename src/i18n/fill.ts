/**
 * The one template filler of the site: `{name}` placeholders take the value of `vars.name`.
 * The value goes in through a replacer function, so `$&`, `` $` `` or `$'` in it are plain
 * text (a string replacement would read them as patterns and paste parts of the template).
 * A placeholder without a value becomes `missing(name)`: by default it stays as written.
 */
export function fillTemplate(template: string, vars: Record<string, string | number>, missing: (name: string) => string = (name) => `{${name}}`): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (vars[name] === undefined ? missing(name) : String(vars[name])));
}

/** Fills the `{name}` places of a label: fillLabel('Saved to {file}', {file: 'x.yaml'}). */
export function fillLabel(template: string, args: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/**
 * `JSON.stringify(document, null, 2)` with the array at `key` written one item at a time: a national
 * diff or trend has tens of thousands of entries, and one string of them all would not fit in
 * memory. `document[key]` must be the first property named `key` in the text, holding `[]`.
 */
export function* streamJsonArray<Item>(document: Record<string, unknown>, key: string, items: Iterable<Item> & { readonly length: number }, itemJson: (item: Item) => unknown): Generator<string> {
  const frame = JSON.stringify(document, null, 2);
  const placeholder = `${JSON.stringify(key)}: []`;
  const at = frame.indexOf(placeholder);
  if (items.length === 0 || at < 0) {
    yield `${frame}\n`;
    return;
  }
  const head = frame.slice(0, at);
  const tail = frame.slice(at + placeholder.length);
  const indent = (value: unknown): string => `    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;
  yield `${head}${JSON.stringify(key)}: [\n`;
  let left = items.length;
  for (const item of items) {
    left -= 1;
    yield `${indent(itemJson(item))}${left === 0 ? '\n' : ',\n'}`;
  }
  yield `  ]${tail}\n`;
}

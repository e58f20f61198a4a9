/**
 * One object per distinct value: each batch message from a worker brings its own copy of the
 * same few layouts, and a national set keeps hundreds of thousands of records that point at them.
 */
export class SharedCopies<T extends object> {
  private readonly byKey = new Map<string, T>();
  private readonly canonical = new WeakMap<T, T>();

  shared(value: T): T {
    let known = this.canonical.get(value);
    if (known) return known;
    const key = JSON.stringify(value);
    known = this.byKey.get(key);
    if (!known) this.byKey.set(key, (known = value));
    this.canonical.set(value, known);
    return known;
  }
}

/** One copy of each distinct string: the periods, phases and verdicts every record repeats. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  text(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}

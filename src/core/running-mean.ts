/** A running mean that skips nulls: null until a value is added. The one mean of summaries and diffs. */
export class RunningMean {
  private sum = 0;
  private count = 0;

  add(value: number | null): void {
    if (value === null) return;
    this.sum += value;
    this.count += 1;
  }

  get value(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }
}

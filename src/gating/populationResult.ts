/** A population as the evaluator keeps it: its count, and its events (given, or built on first request). */
export class PopulationResult {
  readonly key: string;
  readonly count: number;
  mask: Uint8Array | null = null;
  private events: Uint32Array | (() => Uint32Array);

  constructor(key: string, count: number, events: Uint32Array | (() => Uint32Array)) {
    this.key = key;
    this.count = count;
    this.events = events;
  }

  static of(key: string, indices: Uint32Array): PopulationResult {
    return new PopulationResult(key, indices.length, indices);
  }

  get indices(): Uint32Array {
    if (typeof this.events === 'function') this.events = this.events();
    return this.events;
  }
}

/**
 * A map with a pending layer: a push writes into the layer, which is folded into the base only
 * when the whole push was accepted.
 */
export class Layered<V> {
  private pending = new Map<string, V>()
  constructor(readonly base: Map<string, V>) {}
  get(k: string): V | undefined {
    return this.pending.has(k) ? this.pending.get(k) : this.base.get(k)
  }
  has(k: string): boolean {
    return this.pending.has(k) || this.base.has(k)
  }
  set(k: string, v: V): void {
    this.pending.set(k, v)
  }
  commit(): void {
    for (const [k, v] of this.pending) this.base.set(k, v)
    this.pending = new Map()
  }
  discard(): void {
    this.pending = new Map()
  }
}

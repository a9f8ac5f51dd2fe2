/** `slot-service` settings (SeaTunnel's names): dynamic slots are unlimited; otherwise `slotNum` per node. */
export interface SlotPoolOptions {
  dynamic: boolean;
  slotNum: number;
}

/**
 * The slots of this node. A slot is a place a subtask runs (a worker thread); a job holds as many
 * as it runs subtasks at once: the sum of its pipelines' parallelism, since pipelines run together.
 */
export class SlotPool {
  private used = 0;

  constructor(private readonly options: SlotPoolOptions) {}

  get dynamic(): boolean {
    return this.options.dynamic;
  }

  /** Total slots, or undefined when dynamic (unlimited). */
  get total(): number | undefined {
    return this.options.dynamic ? undefined : this.options.slotNum;
  }

  get assigned(): number {
    return this.used;
  }

  /** Free slots, or undefined when dynamic. */
  get free(): number | undefined {
    return this.options.dynamic ? undefined : Math.max(0, this.options.slotNum - this.used);
  }

  /** Whether a job of `count` slots could ever run here. */
  canEverFit(count: number): boolean {
    return this.options.dynamic || count <= this.options.slotNum;
  }

  /** Takes `count` slots if that many are free; false (taking none) otherwise. */
  tryAcquire(count: number): boolean {
    if (!this.options.dynamic && this.used + count > this.options.slotNum) return false;
    this.used += count;
    return true;
  }

  release(count: number): void {
    this.used = Math.max(0, this.used - count);
  }
}

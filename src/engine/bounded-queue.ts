/**
 * A FIFO of at most `capacity` items between a producer and a consumer that run concurrently.
 * `push` waits while the queue is full (backpressure); `take` waits while it is empty and returns
 * undefined once the queue is closed and drained. Both waits end early when `signal` aborts.
 */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private closed = false;
  private wakeProducer: (() => void) | undefined;
  private wakeConsumer: (() => void) | undefined;

  constructor(
    private readonly capacity: number,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.wakeAll(), { once: true });
  }

  async push(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.signal.aborted) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    }
    this.items.push(item);
    this.wake('consumer');
  }

  async take(): Promise<T | undefined> {
    while (this.items.length === 0 && !this.closed && !this.signal.aborted) {
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
    const item = this.items.shift();
    this.wake('producer');
    return item;
  }

  /** No more items will be pushed; the consumer drains what is left. */
  close(): void {
    this.closed = true;
    this.wake('consumer');
  }

  private wake(side: 'producer' | 'consumer'): void {
    const wake = side === 'producer' ? this.wakeProducer : this.wakeConsumer;
    if (side === 'producer') this.wakeProducer = undefined;
    else this.wakeConsumer = undefined;
    wake?.();
  }

  private wakeAll(): void {
    this.wake('producer');
    this.wake('consumer');
  }
}

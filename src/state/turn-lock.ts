/**
 * Runs the turns of one conversation one at a time. The in-process queue keeps arrival order inside a
 * process; `RedisTurnLock` adds a lease shared by every process on the same Redis.
 */
export interface TurnLock {
  runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export class InProcessTurnLock implements TurnLock {
  private readonly tails = new Map<string, Promise<void>>();

  async runExclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      // Forget the key once nobody queues behind us, so the map does not grow with every conversation.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Conversations with a turn running or waiting (for tests and metrics). */
  get activeKeys(): number {
    return this.tails.size;
  }
}

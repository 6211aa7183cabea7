// Waiting on a stdio LSP session, shared by the protocol tests' session and the benchmark's: a wait resolves with the
// first truthy value of its check, tested at once and again after every message from the server.

interface Waiter {
  check: () => boolean;
  fail: (error: Error) => void;
}

export class Waiters {
  private readonly pending = new Set<Waiter>();

  /**
   * Resolves with the first truthy value of `check`; rejects after `timeoutMs`, when `check` throws, or when the
   * session fails (`failAll`).
   */
  waitFor<T>(description: string, check: () => T | undefined | null | false, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        check: () => {
          const value = check();
          if (!value) return false;
          clearTimeout(timer);
          resolve(value);
          return true;
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(new Error(`${description}: ${error.message}`));
        },
      };
      try {
        if (waiter.check()) return;
      } catch (error) {
        reject(error);
        return;
      }
      this.pending.add(waiter);
      timer = setTimeout(() => {
        this.pending.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}`));
      }, timeoutMs);
    });
  }

  /** Tests every pending check again: after each message from the server. */
  wake(): void {
    for (const waiter of [...this.pending]) {
      try {
        if (waiter.check()) this.pending.delete(waiter);
      } catch (error) {
        this.pending.delete(waiter);
        waiter.fail(error as Error);
      }
    }
  }

  /** Rejects every pending wait: the session broke or ended. */
  failAll(error: Error): void {
    for (const waiter of this.pending) waiter.fail(error);
    this.pending.clear();
  }
}

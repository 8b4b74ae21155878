/**
 * Work that outlives the request that started it (bill runs). Tracked so tests can wait for a
 * job and shutdown can let running ones finish their batch.
 */
export class BackgroundJobs {
  private readonly running = new Map<string, Promise<void>>();

  track(id: string, job: Promise<void>): void {
    const tracked = job.finally(() => this.running.delete(id));
    this.running.set(id, tracked);
  }

  /** Resolves when the job is done (at once if it is not running). */
  async wait(id: string): Promise<void> {
    await this.running.get(id);
  }

  async waitAll(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }
}

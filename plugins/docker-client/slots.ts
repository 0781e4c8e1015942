/**
 * A counting semaphore: at most `size` holders, the rest wait in arrival order. The client takes a slot before
 * a request's timeout starts, so a request queued behind a busy ship's pool is not timed out for the wait.
 */
export class Slots {
  private free: number
  private readonly waiting: (() => void)[] = []

  constructor(size: number) {
    this.free = size
  }

  acquire(): Promise<() => void> {
    let released = false
    const release = () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next) next()
      else this.free++
    }
    if (this.free > 0) {
      this.free--
      return Promise.resolve(release)
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(release)))
  }
}

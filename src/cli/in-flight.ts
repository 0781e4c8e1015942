/** The containers whose action has started and not ended: what a second Ctrl-C leaves for the operator to check. */
import type {EventSource} from '../api/events.js'

interface Task {
  readonly name: string
  readonly ship: string
  readonly action: string
  step?: string
}

export class InFlight {
  private readonly tasks = new Map<string, Task>()

  attach(events: EventSource): this {
    const key = (playId: string, name: string) => `${playId}\0${name}`
    events.on('task:start', (e) => void this.tasks.set(key(e.playId, e.container.name), {name: e.container.name, ship: e.container.ship, action: e.action}))
    events.on('task:progress', (e) => {
      const task = this.tasks.get(key(e.playId, e.container.name))
      if (task) task.step = e.message
    })
    for (const done of ['task:end', 'task:fail', 'task:skip'] as const) {
      events.on(done, (e) => void this.tasks.delete(key(e.playId, e.container.name)))
    }
    return this
  }

  /** One line per container in flight, e.g. `in flight: web-1 on ship1: start (waiting for running checks)`. */
  lines(): string[] {
    return [...this.tasks.values()].map((t) => `in flight: ${t.name} on ${t.ship}: ${t.action}${t.step ? ` (${t.step})` : ''}`)
  }
}

import {definePlugin, EVENT_NAMES, Tokens, type EventSource, type Reporter, type ReporterContext, type ReporterFactory} from '../../src/api/index.js'
import {eventLine} from './serialize.js'

/** One JSON object per event and line (`maestro.events/v1`, docs/reporters.md). */
export class JsonReporter implements Reporter {
  constructor(private readonly context: ReporterContext) {}

  attach(events: EventSource): void {
    for (const name of EVENT_NAMES) {
      events.on(name, (payload) => {
        this.context.out.write(`${JSON.stringify(eventLine(name, payload))}\n`)
      })
    }
  }

  async done(): Promise<void> {
    await new Promise<void>((resolve) => this.context.out.write('', () => resolve()))
  }
}

export const jsonReporter: ReporterFactory = {
  name: 'json',
  description: 'JSON lines, one object per event (schema maestro.events/v1)',
  create: (context) => new JsonReporter(context),
}

export default definePlugin({
  name: 'maestro-reporter-json',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Reporter, {useValue: jsonReporter})
  },
})

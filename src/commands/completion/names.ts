import {Command, Flags} from '@oclif/core'
import {bootSession} from '../../cli/boot.js'
import {completionNames} from '../../cli/completion/names.js'
import {globalFlags} from '../../cli/flags.js'

/** Names for shell completion: quick (no Docker, no validation) and silent on any problem. */
export default class CompletionNames extends Command {
  static override hidden = true
  static override summary = 'Print service and container names of the environment file, for shell completion'

  static override flags = {
    file: globalFlags.file,
    kind: Flags.option({options: ['things', 'containers'] as const, description: 'services and containers, or containers only', default: 'things'})(),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(CompletionNames)
    if (flags.file === '-') return
    try {
      const session = await bootSession(this.config)
      const doc = await session.readDocument(flags.file)
      const names = completionNames(doc.data, flags.kind)
      if (names.length > 0) process.stdout.write(`${names.join('\n')}\n`)
      await session.finish()
    } catch {
      // Completion must never print errors into the user's command line.
    }
  }
}

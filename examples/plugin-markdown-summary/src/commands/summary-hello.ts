import {Command} from '@oclif/core'

/** An ordinary oclif command: a Maestro plugin package can add commands next to its Maestro plugins. */
export default class SummaryHello extends Command {
  static override summary = 'Say how to get a Markdown deployment summary'
  static override examples = ['<%= config.bin %> summary-hello']

  async run(): Promise<void> {
    this.log(`maestro-plugin-markdown-summary is installed: add --reporter markdown=FILE to any ${this.config.bin} command`)
  }
}

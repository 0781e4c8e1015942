import {Args, Command, Errors, type Interfaces} from '@oclif/core'
import {bashScript} from '../cli/completion/bash.js'
import {zshScript} from '../cli/completion/zsh.js'
import {completionSpec} from '../cli/completion/spec.js'
import {globalFlags} from '../cli/flags.js'
import {isExitSignal, renderError, usageContext} from '../cli/errors.js'

export default class Completion extends Command {
  static override summary = 'Print a shell completion script (bash or zsh)'
  static override description = `Completes commands, flags and flag values, and the service and container names of the environment file (-f, MAESTRO_FILE or maestro.yaml) as you type.`

  /** `-f` is where the script's name lookups read from when the command line has none. */
  static override baseFlags = {file: globalFlags.file}
  static override args = {shell: Args.string({ignoreStdin: true, description: 'the shell', options: ['bash', 'zsh'], default: 'bash'})}
  static override examples = [
    {description: 'Enable completion in the current bash', command: 'source <(<%= config.bin %> completion bash)'},
    {description: 'Install it for zsh', command: '<%= config.bin %> completion zsh > "${fpath[1]}/_<%= config.bin %>"'},
  ]

  /** Usage errors in the one-line format of every other command (this command does not boot a session). */
  override async catch(error: Interfaces.CommandError): Promise<void> {
    if (isExitSignal(error)) throw error
    const {lines, exit} = renderError(error, process.env.MAESTRO_DEBUG !== undefined, usageContext(this.config.bin, this.id, {...Completion.baseFlags, ...Completion.flags}))
    for (const l of lines) process.stderr.write(`${l}\n`)
    throw new Errors.ExitError(exit)
  }

  async run(): Promise<void> {
    const {args} = await this.parse(Completion)
    const spec = completionSpec(this.config.bin, this.config.commands)
    process.stdout.write(args.shell === 'zsh' ? zshScript(spec) : bashScript(spec))
  }
}

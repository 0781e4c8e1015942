import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {json, selectionFlags} from '../cli/flags.js'
import {playRequest} from '../cli/play.js'
import {renderPlan} from '../cli/render-plan.js'
import {ExitCode} from '../api/errors.js'

export default class Plan extends MaestroCommand {
  static override summary = 'Show what `start --converge` would change, without changing anything'
  static override description = `Compares each selected container with the file: create (absent), recreate (each changed field shown before and after), start (stopped) or nothing. Exits 0 whether or not something would change; with --detailed-exitcode (as Terraform's), 0 when nothing would change and 4 when something would, never a code an error uses (1 a failure, 2 bad file or usage, 3 a ship unreachable), so CI can tell them apart.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service and its dependencies)'})}
  static override flags = {
    ...selectionFlags(),
    json: json('the plan'),
    'detailed-exitcode': Flags.boolean({description: 'exit 4 when something would change (0 when nothing would; errors keep their own codes)'}),
  }
  static override examples = [
    {description: 'What would change in the environment', command: '<%= config.bin %> plan'},
    {description: 'The plan for kafka as JSON', command: '<%= config.bin %> plan kafka --json'},
    {description: 'In CI: 0 nothing to do, 4 changes pending, anything else an error', command: '<%= config.bin %> plan --detailed-exitcode'},
  ]

  protected override stdoutIsData(flags: Record<string, unknown>): boolean {
    return flags.json === true
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Plan)
    const {environment} = await this.loaded()
    const request = await playRequest(environment, 'plan', argv as string[], flags, this.abort.signal)
    const {steps, changes} = await this.session.planPlay(request)
    this.log(flags.json ? JSON.stringify({changes, steps}, null, 2) : renderPlan(steps))
    if (changes && flags['detailed-exitcode']) this.setExit(ExitCode.CHANGES_PENDING)
  }
}

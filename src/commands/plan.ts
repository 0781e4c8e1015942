import {Args} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {json, selectionFlags} from '../cli/flags.js'
import {playRequest} from '../cli/play.js'
import {renderPlan} from '../cli/render-plan.js'
import {ExitCode} from '../api/errors.js'
import {orderedJson} from '../text/ordered-json.js'

export default class Plan extends MaestroCommand {
  static override summary = 'Show what `start --converge` would change, without changing anything'
  static override description = `Compares each selected container with the file: create (absent), recreate (each changed field shown before and after), start (stopped) or nothing. Exits 0 when nothing would change and 2 when something would, so scripts can test it.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service and its dependencies)'})}
  static override flags = {...selectionFlags(), json: json('the plan')}
  static override examples = [
    {description: 'What would change in the environment', command: '<%= config.bin %> plan'},
    {description: 'The plan for kafka as JSON', command: '<%= config.bin %> plan kafka --json'},
  ]

  protected override stdoutIsData(flags: Record<string, unknown>): boolean {
    return flags.json === true
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Plan)
    const {environment} = await this.loaded()
    const request = await playRequest(environment, 'plan', argv as string[], flags, this.abort.signal)
    const {steps, changes} = await this.session.planPlay(request)
    this.log(flags.json ? orderedJson({changes, steps}) : renderPlan(steps))
    if (changes) this.setExit(ExitCode.CONFIG)
  }
}

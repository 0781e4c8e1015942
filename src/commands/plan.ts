import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {expandServices, json, refreshImages, removeOrphans, reuse, selectionFlags} from '../cli/flags.js'
import {playRequest} from '../cli/play.js'
import {planForOptions, selectingCommand, selectionAll} from '../cli/plan-for.js'
import {PLANNED_COMMANDS} from '../plan/decide-command.js'
import {renderOrphan, renderPlan, type PlanStyle} from '../cli/render-plan.js'
import {colorWanted} from '../logs/colors.js'
import {ExitCode} from '../api/errors.js'
import {orderedJson} from '../text/ordered-json.js'

export default class Plan extends MaestroCommand {
  static override summary = 'Show what `start` (or the command --for names) would change, without changing anything'
  static override description = `Compares each selected container with the file and decides as start with the same flags does (one decision function for both): create (absent), recreate (each changed field shown before and after; a stopped container unless --reuse), start (stopped, with --reuse) or nothing. Plans for --converge unless --no-converge. With --for stop, kill, restart, clean or down it shows what that command with the same things and flags would do to each container (stop, kill, restart, recreate, remove or nothing), from the same decision function its play executes; the flags of that command that change the decision are accepted (-s, -r, --reuse, --only-if-changed, --remove-orphans), any other is a usage error. Orphans (the old copy of a moved instance, containers of services no longer in the file) follow the plan with their action: remove (--converge, --remove-orphans) or keep. Exits 0 whether or not something would change; with --detailed-exitcode (as Terraform's), 0 when nothing would change and 4 when something would, never a code an error uses (1 a failure, 2 bad file or usage, 3 a ship unreachable), so CI can tell them apart.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service and its dependencies)'})}
  static override flags = {
    ...selectionFlags(),
    for: Flags.option({options: PLANNED_COMMANDS, description: 'the command planned for', default: 'start'})(),
    'expand-services': expandServices(),
    'only-if-changed': Flags.boolean({description: 'plan for `restart --only-if-changed`: running containers already on the configured image are left alone'}),
    json: json('the plan'),
    'refresh-images': refreshImages(),
    reuse: reuse(),
    converge: Flags.boolean({description: 'plan for `start --converge` (the default; --no-converge plans a plain start; start only)', allowNo: true}),
    'remove-orphans': removeOrphans(),
    'detailed-exitcode': Flags.boolean({description: 'exit 4 when something would change (0 when nothing would; errors keep their own codes)'}),
  }
  static override examples = [
    {description: 'What would change in the environment', command: '<%= config.bin %> plan'},
    {description: 'The plan for kafka as JSON', command: '<%= config.bin %> plan kafka --json'},
    {description: 'Which containers `stop -a` would stop', command: '<%= config.bin %> plan --for stop -a'},
    {description: 'In CI: 0 nothing to do, 4 changes pending, anything else an error', command: '<%= config.bin %> plan --detailed-exitcode'},
  ]

  protected override stdoutIsData(flags: Record<string, unknown>): boolean {
    return flags.json === true
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Plan)
    const {environment} = await this.loaded()
    const command = flags.for
    const things = argv as string[]
    const options = planForOptions(command, flags)
    const selection = {...flags, all: selectionAll(command, things, flags.all)}
    const request = await playRequest(environment, selectingCommand(command), things, selection, this.abort.signal, options)
    const {steps, changes, orphans, unseen} = await this.session.planPlay({...request, command})
    const style: PlanStyle = {markers: process.stdout.isTTY === true, color: colorWanted(process.stdout, this.globals.color, process.env)}
    this.log(flags.json ? orderedJson({command, changes, steps, orphans}) : renderPlan(steps, style))
    if (!flags.json) for (const o of orphans) this.log(renderOrphan(o, style))
    for (const s of unseen) process.stderr.write(`warning: ship ${s} could not be listed: its orphans are not known\n`)
    if (changes && flags['detailed-exitcode']) this.setExit(ExitCode.CHANGES_PENDING)
  }
}

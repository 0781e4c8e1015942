import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {selectThings} from '../cli/selection.js'

export default class Events extends MaestroCommand {
  static override summary = "Show the Docker events of the environment's containers, across ships"
  static override description = `Follows the Docker event stream of every ship of the selected containers (no things: the whole environment), filtered on the environment's label, and prints one line per event: "name | time action on ship" (the exit code of a die). --json prints one JSON object per line (ship, container, action, time, exitCode when known). Runs until Ctrl-C or SIGTERM (exit 0) or --until; a ship whose stream drops gets one warning line on stderr while the others go on.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: all)'})}
  static override flags = {
    json: Flags.boolean({description: 'one JSON object per event and line'}),
    since: Flags.string({description: 'also past events since a time: a duration back (10m), epoch seconds or a date'}),
    until: Flags.string({description: 'stop at a time: a duration from now (30s), epoch seconds or a date'}),
  }

  static override examples = [
    {description: 'Watch the whole environment', command: '<%= config.bin %> -f env.yaml events'},
    {description: 'The last hour of web, as JSON lines, then exit', command: '<%= config.bin %> events web --json --since 1h --until 0s'},
  ]

  protected override stdoutIsData(): boolean {
    return true
  }

  protected override endsOnSignal(): boolean {
    return true
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Events)
    const {parseSince} = await import('../logs/since.js')
    const now = Date.now()
    const since = flags.since === undefined ? undefined : parseSince(flags.since, now)
    const until = flags.until === undefined ? undefined : parseSince(flags.until, now, '--until', 1)
    const {environment} = await this.loaded()
    const names = await selectThings(environment, 'events', argv as string[], {})
    const options = {
      json: flags.json, color: this.globals.color, transportFlags: {acceptNewHostKeys: this.globals['accept-new-host-keys'] === true},
      ...(since !== undefined ? {since} : {}), ...(until !== undefined ? {until} : {}),
    }
    const io = {out: process.stdout, err: process.stderr, env: process.env, signal: this.abort.signal}
    this.setExit(await this.session.dockerEvents(names, options, io))
  }
}

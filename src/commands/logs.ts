import {Args, Flags} from '@oclif/core'
import {MaestroError} from '../api/errors.js'
import {MaestroCommand} from '../cli/base-command.js'
import {selectThings} from '../cli/selection.js'

export default class Logs extends MaestroCommand {
  static override summary = 'Show (or follow) the logs of containers'
  static override description = `Prints the log of each container (services expand to their instances). With one container the log is printed as is; with several, each line starts with "name |" (coloured on a terminal), and the logs are printed one container after the other. With -F, all containers are followed at once on all their ships; a container that dies, is recreated, or does not exist yet is waited for and re-attached. Notices ("host down", "has died, waiting for respawn...") go to stderr.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (at least one)'})}
  static override flags = {
    follow: Flags.boolean({char: 'F', description: 'follow the logs, re-attaching to containers that are recreated'}),
    lines: Flags.integer({char: 'n', description: 'only the last N lines of each log', min: 0}),
    timestamps: Flags.boolean({char: 't', description: 'show Docker timestamps'}),
    since: Flags.string({description: 'only lines since a time: a duration (10m, 2h), epoch seconds or a date'}),
  }

  static override examples = [
    {description: 'The last 20 lines of kafka-1', command: '<%= config.bin %> logs -n 20 kafka-1'},
    {description: 'Follow every instance of kafka and zookeeper', command: '<%= config.bin %> -f env.yaml logs -F kafka zookeeper'},
  ]

  protected override stdoutIsData(): boolean {
    return true
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Logs)
    if (argv.length === 0) throw new MaestroError('MAESTRO_USAGE', 'logs needs at least one service or container')
    const {parseSince} = await import('../logs/since.js')
    const since = flags.since === undefined ? undefined : parseSince(flags.since, Date.now())
    const {environment} = await this.loaded()
    const names = await selectThings(environment, 'logs', argv as string[], {})
    const transportFlags = {acceptNewHostKeys: this.globals['accept-new-host-keys'] === true}
    const request = {follow: flags.follow, tail: flags.lines, timestamps: flags.timestamps, since, color: this.globals.color, transportFlags}
    const io = {out: process.stdout, err: process.stderr, env: process.env, signal: this.abort.signal}
    this.setExit(await this.session.logs(names, request, io))
  }
}

import {Args, Flags} from '@oclif/core'
import {MaestroCommand} from '../cli/base-command.js'
import {selectionFlags} from '../cli/flags.js'
import {throwIfFailed} from '../cli/play.js'
import {statusDocument} from '../cli/status-document.js'
import {orderedJson} from '../text/ordered-json.js'

export default class Status extends MaestroCommand {
  static override summary = 'Show the state of the containers on their ships'
  static override description = `Lists every selected container with its ship, its container id and a status word (running for 14s, down for 3m2s, absent, host down, ...); an exited container shows its exit code (down for 5s (exit 3)) and every container its published ports (ports 8080->80/tcp). Containers whose configuration no longer matches the file are marked "drifted". One container list per ship; unreachable ships show "host down" and are not an error. A bare \`maestro\` runs status. --json prints one document instead (maestro.status/v1, schema/status.schema.json): each container's state, exit code, published ports and drifted field names (never values), the orphans and the unreachable ships; the exit code is the same.`

  static override strict = false
  static override args = {things: Args.string({ignoreStdin: true, description: 'services or containers (default: every service, omitted ones included)'})}
  static override flags = {
    ...selectionFlags(),
    // -F is MaestroNG's spelling, kept; -l (as in `ls -l`) does not read as logs' -F (follow)
    full: Flags.boolean({char: 'F', charAliases: ['l'], description: 'also probe each named port (sequential); -l is the same'}),
    'show-hosts': Flags.boolean({char: 'H', description: "show each ship's address instead of its name"}),
    json: Flags.boolean({description: 'print one JSON document (maestro.status/v1) instead of the table'}),
  }

  static override examples = [
    {description: 'Status of everything in ./maestro.yaml', command: '<%= config.bin %>'},
    {description: 'Status of kafka with port probes', command: '<%= config.bin %> -f env.yaml status -l kafka'},
    {description: 'Only the containers on ships matching vm*', command: "<%= config.bin %> status -S 'vm*'"},
    {description: 'For scripts: the exit codes of the stopped containers', command: "<%= config.bin %> status --json | jq '.containers[] | select(.state == \"down\") | {name, exitCode}'"},
  ]

  protected override stdoutIsData(flags: Record<string, unknown>): boolean {
    return flags.json === true
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Status)
    if (!flags.json) return this.play('status', argv as string[], flags, {full: flags.full})
    const listed = new Date()
    const {environment, result} = await this.playResult('status', argv as string[], flags, {full: flags.full})
    this.log(orderedJson(statusDocument(environment, result, listed)))
    throwIfFailed('status', result)
  }
}

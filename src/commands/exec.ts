import {Args, Flags} from '@oclif/core'
import {MaestroError} from '../api/errors.js'
import {MaestroCommand} from '../cli/base-command.js'

export default class Exec extends MaestroCommand {
  static override summary = 'Run a command in a running container, on whatever ship it runs'
  static override description = `Runs CMD in the container NAME (a container, or a service with one instance) through its ship's transport (TCP, TLS or SSH), like docker exec. Everything after -- is the command. On a terminal the command gets the terminal (-i and -t are on); otherwise stdin is forwarded only with -i, and stdout and stderr stay apart. Maestro exits with the command's exit code; before the command runs, its own failures use the usual codes (2 unknown name, 3 ship unreachable, 1 container not running).`

  static override usage = 'exec CONTAINER [-i] [-t] [-u USER] [-w DIR] -- CMD...'
  static override strict = false
  static override args = {container: Args.string({ignoreStdin: true, description: 'container (or single-instance service) name, then -- and the command', required: true})}
  static override flags = {
    interactive: Flags.boolean({char: 'i', description: 'keep stdin open and forward it (default: when stdin is a terminal)', allowNo: true}),
    tty: Flags.boolean({char: 't', description: 'allocate a pseudo-terminal (default: when stdin and stdout are terminals)', allowNo: true}),
    user: Flags.string({char: 'u', description: 'run as this user (name or uid[:gid])'}),
    workdir: Flags.string({char: 'w', description: 'working directory inside the container'}),
  }

  static override examples = [
    {description: 'A shell in web-1, wherever it runs', command: '<%= config.bin %> exec web-1 -- sh'},
    {description: 'A one-off command; maestro exits with its exit code', command: '<%= config.bin %> -f env.yaml exec db-1 -- pg_isready'},
    {description: 'Feed a file to a command', command: 'cat dump.sql | <%= config.bin %> exec -i db-1 -- psql'},
  ]

  protected override stdoutIsData(): boolean {
    return true
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Exec)
    const [name, ...cmd] = argv as string[]
    if (cmd.length === 0) throw new MaestroError('MAESTRO_USAGE', `exec needs a command after the name: ${this.config.bin} exec ${name} -- CMD...`)
    const {environment} = await this.loaded()
    const {execTarget} = await import('../exec/target.js')
    const container = execTarget(environment, name)
    const options = {
      ...(flags.interactive !== undefined ? {interactive: flags.interactive} : {}),
      ...(flags.tty !== undefined ? {tty: flags.tty} : {}),
      ...(flags.user !== undefined ? {user: flags.user} : {}),
      ...(flags.workdir !== undefined ? {workingDir: flags.workdir} : {}),
      transportFlags: {acceptNewHostKeys: this.globals['accept-new-host-keys'] === true},
    }
    const io = {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, signal: this.abort.signal}
    this.setExit(await this.session.exec(container, cmd, options, io))
  }
}

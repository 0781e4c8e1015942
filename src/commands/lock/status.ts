import {MaestroCommand} from '../../cli/base-command.js'
import {ExitCode} from '../../api/errors.js'

export default class LockStatus extends MaestroCommand {
  static override summary = "Show who holds the environment's deploy lock"
  static override description = `Reads the deploy lock's marker (the container maestro-lock-<environment>, never started, on the first ship the file places a container on) and prints who holds it: user@host, pid, command, age, and whether it looks stale (its holder's process is gone on this host, or it is older than 6 hours). Exit 0 when the environment is not locked, 5 when it is (stale or not). Takes no lock and changes nothing.`

  static override examples = [
    {description: 'Is ./maestro.yaml locked, and by whom?', command: '<%= config.bin %> lock status'},
  ]

  async run(): Promise<void> {
    await this.parse(LockStatus)
    await this.loaded()
    const state = await this.session.lockState({transportFlags: {acceptNewHostKeys: this.globals['accept-new-host-keys'] === true}})
    const {describeLockState, here} = await import('../../lock/holder.js')
    if (!state) return void process.stdout.write(`environment ${this.session.environment.name} has no ship: nothing to lock\n`)
    process.stdout.write(`${describeLockState(state, here())}\n`)
    if (state.holder) this.setExit(ExitCode.LOCKED)
  }
}

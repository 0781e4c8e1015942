import {Flags} from '@oclif/core'
import {createInterface} from 'node:readline/promises'
import {MaestroCommand} from '../../cli/base-command.js'
import {MaestroError} from '../../api/errors.js'

export default class LockRelease extends MaestroCommand {
  static override summary = "Remove the environment's deploy lock, whoever holds it"
  static override description = `Removes the deploy lock's marker (the container maestro-lock-<environment> on the lock ship), for a lock left by a run that was killed (\`maestro lock status\` shows it as stale). A lock held by a live run is removed too, so check first: that run then goes on unlocked. On a terminal it asks for confirmation; otherwise --yes is required. Exit 0 also when the environment was not locked.`

  static override flags = {
    yes: Flags.boolean({char: 'y', description: 'do not ask (required when stdin is not a terminal)'}),
  }

  static override examples = [
    {description: 'Release a stale lock, asking first', command: '<%= config.bin %> lock release'},
    {description: 'In a script', command: '<%= config.bin %> -f env.yaml lock release --yes'},
  ]

  async run(): Promise<void> {
    const {flags} = await this.parse(LockRelease)
    await this.loaded()
    const transportFlags = {acceptNewHostKeys: this.globals['accept-new-host-keys'] === true}
    const {describeLockState, here} = await import('../../lock/holder.js')
    const name = this.session.environment.name
    if (!flags.yes) {
      if (process.stdin.isTTY !== true) throw new MaestroError('MAESTRO_USAGE', `lock release asks for confirmation: pass --yes when stdin is not a terminal`)
      const state = await this.session.lockState({transportFlags})
      if (!state?.holder) return void process.stdout.write(`${state ? describeLockState(state, here()) : `environment ${name} has no ship: nothing to lock`}\n`)
      process.stdout.write(`${describeLockState(state, here())}\n`)
      const rl = createInterface({input: process.stdin, output: process.stdout})
      const answer = await rl.question(`Remove the deploy lock of ${name}? [y/N] `).finally(() => rl.close())
      if (!/^y(es)?$/i.test(answer.trim())) return void process.stdout.write('not released\n')
    }
    const removed = await this.session.forceUnlock({transportFlags})
    if (!removed?.holder) return void process.stdout.write(`environment ${name} was not locked\n`)
    process.stdout.write(`released the deploy lock of ${name} on ship ${removed.ship} (held by ${removed.holder.user}@${removed.holder.host} pid ${removed.holder.pid}, maestro ${removed.holder.command})\n`)
  }
}

import {expect} from 'chai'
import checks from '../../plugins/checks/index.js'
import notifiers from '../../plugins/notifiers/index.js'
import {Tokens} from '../../src/api/index.js'
import {Kernel} from '../../src/kernel/kernel.js'

describe('maestro-checks and maestro-notifiers plugins', () => {
  it('register one check per type and one notifier factory per type through the kernel', async () => {
    const kernel = await Kernel.boot({plugins: [checks, notifiers]})
    expect(kernel.resolveAll(Tokens.Check).map((c) => c.type)).to.deep.equal(['tcp', 'http', 'exec', 'rexec', 'sleep'])
    expect(kernel.resolveAll(Tokens.Notifier).map((n) => n.type)).to.deep.equal(['log', 'http', 'exec', 'slack'])
    expect(kernel.first(Tokens.Check, (c) => c.type === 'rexec', 'rexec check').type).to.equal('rexec')
  })
})

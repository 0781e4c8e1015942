import {expect} from 'chai'
import {daemonMessage, toMaestroError, type ModemError} from '../../../plugins/docker-client/errors.js'

const answer = (statusCode: number, json: unknown): ModemError => Object.assign(new Error(`(HTTP code ${statusCode}) server error - x`), {statusCode, json})

describe('docker-client errors: what a daemon or registry says is shown inert', () => {
  it('strips escape sequences and control characters from the daemon\'s message and bounds it', () => {
    expect(daemonMessage(answer(500, {message: 'pull access denied\x1b[2J\x1b]0;pwned\x07 for x\r\n'}))).to.equal('pull access denied for x')
    expect(daemonMessage(answer(500, {message: 'e'.repeat(2000)}))).to.match(/^e{500}… \(1500 more characters\)$/)
  })

  it('keeps it inert in the error users see', () => {
    const e = toMaestroError(answer(404, {message: 'No such container: \x1b[31mweb-1\x1b[0m'}), {ship: 'ship1', endpoint: 'tcp://10.0.0.1:2375'})
    expect(e.message).to.equal('ship1: No such container: web-1')
  })
})

import {expect} from 'chai'
import {MaestroError} from '../../../src/api/index.js'
import {failureLines} from '../../../plugins/reporter-console/failure.js'

describe('failure lines under the table', () => {
  it('says what happened once, then the log tail and where to read more', () => {
    const e = new MaestroError('MAESTRO_ACTION_FAILED', 'web-1: container did not start (exited, exit code 3)', {hint: 'more: maestro logs web-1', logTail: ['first', 'second']})
    expect(failureLines('web-1', e)).to.deep.equal(['web-1: container did not start (exited, exit code 3)', '  | first', '  | second', '  more: maestro logs web-1'])
  })

  it('names the container when the message does not, and prints no empty tail', () => {
    expect(failureLines('db-1', new MaestroError('MAESTRO_DOCKER', 'create failed: conflict', {hint: 'h'}))).to.deep.equal(['db-1: create failed: conflict'])
  })
})

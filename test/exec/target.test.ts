import {expect} from 'chai'
import {execTarget} from '../../src/exec/target.js'
import {isMaestroError} from '../../src/api/errors.js'
import {envFrom} from '../helpers/model-env.js'

const env = envFrom(`name: t
ships: {ship1: {ip: 10.0.0.1}}
services:
  web: {image: nginx, instances: {web-1: {ship: ship1}, web-2: {ship: ship1}}}
  db: {image: postgres, instances: {db-1: {ship: ship1}}}
`)

const failure = (name: string): {code: string; message: string} => {
  try {
    execTarget(env, name)
  } catch (e) {
    if (isMaestroError(e)) return {code: e.code, message: e.message}
    throw e
  }
  throw new Error(`${name} was accepted`)
}

describe('execTarget (which container maestro exec NAME means)', () => {
  it('takes a container name as it is', () => {
    expect(execTarget(env, 'web-2')).to.equal('web-2')
  })

  it('takes a service with one instance as that instance', () => {
    expect(execTarget(env, 'db')).to.equal('db-1')
  })

  it('refuses a service with several instances, naming them', () => {
    expect(failure('web')).to.deep.equal({code: 'MAESTRO_USAGE', message: 'web is a service with 2 containers: exec needs one of them (web-1, web-2)'})
  })

  it('refuses an unknown name with the nearest one, as the selection does', () => {
    expect(failure('wbe-1')).to.deep.equal({code: 'MAESTRO_UNKNOWN_THING', message: 'wbe-1 is neither a service nor a container! (did you mean web-1?)'})
  })
})

import {expect} from 'chai'
import {createChecks} from '../../../plugins/checks/index.js'
import type {CheckSpec, LifecycleCheck} from '../../../src/api/index.js'

const checks = new Map<string, LifecycleCheck>(createChecks().map((c) => [c.type, c]))
const validate = (spec: CheckSpec): readonly string[] => checks.get(spec.type)?.validate?.(spec) ?? ['no such check']

describe('check validation', () => {
  it('registers the five upstream types', () => {
    expect([...checks.keys()]).to.deep.equal(['tcp', 'http', 'exec', 'rexec', 'sleep'])
  })

  it('accepts every upstream key with valid values', () => {
    expect(validate({type: 'tcp', port: 'web', max_wait: 10})).to.deep.equal([])
    expect(validate({type: 'http', port: 8080, host: 'h', path: '/x', scheme: 'https', method: 'POST', match_regex: 'ok.*done',
      max_wait: 5, requests_options: {timeout: 2, verify: false, headers: {a: 'b'}}})).to.deep.equal([])
    expect(validate({type: 'exec', command: 'true', attempts: 3, envfrom: 'stdin'})).to.deep.equal([])
    expect(validate({type: 'rexec', command: ['sh', '-c', 'true'], attempts: 1})).to.deep.equal([])
    expect(validate({type: 'sleep', wait: 1.5})).to.deep.equal([])
  })

  it('reports missing required keys', () => {
    expect(validate({type: 'tcp'})).to.deep.equal(['missing required key "port"'])
    expect(validate({type: 'http'})).to.deep.equal(['missing required key "port"'])
    expect(validate({type: 'sleep'})).to.deep.equal(['missing required key "wait"'])
  })

  it('points the documented `cmd` typo at `command`', () => {
    expect(validate({type: 'exec', cmd: 'true'})).to.deep.equal([
      'missing required key "command"', 'unknown key "cmd" (the key is "command")',
    ])
  })

  it('reports bad values and unknown keys', () => {
    expect(validate({type: 'tcp', port: 80, max_wait: 0, wat: 1})).to.deep.equal([
      '"port" must be the name of one of the container\'s ports', '"max_wait" must be a positive integer',
      'unknown key "wat"',
    ])
    expect(validate({type: 'http', port: 'web', method: 'fetch', scheme: 'ftp', match_regex: '(', requests_options: {stream: true, timeout: 'x'}})).to.deep.equal([
      '"method" must be one of get, head, post, put, patch, delete, options', '"scheme" must be one of http, https',
      '"match_regex" is not a valid regular expression: Invalid regular expression: /(/s: Unterminated group',
      'requests_options "stream" is not supported (supported: timeout, verify, headers, allow_redirects, auth)',
      'requests_options "timeout" must be seconds or [connect, read]',
    ])
    expect(validate({type: 'exec', command: '', envfrom: 'file', attempts: 1.5})).to.deep.equal([
      '"command" must be a command string or a list of strings', '"envfrom" must be one of env, stdin',
      '"attempts" must be a positive integer',
    ])
    expect(validate({type: 'sleep', wait: -1})).to.deep.equal(['"wait" must be a number of seconds'])
  })
})

import {expect} from 'chai'
import {YamlLoader} from '../../../plugins/loader-yaml/yaml-loader.js'

const load = (text: string, env: Record<string, string>) => new YamlLoader().load('-', {env, stdin: text})

describe('the YAML loader and values read through env.', () => {
  it('records every value the template read through env.', async () => {
    const doc = await load('a: {{ env.DB_PASSWORD }}\nb: {{ env.MISSING }}\n', {DB_PASSWORD: 'hunter2-secret', OTHER: 'unread'})
    expect(doc.envValuesRead).to.deep.equal(['hunter2-secret'])
  })

  it('quotes the template line, not the rendered one, when the line count is unchanged', async () => {
    const doc = await load('name: x\npassword: {{ env.DB_PASSWORD }}\n', {DB_PASSWORD: 'hunter2-secret'})
    expect(doc.line(2)).to.equal('password: {{ env.DB_PASSWORD }}')
  })

  it('quotes no rendered line holding an env. value when templating moved lines', async () => {
    const doc = await load('{% for i in [1, 2] %}\nk{{ i }}: {{ env.DB_PASSWORD }}\n{% endfor %}\nname: x\n', {DB_PASSWORD: 'hunter2-secret'})
    const lines = Array.from({length: 8}, (_, i) => doc.line(i + 1)).filter((l) => l !== undefined)
    expect(lines.join('\n')).to.not.contain('hunter2-secret')
    expect(lines).to.include('name: x')
  })
})

describe('validation messages and values read through env.', () => {
  it('a message that would quote an env. value names it instead', async () => {
    const {Kernel} = await import('../../../src/kernel/kernel.js')
    const {plugins} = await import('../../../plugins/index.js')
    const {loadEnvironment} = await import('../../../src/model/load.js')
    const kernel = await Kernel.boot({plugins: await plugins()})
    const text = 'name: x\nships: {a: {ip: 10.0.0.1}}\nservices:\n  s:\n    image: i\n    instances: {s-1: {ship: a, extra_hosts: ["{{ env.DB_PASSWORD }}"]}}\n'
    const loaded = await loadEnvironment(kernel, '-', {env: {DB_PASSWORD: 'hunter2-secret'}, stdin: text}).catch((e: unknown) => e)
    expect(JSON.stringify(loaded, Object.getOwnPropertyNames(loaded as object))).to.not.contain('hunter2-secret')
    expect(String((loaded as Error).message ?? JSON.stringify(loaded))).to.contain('(value from env.)')
  })
})

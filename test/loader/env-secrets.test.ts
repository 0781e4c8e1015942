import {expect} from 'chai'
import {YamlLoader} from '../../plugins/loader-yaml/yaml-loader.js'

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

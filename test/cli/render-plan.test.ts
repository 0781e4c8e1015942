import {expect} from 'chai'
import {renderOrphan, renderPlan} from '../../src/cli/render-plan.js'
import {listDiff, showElement} from '../../src/cli/list-diff.js'
import type {PlanStep} from '../../src/plan/build-plan.js'

const step = (container: string, action: PlanStep['action'], changes: PlanStep['changes'] = []): PlanStep =>
  ({container, service: 's', ship: 'vm1', action, reason: action === 'nothing' ? 'running, up to date' : 'why', changes})

describe('renderPlan', () => {
  it('prints one line per container, changed fields before -> after, and a verdict', () => {
    const text = renderPlan([
      {container: 'zk-1', service: 'zk', ship: 'vm1', action: 'nothing', reason: 'running, up to date', changes: []},
      {container: 'kafka-1', service: 'kafka', ship: 'vm2', action: 'recreate', reason: 'configuration changed: image', changes: [{field: 'image', before: 'kafka:1', after: 'kafka:2'}]},
    ])
    expect(text.split('\n')).to.deep.equal([
      'zk-1     vm1  nothing   running, up to date',
      'kafka-1  vm2  recreate  configuration changed: image',
      '    image: kafka:1 -> kafka:2',
      '1 of 2 containers would change',
    ])
  })
  it('says when nothing would change', () => {
    expect(renderPlan([{container: 'a', service: 's', ship: 'v', action: 'nothing', reason: 'running', changes: []}])).to.match(/nothing to change$/)
  })

  it('shows what a list gained and lost, element by element, instead of both whole values', () => {
    const text = renderPlan([step('web-1', 'recreate', [
      {field: 'command', before: ['sleep', '3600'], after: ['sleep', '7200']},
      {field: 'ports', before: [{name: 'http', exposed: '80/tcp', external: '0.0.0.0:8080/tcp'}], after: [{name: 'http', exposed: '80/tcp', external: '0.0.0.0:8080/tcp'}, {name: 'admin', exposed: '9000/tcp', external: '0.0.0.0:9000/tcp'}]},
      {field: 'volumes', before: [{host: '/srv/data', target: '/data', mode: null}], after: []},
    ])])
    expect(text.split('\n').slice(1, -1)).to.deep.equal([
      '    command:',
      '      - "3600"',
      '      + "7200"',
      '    ports:',
      '      + admin: 0.0.0.0:9000/tcp -> 9000/tcp',
      '    volumes:',
      '      - /srv/data:/data',
    ])
  })

  it('compares a command written as a string word by word; a reorder or a non-list shows both values', () => {
    expect(listDiff('command', 'sh -c "exit 0"', ['sh', '-c', 'exit 3'])).to.deep.equal({removed: ['exit 0'], added: ['exit 3']})
    expect(listDiff('command', null, ['sleep', '1'])).to.deep.equal({removed: [], added: ['sleep', '1']})
    expect(listDiff('command', ['a', 'b'], ['b', 'a'])).to.equal(undefined)
    expect(listDiff('image', 'a:1', 'a:2')).to.equal(undefined)
    expect(listDiff('dns', ['1.1.1.1', '1.1.1.1'], ['1.1.1.1'])).to.deep.equal({removed: ['1.1.1.1'], added: []})
    expect(renderPlan([step('a', 'recreate', [{field: 'command', before: ['a', 'b'], after: ['b', 'a']}])])).to.contain('    command: ["a","b"] -> ["b","a"]')
    expect(showElement({host: '/h', target: '/t', mode: 'ro'})).to.equal('/h:/t:ro')
  })

  it('keeps secrets masked: a sensitive change never shows a value, a summary stays a summary', () => {
    const text = renderPlan([step('web-1', 'recreate', [
      {field: 'env.DB_PASSWORD', sensitive: true},
      {field: 'env.__LINKS', summary: 'changed'},
      {field: 'env.TOKEN', beforeUnknown: true, after: 'x'},
    ])], {markers: true, color: true})
    expect(text).to.contain('env.DB_PASSWORD: (sensitive value changed)')
    expect(text).to.contain('env.__LINKS: changed')
    expect(text).to.contain('env.TOKEN: (not recorded) -> x')
  })

  it('puts markers in front of each container on a terminal, coloured only when colour is on', () => {
    const steps = [step('db-1', 'create'), step('app-1', 'recreate', [{field: 'image', before: 'a:1', after: 'a:2'}]), step('app-2', 'start'), step('web-1', 'nothing')]
    const plain = renderPlan(steps, {markers: true, color: false})
    expect(plain).not.to.match(/\x1b/)
    expect(plain.split('\n')).to.deep.equal([
      '+   db-1   vm1  create    why',
      '-/+ app-1  vm1  recreate  why',
      '        image: a:1 -> a:2',
      '~   app-2  vm1  start     why',
      '    web-1  vm1  nothing   running, up to date',
      '3 of 4 containers would change',
    ])
    const coloured = renderPlan(steps, {markers: true, color: true})
    expect(coloured).to.contain('\x1b[32m+  \x1b[0m db-1')
    expect(coloured).to.contain('\x1b[33m-/+\x1b[0m app-1')
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).to.equal(plain)
    const orphan = {container: 'db-1', ship: 'vm2', status: 'Up 3 hours', action: 'remove' as const, reason: 'moved to vm1'}
    expect(renderOrphan(orphan)).to.equal('not placed by the file: db-1 on vm2 (Up 3 hours): remove: moved to vm1')
    expect(renderOrphan(orphan, {markers: true, color: false})).to.equal('-   not placed by the file: db-1 on vm2 (Up 3 hours): remove: moved to vm1')
  })
})

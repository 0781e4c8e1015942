import {expect} from 'chai'
import {renderPlan} from '../../src/cli/render-plan.js'

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
})

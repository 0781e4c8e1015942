import {expect} from 'chai'
import {withKeyOrder} from '../../src/model/key-order.js'
import {orderedJson} from '../../src/text/ordered-json.js'

describe('orderedJson', () => {
  it('prints what JSON.stringify(v, null, 2) prints for data without a recorded order', () => {
    const value = {a: [1, 'x', null, {b: true}], c: {}, d: [], e: undefined, f: new Date(0), g: {h: [[]]}, 3: 'three'}
    expect(orderedJson(value)).to.equal(JSON.stringify(value, null, 2))
    expect(orderedJson([undefined, 'x'])).to.equal(JSON.stringify([undefined, 'x'], null, 2))
    expect(orderedJson('s')).to.equal('"s"')
  })

  it('lists integer-like keys where they were written', () => {
    const env = withKeyOrder({Z: '1', 2: 'two', 1: 'one'}, ['Z', '2', '1'])
    expect(orderedJson({env})).to.equal('{\n  "env": {\n    "Z": "1",\n    "2": "two",\n    "1": "one"\n  }\n}')
  })
})

import {expect} from 'chai'
import {assignColors, colorWanted, paint} from '../../src/logs/colors.js'
import {makePrefixes} from '../../src/logs/prefix.js'

describe('assignColors', () => {
  it('gives a container the same colour in every run', () => {
    const alone = assignColors(['kafka-1']).get('kafka-1')
    expect(assignColors(['kafka-1']).get('kafka-1')).to.equal(alone)
    expect(assignColors(['kafka-1', 'zookeeper-1']).get('kafka-1')).to.equal(alone)
  })

  it('gives different colours to containers while the palette lasts', () => {
    const names = Array.from({length: 10}, (_, i) => `web-${i + 1}`)
    expect(new Set(assignColors(names).values()).size).to.equal(10)
  })

  it('never uses red, which marks errors', () => {
    const names = Array.from({length: 30}, (_, i) => `c${i}`)
    expect([...assignColors(names).values()]).to.not.include(31)
  })
})

describe('colorWanted', () => {
  it('is on for a terminal only', () => {
    expect(colorWanted({isTTY: true}, true, {})).to.equal(true)
    expect(colorWanted({isTTY: false}, true, {})).to.equal(false)
    expect(colorWanted({}, true, {})).to.equal(false)
  })

  it('is off with NO_COLOR or --no-color', () => {
    expect(colorWanted({isTTY: true}, true, {NO_COLOR: '1'})).to.equal(false)
    expect(colorWanted({isTTY: true}, false, {})).to.equal(false)
    expect(colorWanted({isTTY: true}, true, {NO_COLOR: ''})).to.equal(true)
  })
})

describe('makePrefixes', () => {
  it('pads every name to the longest one', () => {
    const p = makePrefixes(['a', 'kafka-1', 'zk'])
    expect(p.of('a', false)).to.equal('a       | ')
    expect(p.of('kafka-1', false)).to.equal('kafka-1 | ')
    expect(p.of('zk', false)).to.equal('zk      | ')
  })

  it('colours the padded name, not the bar', () => {
    const code = assignColors(['a', 'bb']).get('a')
    expect(makePrefixes(['a', 'bb']).of('a', true)).to.equal(`${paint('a ', code)} | `)
    expect(makePrefixes(['a', 'bb']).of('a', true)).to.match(/^\x1b\[\d+ma \x1b\[0m \| $/)
  })
})

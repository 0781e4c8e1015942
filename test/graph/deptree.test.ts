import {expect} from 'chai'
import {renderDeptree} from '../../src/graph/deptree.js'
import {envFrom} from '../helpers/model-env.js'
import {SELECTION_ENV} from '../helpers/graph-env.js'

const diamond = envFrom(`
name: d
ships: {s: {ip: h}}
services:
  a: {image: a, requires: [c, b], instances: {a-1: {ship: s}}}
  b: {image: b, requires: [d], instances: {b-1: {ship: s}}}
  c: {image: c, requires: [d], instances: {c-1: {ship: s}}}
  d: {image: d, instances: {d-1: {ship: s}}}
`)

describe('renderDeptree', () => {
  it('draws a dependency once per root without -r', () => {
    expect(renderDeptree(diamond, ['a'], false)).to.equal(['a', ' +- b', ' |  \\- d', ' \\- c', ''].join('\n'))
  })

  it('repeats shared dependencies with -r (indenting after a last child by two, as upstream does)', () => {
    expect(renderDeptree(diamond, ['a'], true)).to.equal(['a', ' +- b', ' |  \\- d', ' \\- c', '   \\- d', ''].join('\n'))
  })

  it('prints every service sorted, separated by blank lines, when no things are given', () => {
    expect(renderDeptree(diamond, [], false)).to.equal(
      ['a', ' +- b', ' |  \\- d', ' \\- c', '', 'b', ' \\- d', '', 'c', ' \\- d', '', 'd', ''].join('\n'),
    )
  })

  it('maps containers to their service, once, and includes volumes_from dependencies', () => {
    expect(renderDeptree(SELECTION_ENV, ['web-1', 'web'], false)).to.equal(
      ['web', ' +- cfg', ' +- data', ' \\- kafka', '   \\- zk', ''].join('\n'),
    )
  })

  it('rejects unknown names', () => {
    expect(() => renderDeptree(diamond, ['e'], false)).to.throw('e is neither a service nor a container!')
  })
})

import {expect} from 'chai'
import {actionMessage, errorMessage, formatWhat, gerund, successMessage} from '../../../plugins/notifiers/messages.js'
import {formatString, renderPayload} from '../../../plugins/notifiers/template.js'

describe('audit messages', () => {
  it('conjugates actions as upstream, spelling stopping', () => {
    expect(['start', 'stop', 'kill', 'restart', 'clean', 'pull'].map(gerund)).to.deep.equal(
      ['starting', 'stopping', 'killing', 'restarting', 'cleaning', 'pulling'])
  })

  it('words action, success and error', () => {
    expect(actionMessage('alice', 'stop', 'web-1, web-2')).to.equal('alice is stopping web-1, web-2.')
    expect(successMessage('start', 'web-1')).to.equal('Start of web-1 succeeded.')
    expect(errorMessage('start', 'web-1', 'boom')).to.equal('Failed to start web-1! (message: boom)')
  })

  it('collapses what to N containers at the threshold only', () => {
    expect(formatWhat(['a', 'b', 'c', 'd'], 5)).to.equal('a, b, c, d')
    expect(formatWhat(['a', 'b', 'c', 'd', 'e'], 5)).to.equal('5 containers')
    expect(formatWhat(['a', 'b', 'c', 'd', 'e'])).to.equal('a, b, c, d, e')
  })
})

describe('payload templates', () => {
  it('formats named fields with str.format escapes', () => {
    expect(formatString('{who} did {action} {{x}} {unknown}', {who: 'a', action: 'start'})).to.equal('a did start {x} {unknown}')
  })

  it('renders a tree and drops strings that format to empty', () => {
    const tree = {text: '{message}', extra: '{what}', list: ['{who}', '{what}', 3], nested: {flag: true, empty: '{what}'}}
    expect(renderPayload(tree, {message: 'hi', what: '', who: 'bob'})).to.deep.equal({text: 'hi', list: ['bob', 3], nested: {flag: true}})
  })
})

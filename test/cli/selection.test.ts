import {expect} from 'chai'
import {selectOptions} from '../../src/cli/selection.js'

describe('selectOptions', () => {
  it('maps the command-line flags onto the selection rules', () => {
    expect(selectOptions('stop', {'with-dependencies': true, 'expand-services': true, 'container-filter': 'web-*', 'ship-filter': 'vm?'})).to.deep.equal({
      command: 'stop', withDependencies: true, ignoreDependencies: false, expandServices: true, all: false, containerFilter: 'web-*', shipFilter: 'vm?',
    })
  })
  it('leaves everything off when no flag is given', () => {
    expect(selectOptions('status', {})).to.deep.equal({
      command: 'status', withDependencies: false, ignoreDependencies: false, expandServices: false, all: false, containerFilter: undefined, shipFilter: undefined,
    })
  })
})

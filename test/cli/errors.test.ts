import {expect} from 'chai'
import {Errors} from '@oclif/core'
import {MaestroError, configError, unreachableError} from '../../src/api/index.js'
import {renderError} from '../../src/cli/errors.js'

const loc = (line: number, column: number) => ({file: 'maestro.yaml', line, column})

describe('renderError', () => {
  it('prints a Maestro error as one ERROR line with its exit code', () => {
    const r = renderError(unreachableError('vm1', 'tcp://127.0.0.1:1', new Error('ECONNREFUSED')), false)
    expect(r).to.deep.equal({lines: ['ERROR: ship vm1 (tcp://127.0.0.1:1) is unreachable: ECONNREFUSED'], exit: 3})
  })

  it('prints every config issue as file:line:col then a summary, exit 2', () => {
    const e = configError([
      {severity: 'error', message: 'unknown ship vm9', loc: loc(4, 11)},
      {severity: 'warning', message: 'unknown key fo', loc: loc(2, 3)},
      {severity: 'error', message: 'missing image', loc: loc(7, 5), sourceLine: 'web: {}'},
    ])
    expect(renderError(e, false)).to.deep.equal({
      lines: [
        'maestro.yaml:4:11: unknown ship vm9',
        'maestro.yaml:2:3: warning: unknown key fo',
        'maestro.yaml:7:5: missing image',
        '    web: {}',
        'ERROR: invalid configuration: 2 problems found',
      ],
      exit: 2,
    })
  })

  it('keeps oclif usage errors to one meaningful line with their exit code', () => {
    const e = new Errors.CLIError('The following errors occurred:\n  --a cannot be used with --b\nSee more help with --help')
    expect(renderError(e, false)).to.deep.equal({lines: ['ERROR: --a cannot be used with --b'], exit: 2})
  })

  it('maps unexpected errors to exit 1 and shows the stack only with debug', () => {
    const e = new TypeError('boom')
    expect(renderError(e, false)).to.deep.equal({lines: ['ERROR: boom'], exit: 1})
    const debug = renderError(e, true).lines
    expect(debug[0]).to.equal('ERROR: boom')
    expect(debug.slice(1).join('\n')).to.match(/TypeError: boom\n\s+at /)
  })

  it('appends the hint of a Maestro error', () => {
    const e = new MaestroError('MAESTRO_USAGE', 'no things given', {hint: 'use -a for everything'})
    expect(renderError(e, false).lines).to.deep.equal(['ERROR: no things given (use -a for everything)'])
  })
})

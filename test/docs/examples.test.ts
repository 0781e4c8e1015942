import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {docExamples, missingFragment, splitWords} from '../helpers/doc-examples.js'
import {maestro} from '../helpers/cli.js'

// the documents whose `console` blocks are run; each must keep at least one
const DOCS = ['README.md', 'docs/cli.md']

describe('tested examples in the docs (console blocks)', function () {
  // each example spawns the built binary
  this.timeout(120_000)
  for (const doc of DOCS) {
    const examples = docExamples(doc, readFileSync(doc, 'utf8'))
    it(`${doc} has tested examples`, () => expect(examples).to.not.be.empty)
    for (const ex of examples) {
      it(`${ex.where}: maestro ${ex.args.join(' ')}`, async () => {
        const r = await maestro(ex.args)
        const output = r.stdout + r.stderr
        expect(r.code, output).to.equal(ex.exit)
        expect(missingFragment(output, ex.fragments), `not in the output of ${ex.where}:\n${output}`).to.equal(undefined)
      })
    }
  }
})

describe('the docs example convention', () => {
  const doc = ['text', '```console', '$ maestro -f x.yaml env a-1', 'A=1', '…', 'B=…', '', '$ maestro stop   # exit 2', 'ERROR: stop needs', '```', '```sh', '$ not run', '```'].join('\n')

  it('reads command lines, exit codes and fragments from console blocks only', () => {
    expect(docExamples('d.md', doc)).to.deep.equal([
      {where: 'd.md:3', args: ['-f', 'x.yaml', 'env', 'a-1'], exit: 0, fragments: ['A=1', 'B=…']},
      {where: 'd.md:8', args: ['stop'], exit: 2, fragments: ['ERROR: stop needs']},
    ])
  })

  it('fails when a fragment is missing, out of order, or the wildcard does not fit', () => {
    expect(missingFragment('A=1\nB=2\n', ['A=1', 'B=…'])).to.equal(undefined)
    expect(missingFragment('A=1\nB=2\n', ['B=2', 'A=1'])).to.equal('A=1')
    expect(missingFragment('A=1\n', ['C=…'])).to.equal('C=…')
    expect(missingFragment('x (y) z', ['(y)'])).to.equal(undefined)
  })

  it('splits quoted words', () => {
    expect(splitWords(`status -S 'vm*' "a b"`)).to.deep.equal(['status', '-S', 'vm*', 'a b'])
  })

  it('refuses a console block that runs something else than maestro', () => {
    expect(() => docExamples('d.md', '```console\n$ rm -rf /\n```')).to.throw(/d.md:2: a tested example runs maestro/)
  })
})

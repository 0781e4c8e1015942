import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {openEnvironment} from '../../../src/index.js'
import {projectRoot} from '../../helpers/cli.js'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {removeAllContainers} from '../../helpers/lab-environment.js'

const run = promisify(execFile)
const EXAMPLE = join(projectRoot, 'dist', 'examples', 'library', 'deploy.js')

const services = (lab: Lab) => `name: libex
services:
  db:
    image: ${lab.image}
    instances:
      libex-db-1: {ship: ship1, command: httpd -f -p 5432, stop_timeout: 1}
  web:
    image: ${lab.image}
    requires: [db]
    instances:
      libex-web-1: {ship: ship2, command: httpd -f -p 8080, stop_timeout: 1}
`

describe('library example examples/library/deploy.ts on the lab @e2e', function () {
  let file: string

  before(async function () {
    const lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, services(lab), {ships: 2, shipKeys: {timeout: 10}})
    await removeAllContainers(file)
  })

  it('starts, reports and stops the environment, then leaves nothing behind', async function () {
    this.timeout(120_000)
    const {stdout} = await run(process.execPath, [EXAMPLE, file], {cwd: projectRoot})
    const lines = stdout.trim().split('\n')
    expect(lines[0]).to.equal('environment libex: 2 containers on 2 ships')
    expect(lines).to.include.members([
      '  start libex-db-1 on ship1: started',
      '  start libex-web-1 on ship2: started',
      'start: exit 0, 2/2 ok (libex-db-1=started libex-web-1=started)',
      'stop: exit 0, 2/2 ok (libex-db-1=stopped libex-web-1=stopped)',
      'clean: exit 0, 2/2 ok (libex-db-1=removed libex-web-1=removed)',
    ])
    expect(lines.indexOf('  start libex-db-1 on ship1: started')).to.be.lessThan(lines.indexOf('  start libex-web-1 on ship2: started'))
    expect(lines.indexOf('  stop libex-web-1 on ship2: stopped'), 'dependents stop first').to.be.greaterThan(0)
      .and.lessThan(lines.indexOf('  stop libex-db-1 on ship1: stopped'))
    expect(lines.find((l) => l.startsWith('status:'))).to.match(/^status: exit 0, 2\/2 ok \(libex-db-1=running libex-web-1=running\)$/)

    const s = await openEnvironment(file, {env: {}})
    try {
      const after = await s.status()
      expect([...after.outcomes].map(([n, r]) => `${n} ${r.outcome}`)).to.deep.equal(['libex-db-1 absent', 'libex-web-1 absent'])
    } finally {
      await s.close()
    }
  })
})

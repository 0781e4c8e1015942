import {expect} from 'chai'
import {nameOf, toObserved} from '../../src/play/observe.js'
import type {ContainerSummary} from '../../src/api/docker.js'

const summary = (names: string[]): ContainerSummary =>
  ({Id: 'abc', Names: names, Image: 'busybox:latest', ImageID: 'sha256:1', State: 'running', Status: 'Up 1 second', Created: 1, Labels: {}}) satisfies ContainerSummary

describe('observed containers', () => {
  it('names a container by its own name, not by a link alias Docker lists first', () => {
    expect(nameOf(summary(['/web-1/db', '/db-1']))).to.equal('db-1')
    expect(nameOf(summary(['/db-1', '/web-1/db']))).to.equal('db-1')
    expect(toObserved('ship1', summary(['/app-1/peer', '/web-1/db', '/db-1'])).name).to.equal('db-1')
  })

  it('takes the only name of an unlinked container', () => {
    expect(nameOf(summary(['/web-1']))).to.equal('web-1')
  })
})

describe('observed exit code and ports', () => {
  it('keeps an exited container\'s exit code and a running one\'s published ports', () => {
    const exited = toObserved('ship1', {...summary(['/web-1']), State: 'exited', Status: 'Exited (3) 5 seconds ago'})
    expect(exited.exitCode).to.equal(3)
    expect(exited.ports).to.equal(undefined)
    const up = toObserved('ship1', {...summary(['/web-1']), Ports: [{IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'}]})
    expect(up.exitCode).to.equal(undefined)
    expect(up.ports).to.deep.equal([{hostPort: 8080, containerPort: 80, protocol: 'tcp'}])
  })
})

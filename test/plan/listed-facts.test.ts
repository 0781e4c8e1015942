import {expect} from 'chai'
import {exitCodeOf, portText, publishedPorts, statusDetail} from '../../src/plan/listed-facts.js'

describe('listed container facts (status view)', () => {
  it('reads the exit code from Docker\'s status text', () => {
    expect(exitCodeOf('Exited (3) 5 seconds ago')).to.equal(3)
    expect(exitCodeOf('Exited (0) 2 hours ago')).to.equal(0)
    expect(exitCodeOf('Exited (137) About a minute ago')).to.equal(137)
    expect(exitCodeOf('Up 3 minutes')).to.equal(undefined)
    expect(exitCodeOf('Created')).to.equal(undefined)
  })

  it('lists published ports once each, sorted, with a bound address only when not a wildcard', () => {
    const ports = publishedPorts([
      {IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
      {IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
      {IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp'},
      {PrivatePort: 9000, Type: 'tcp'},
      {IP: '::1', PrivatePort: 22, PublicPort: 2222, Type: 'tcp'},
    ])
    expect(ports.map(portText)).to.deep.equal(['[::1]:2222->22/tcp', '127.0.0.1:5353->53/udp', '8080->80/tcp'])
    expect(ports[2]).to.deep.equal({hostPort: 8080, containerPort: 80, protocol: 'tcp'})
    expect(ports[1]).to.deep.equal({hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp'})
    expect(publishedPorts(undefined)).to.deep.equal([])
  })

  it('formats the row detail: age, exit code, ports, probes', () => {
    expect(statusDetail({age: 'for 5s', exitCode: 3})).to.equal('for 5s (exit 3)')
    expect(statusDetail({age: 'for 1s', ports: ['8080->80/tcp', '8443->443/tcp']})).to.equal('for 1s ports 8080->80/tcp, 8443->443/tcp')
    expect(statusDetail({age: 'for 1s', ports: ['8080->80/tcp'], probes: '[http:8080 up]'})).to.equal('for 1s ports 8080->80/tcp [http:8080 up]')
    expect(statusDetail({exitCode: 0})).to.equal('(exit 0)')
    expect(statusDetail({ports: []})).to.equal(undefined)
  })
})

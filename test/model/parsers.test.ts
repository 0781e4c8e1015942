import {expect} from 'chai'
import {parsePort} from '../../src/model/ports.js'
import {parseBytes} from '../../src/model/limits.js'
import {parseRestart} from '../../src/model/restart.js'
import {parseUlimit} from '../../src/model/ulimits.js'
import {parseLabels} from '../../src/model/labels.js'
import {parseVolume} from '../../src/model/volumes.js'
import {closest, levenshtein} from '../../src/model/did-you-mean.js'

describe('parsePort', () => {
  const ok = (spec: unknown) => {
    const r = parsePort(spec)
    if (!r.ok) throw new Error(r.error)
    return `${r.port.bindIp} ${r.port.exposed}/${r.port.exposedProtocol} -> ${r.port.external}/${r.port.externalProtocol}`
  }
  const error = (spec: unknown) => {
    const r = parsePort(spec)
    return r.ok ? 'ok' : r.error
  }

  it('reads the forms of reference §2.6', () => {
    expect(ok(25)).to.equal('0.0.0.0 25/tcp -> 25/tcp')
    expect(ok('53/udp')).to.equal('0.0.0.0 53/udp -> 53/udp')
    expect(ok('25:2525')).to.equal('0.0.0.0 25/tcp -> 2525/tcp')
    expect(ok('53/udp:5353/udp')).to.equal('0.0.0.0 53/udp -> 5353/udp')
    expect(ok('1234:1234-1236')).to.equal('0.0.0.0 1234/tcp -> 1234-1236/tcp')
    expect(ok('1234-1236:1234-1236')).to.equal('0.0.0.0 1234-1236/tcp -> 1234-1236/tcp')
    expect(ok({exposed: 25, external: 2525})).to.equal('0.0.0.0 25/tcp -> 2525/tcp')
    expect(ok({exposed: '53/udp', external: ['192.168.10.2', '5353/udp']})).to.equal('192.168.10.2 53/udp -> 5353/udp')
  })

  it('rejects bad specs with a reason', () => {
    expect(error('1:2:3')).to.match(/more than two parts/)
    expect(error('53/udp:53')).to.equal('mismatched protocols between 53/udp and 53/tcp')
    expect(error(0)).to.match(/invalid port number 0/)
    expect(error('80/sctp')).to.match(/invalid port '80\/sctp'/)
    expect(error({exposed: 80})).to.equal("port mapping needs 'external'")
    expect(error({exposed: 80, external: 81, ip: 'x'})).to.match(/unknown key 'ip'/)
    expect(error(1.5)).to.match(/invalid port '1.5'/)
    expect(error([80])).to.match(/invalid port specification/)
  })
})

describe('parseBytes', () => {
  it('multiplies k/m/g suffixes (any case) by powers of 1024 and passes digits through', () => {
    expect([parseBytes('1k'), parseBytes('2M'), parseBytes('1g'), parseBytes('123'), parseBytes(77)]).to.deep.equal([1024, 2 * 1024 ** 2, 1024 ** 3, 123, 77])
  })
  it('rejects unknown suffixes and junk', () => {
    expect(parseBytes('5t')).to.match(/unknown unit suffix 't'/)
    expect(parseBytes('lots')).to.match(/invalid size/)
    expect(parseBytes(1.5)).to.match(/whole number/)
  })
})

describe('parseRestart', () => {
  it('reads the string, name:retries and dict forms', () => {
    expect(parseRestart(undefined)).to.deep.equal({name: 'no', maximumRetryCount: 0})
    expect(parseRestart('on-failure:3')).to.deep.equal({name: 'on-failure', maximumRetryCount: 3})
    expect(parseRestart({name: 'always'})).to.deep.equal({name: 'always', maximumRetryCount: 0})
  })
  it('rejects unknown names, bad retries and the docs-only maximum_retry_count key', () => {
    expect(parseRestart('sometimes')).to.match(/invalid restart policy "sometimes"/)
    expect(parseRestart('on-failure:-1')).to.match(/invalid restart retries/)
    expect(parseRestart({name: 'on-failure', maximum_retry_count: 3})).to.match(/maximum_retry_count/)
    expect(parseRestart(true)).to.match(/invalid restart policy format/)
  })
})

describe('parseUlimit', () => {
  it('reads int and {soft, hard}', () => {
    expect(parseUlimit('nofile', 10)).to.deep.equal({name: 'nofile', soft: 10, hard: 10})
    expect(parseUlimit('nofile', {soft: 1, hard: 2})).to.deep.equal({name: 'nofile', soft: 1, hard: 2})
  })
  it('rejects soft above hard and missing values', () => {
    expect(parseUlimit('n', {soft: 3, hard: 2})).to.match(/soft limit 3 is above hard limit 2/)
    expect(parseUlimit('n', {hard: 2})).to.match(/needs integer soft and hard/)
  })
})

describe('parseLabels and parseVolume', () => {
  it('reads labels as list or map', () => {
    expect(parseLabels(['a=b=c', 'x'])).to.deep.equal({a: 'b=c', x: ''})
    expect(parseLabels({a: true, b: null})).to.deep.equal({a: 'True', b: ''})
    expect(parseLabels('a=b')).to.match(/list or a mapping/)
  })
  it('reads volumes in both schemas', () => {
    expect(parseVolume('/h', '/t', 2)).to.deep.equal({host: '/h', target: '/t'})
    expect(parseVolume('/t', '/h', 1)).to.deep.equal({host: '/h', target: '/t'})
    expect(parseVolume('/h', {target: '/t', mode: 'ro'}, 2)).to.deep.equal({host: '/h', target: '/t', mode: 'ro'})
    expect(parseVolume('/h', 3, 2)).to.match(/invalid volume specification/)
  })
})

describe('did you mean', () => {
  it('counts transpositions as one edit and stays quiet when nothing is close', () => {
    expect(levenshtein('tpc', 'tcp')).to.equal(1)
    expect(levenshtein('kitten', 'sitting')).to.equal(3)
    expect(closest('shp1', ['ship1', 'ship2'])).to.equal('ship1')
    expect(closest('database', ['web', 'cache'])).to.equal(undefined)
  })
})

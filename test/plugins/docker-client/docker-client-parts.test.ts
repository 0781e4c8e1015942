import {expect} from 'chai'
import {homedir} from 'node:os'
import {PassThrough, Readable, Writable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {MaestroError} from '../../../src/api/index.js'
import {DemuxSplitter, DemuxStream, JsonLinesStream, PullProgressTracker, compareApiVersions, negotiateApiVersion, pullQuery, toMaestroError} from '../../../plugins/docker-client/index.js'
import {resolvePath, shipModemOptions} from '../../../plugins/transport-docker/options.js'
import type {Ship} from '../../../src/api/index.js'

const frame = (type: number, text: string): Buffer => {
  const payload = Buffer.from(text)
  const header = Buffer.alloc(8)
  header[0] = type
  header.writeUInt32BE(payload.length, 4)
  return Buffer.concat([header, payload])
}

const through = async (stream: NodeJS.ReadWriteStream, chunks: Buffer[]): Promise<unknown[]> => {
  const out: unknown[] = []
  const done = new Promise((resolve, reject) => {
    stream.on('data', (d) => out.push(d))
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  Readable.from(chunks).pipe(stream as NodeJS.WritableStream)
  await done
  return out
}

const ship: Ship = {name: 'ship1', ip: '10.0.0.1', endpoint: '10.0.0.1', dockerPort: 2375, apiVersion: '1.18', timeout: 5, tls: false, tlsVerify: false, extra: {}}

describe('DemuxStream', () => {
  it('merges stdout and stderr frames split across chunks', async () => {
    const bytes = Buffer.concat([frame(1, 'out1\n'), frame(2, 'err\n'), frame(1, 'out2\n')])
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 15), bytes.subarray(15)]
    const out = await through(new DemuxStream(), chunks)
    expect(Buffer.concat(out as Buffer[]).toString()).to.equal('out1\nerr\nout2\n')
  })

  it('passes a raw (TTY) stream through unchanged', async () => {
    const out = await through(new DemuxStream(), [Buffer.from('hello world, this is raw\r\n')])
    expect(Buffer.concat(out as Buffer[]).toString()).to.equal('hello world, this is raw\r\n')
  })
})

describe('DemuxSplitter', () => {
  const sink = () => {
    const chunks: Buffer[] = []
    const stream = new Writable({write: (c: Buffer, _e, done) => (chunks.push(c), done())})
    return {stream, text: () => Buffer.concat(chunks).toString()}
  }

  it('sends stdout frames to stdout and stderr frames to stderr, frames split anywhere', async () => {
    const bytes = Buffer.concat([frame(1, 'out1\n'), frame(2, 'err\n'), frame(0, 'in-as-out\n'), frame(1, 'out2\n')])
    const [out, err] = [sink(), sink()]
    await pipeline(Readable.from([bytes.subarray(0, 3), bytes.subarray(3, 15), bytes.subarray(15, 16), bytes.subarray(16)]), new DemuxSplitter(out.stream, err.stream))
    expect(out.text()).to.equal('out1\nin-as-out\nout2\n')
    expect(err.text()).to.equal('err\n')
  })

  it('in raw (TTY) mode passes everything to stdout, and never ends its targets', async () => {
    const [out, err] = [sink(), sink()]
    await pipeline(Readable.from([Buffer.from('\x01\x00\x00\x00raw\r\n')]), new DemuxSplitter(out.stream, err.stream, true))
    expect(out.text()).to.equal('\x01\x00\x00\x00raw\r\n')
    expect(err.text()).to.equal('')
    expect(out.stream.writableEnded).to.equal(false)
  })

  it('waits for a full target to drain before taking more input', async () => {
    const out = new PassThrough({highWaterMark: 4})
    const splitter = new DemuxSplitter(out, sink().stream)
    let written = false
    const taken = new Promise((resolve) => splitter.write(frame(1, 'more than four bytes'), () => resolve((written = true))))
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).to.equal(false)
    expect(out.read()?.toString()).to.equal('more than four bytes')
    await taken
  })
})

describe('JsonLinesStream', () => {
  it('parses newline-delimited JSON split anywhere, skipping blank lines', async () => {
    const text = '{"a":1}\n\n{"b":'
    const out = await through(new JsonLinesStream(), [Buffer.from(text.slice(0, 5)), Buffer.from(text.slice(5)), Buffer.from('2}\n')])
    expect(out).to.deep.equal([{a: 1}, {b: 2}])
  })
})

describe('PullProgressTracker', () => {
  it('reports the mean of layer percentages', () => {
    const t = new PullProgressTracker()
    expect(t.update({status: 'Pulling from lab/busybox', id: 'latest'})).to.deep.equal({status: 'Pulling from lab/busybox'})
    t.update({status: 'Pulling fs layer', id: 'aaaaaaaaaaaa'})
    t.update({status: 'Pulling fs layer', id: 'bbbbbbbbbbbb'})
    expect(t.update({status: 'Downloading', id: 'aaaaaaaaaaaa', progressDetail: {current: 50, total: 100}})).to.deep.equal({status: 'Downloading', percent: 25})
    expect(t.update({status: 'Download complete', id: 'bbbbbbbbbbbb'}).percent).to.equal(75)
    expect(t.update({status: 'Pull complete', id: 'aaaaaaaaaaaa'}).percent).to.equal(100)
  })
})

describe('pullQuery', () => {
  it('splits tag and digest, defaulting to latest, and keeps registry ports', () => {
    expect(pullQuery('busybox')).to.deep.equal({fromImage: 'busybox', tag: 'latest'})
    expect(pullQuery('lab/busybox:1.36')).to.deep.equal({fromImage: 'lab/busybox', tag: '1.36'})
    expect(pullQuery('127.0.0.1:5000/x/y')).to.deep.equal({fromImage: '127.0.0.1:5000/x/y', tag: 'latest'})
    expect(pullQuery('r:5000/y@sha256:abc')).to.deep.equal({fromImage: 'r:5000/y', tag: 'sha256:abc'})
  })
})

describe('API versions', () => {
  it('compares numerically and negotiates the lower of client and daemon', () => {
    expect(compareApiVersions('1.9', '1.41')).to.be.below(0)
    expect(compareApiVersions('1.41', '1.41')).to.equal(0)
    expect(negotiateApiVersion('1.43')).to.equal('1.41')
    expect(negotiateApiVersion('1.40')).to.equal('1.40')
  })
})

describe('toMaestroError', () => {
  const ctx = {ship: 'ship1', endpoint: 'tcp://10.0.0.1:2375'}

  it('turns a daemon answer into MAESTRO_DOCKER with the daemon message', () => {
    const err = Object.assign(new Error('(HTTP code 409) unexpected - Conflict. '), {statusCode: 409, json: {message: 'Conflict.'}})
    const e = toMaestroError(err, ctx)
    expect([e.code, e.message]).to.deep.equal(['MAESTRO_DOCKER', 'ship1: Conflict.'])
  })

  it('turns refused connections and timeouts into MAESTRO_SHIP_UNREACHABLE', () => {
    const refused = toMaestroError(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:2375'), {code: 'ECONNREFUSED'}), ctx)
    expect(refused.code).to.equal('MAESTRO_SHIP_UNREACHABLE')
    expect(refused.message).to.equal('ship ship1 (tcp://10.0.0.1:2375) is unreachable: connect ECONNREFUSED 10.0.0.1:2375')
    const slow = toMaestroError(new Error('aborted'), {...ctx, timedOutAfter: 5})
    expect(slow.message).to.equal('ship ship1 (tcp://10.0.0.1:2375) is unreachable: no answer within 5 s')
    expect(toMaestroError(slow, ctx)).to.equal(slow)
    expect(slow).to.be.instanceOf(MaestroError)
  })
})

describe('shipModemOptions', () => {
  it('uses endpoint and docker_port over TCP', () => {
    expect(shipModemOptions({...ship, endpoint: 'docker.example', dockerPort: 4243}, '/')).to.deep.equal({endpoint: 'tcp://docker.example:4243', host: 'docker.example', port: 4243})
  })

  it('accepts URL endpoints', () => {
    expect(shipModemOptions({...ship, endpoint: 'tcp://h:1234'}, '/')).to.deep.equal({endpoint: 'tcp://h:1234', host: 'h', port: 1234})
    expect(shipModemOptions({...ship, endpoint: 'unix:///var/run/x.sock'}, '/')).to.deep.equal({endpoint: 'unix:///var/run/x.sock', socketPath: '/var/run/x.sock'})
  })

  it('prefers socket_path, resolved against the base dir', () => {
    expect(shipModemOptions({...ship, socketPath: 'run/d.sock'}, '/srv/env')).to.deep.equal({endpoint: 'unix:///srv/env/run/d.sock', socketPath: '/srv/env/run/d.sock'})
    expect(shipModemOptions({...ship, socketPath: 'unix:///var/run/y.sock'}, '/srv')).to.deep.include({socketPath: '/var/run/y.sock'})
  })

  it('expands ~ in paths', () => {
    expect(resolvePath('~/certs/ca.pem', '/srv')).to.equal(`${homedir()}/certs/ca.pem`)
    expect(resolvePath('certs/ca.pem', '/srv')).to.equal('/srv/certs/ca.pem')
  })
})

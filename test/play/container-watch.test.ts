import {expect} from 'chai'
import {getEventListeners} from 'node:events'
import {ContainerWatch} from '../../src/play/container-watch.js'
import type {ContainerInspect, DockerClient} from '../../src/api/index.js'
import type {Container} from '../../src/model/types.js'

describe('ContainerWatch', () => {
  it('keeps no abort listener per poll: a long health wait leaves the signal with none left over', async () => {
    const running = {State: {Running: true, Health: {Status: 'starting'}}} as unknown as ContainerInspect
    const docker = {inspectContainer: async () => running} as unknown as DockerClient
    const stop = new AbortController()
    const watch = new ContainerWatch({docker, container: {name: 'web-1'} as Container}, 'id', 1, stop.signal)
    void watch.run('running').catch(() => undefined)
    const waiting = new AbortController()
    for (let i = 0; i < 50; i++) await watch.next(waiting.signal)
    expect(getEventListeners(waiting.signal, 'abort')).to.have.length(0)
    stop.abort()
  })
})

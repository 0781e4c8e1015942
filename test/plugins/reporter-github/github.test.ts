import {expect} from 'chai'
import {githubReporter} from '../../../plugins/reporter-github/index.js'
import {escapeData, escapeProperty, workflowCommand} from '../../../plugins/reporter-github/workflow-commands.js'
import {MaestroError} from '../../../src/api/errors.js'
import {attached, emitConfigError, emitFailingPlay, ZK} from '../../helpers/reporter-events.js'
import {emitUpdate, PAUSE_HINT, REASON} from '../../helpers/update-events.js'

async function lines(emitAll: (emit: ReturnType<typeof attached>['emit']) => void, workspace = '/work/project'): Promise<string[]> {
  const {out, reporter, emit} = attached(githubReporter, {options: {workspace}})
  emitAll(emit)
  await reporter.done?.()
  return out.text.trimEnd().split('\n')
}

describe('reporter github', () => {
  it('annotates every config issue at its file, line and column, relative to the workspace', async () => {
    expect(await lines((emit) => emitConfigError(emit))).to.deep.equal([
      "::error file=maestro.yaml,line=12,col=5,title=Maestro::unknown ship 'shp1' (did you mean 'ship1'?)",
      '::error file=maestro.yaml,line=14,col=9,title=Maestro::ports: bad, value',
      "::warning file=maestro.yaml,line=7,col=5,title=Maestro::unknown key 'imgae' in service web (did you mean 'image'?)",
    ])
  })

  it('keeps paths in subfolders and outside the workspace usable', async () => {
    const [inside] = await lines((emit) => emitConfigError(emit), '/work')
    expect(inside).to.match(/^::error file=project\/maestro.yaml,line=12,col=5,/)
    const [outside] = await lines((emit) => emitConfigError(emit), '/elsewhere')
    expect(outside).to.match(/^::error file=\/work\/project\/maestro.yaml,line=12,/)
  })

  it('groups a play, annotates the failed container and ends with a notice summary', async () => {
    expect(await lines(emitFailingPlay)).to.deep.equal([
      '::group::maestro start shop (3 containers)',
      'zk-1: started',
      'kafka-1: failed',
      '::error title=kafka-1::start failed: kafka-1: running check tcp:client failed: connection refused',
      'kafka-2: skipped (kafka-1 failed)',
      '::endgroup::',
      '::notice title=Maestro::start: 1 succeeded, 1 failed, 1 skipped of 3 in 3.8s (kafka-1: running check tcp:client failed: connection refused)',
    ])
  })

  it('says each replacement in the group, annotates a rollback as an error and a pause as a warning', async () => {
    const rolledBack = await lines((emit) => emitUpdate(emit, 'rollback'))
    expect(rolledBack.slice(0, 7)).to.deep.equal([
      '::group::maestro start shop (3 containers)',
      'web-1: replaced aaa111 -> bbb111 (previous kept as web-1.previous)',
      'web-1: recreated (changed: env.VERSION; start-first)',
      'web-2: replacement failed, rolling back',
      `::error title=web::rolled back web-1: ${REASON}`,
      'web-2: failed',
      `::error title=web-2::start failed: ${REASON}; rolled back the update of web (previous containers put back: web-1 (aaa111))`,
    ])
    const paused = await lines((emit) => emitUpdate(emit, 'pause'))
    expect(paused[4]).to.equal(`::warning title=web::update paused: ${REASON}; not replaced: web-3 (${PAUSE_HINT})`)
  })

  it('points a failure with a location at the file', async () => {
    const [, , annotation] = await lines((emit) => {
      const error = new MaestroError('MAESTRO_CHECK_FAILED', 'exec check failed\nexit 1', {loc: {file: '/work/project/maestro.yaml', line: 30, column: 11}})
      emit('play:start', {playId: 'p', at: 1, command: 'start', containers: [ZK], concurrency: 1, ordered: true, direction: 'forward', environment: 'e', user: 'u'})
      emit('task:fail', {playId: 'p', at: 2, container: ZK, action: 'start', error, durationMs: 1})
    })
    expect(annotation).to.equal('::error file=maestro.yaml,line=30,col=11,title=zk-1::start failed: exec check failed%0Aexit 1')
  })

  it('escapes data and properties per the workflow-commands spec', () => {
    expect(escapeData('100% done\r\nnext: a,b')).to.equal('100%25 done%0D%0Anext: a,b')
    expect(escapeProperty('a:b,c%\n')).to.equal('a%3Ab%2Cc%25%0A')
    expect(workflowCommand('error', {file: 'dir,x/m:y.yaml', line: 3, col: undefined, title: 'T'}, 'x')).to.equal('::error file=dir%2Cx/m%3Ay.yaml,line=3,title=T::x')
    expect(workflowCommand('notice', {}, 'plain')).to.equal('::notice::plain')
  })
})

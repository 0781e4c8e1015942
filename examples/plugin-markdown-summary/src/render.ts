import type {PlaySummary, Row, Summary} from './summary.js'

const cell = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')

export const formatDuration = (ms: number | undefined): string =>
  ms === undefined ? '–' : ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`

function rowsOf(play: PlaySummary): Row[] {
  return play.containers.map(({name, ship}) => play.rows.get(name) ?? {container: name, ship, action: play.command, outcome: 'not run', status: 'skipped'})
}

function renderPlay(play: PlaySummary): string[] {
  const rows = rowsOf(play)
  const count = (s: Row['status']) => rows.filter((r) => r.status === s).length
  const lines = [
    `## ${play.command} — ${play.environment}`,
    '',
    `${rows.length} container${rows.length === 1 ? '' : 's'}: ${count('ok')} succeeded, ${count('failed')} failed, ${count('skipped')} skipped` +
      ` in ${formatDuration(play.durationMs)} (by ${play.user}, started ${new Date(play.startedAt).toISOString()})` +
      (play.interrupted ? ' — **interrupted**' : ''),
    '',
    '| Container | Ship | Action | Outcome | Duration |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${cell(r.container)} | ${cell(r.ship)} | ${cell(r.action)} | ${r.status === 'failed' ? '**failed**' : cell(r.outcome)} | ${formatDuration(r.durationMs)} |`),
  ]
  const failed = rows.filter((r) => r.status === 'failed')
  if (failed.length > 0 || play.error) {
    lines.push('', '### Failures', '')
    for (const r of failed) lines.push(`- **${cell(r.container)}** on ${cell(r.ship)} (${r.action}): ${cell(r.error ?? 'failed')}`)
    if (play.error && failed.length === 0) lines.push(`- ${cell(play.error)}`)
  }
  return lines
}

/** The whole Markdown document for one command: a section per play, configuration errors if any. */
export function renderSummary(summary: Summary): string {
  const lines = ['# Maestro deployment summary', '']
  if (summary.configErrors.length > 0) {
    lines.push('## Configuration errors', '', '```', ...summary.configErrors, '```', '')
  }
  for (const play of summary.plays) lines.push(...renderPlay(play), '')
  if (summary.plays.length === 0 && summary.configErrors.length === 0) lines.push('No containers were acted on.', '')
  return lines.join('\n')
}

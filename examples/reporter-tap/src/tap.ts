/** TAP text: test points and YAML diagnostic blocks (https://testanything.org/tap-version-14-specification.html). */
export interface Point {
  readonly ok: boolean
  readonly description: string
  /** `# SKIP reason` directive. */
  readonly skip?: string
  /** Shown as the point's YAML diagnostic block (failures only). */
  readonly diagnostic?: Readonly<Record<string, string | number | undefined>>
}

// TAP reserves `#` in a description (it starts a directive) and a newline ends the line.
const description = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\\/g, '\\\\').replace(/#/g, '\\#')

// A JSON string is a valid YAML scalar, so every value is quoted safely whatever it contains.
const yaml = (diagnostic: Point['diagnostic'] = {}): string[] => [
  '  ---',
  ...Object.entries(diagnostic).filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k}: ${typeof v === 'number' ? v : JSON.stringify(v)}`),
  '  ...',
]

export function renderTap(version: 13 | 14, points: readonly Point[], comments: readonly string[] = []): string {
  const lines = [`TAP version ${version}`, ...comments.map((c) => `# ${c.replace(/\r?\n/g, ' ')}`), `1..${points.length}`]
  points.forEach((p, i) => {
    const directive = p.skip === undefined ? '' : ` # SKIP ${description(p.skip)}`
    lines.push(`${p.ok ? 'ok' : 'not ok'} ${i + 1} - ${description(p.description)}${directive}`)
    if (!p.ok) lines.push(...yaml(p.diagnostic))
  })
  return lines.join('\n') + '\n'
}

/** Python `str.format` over named fields: `{name}` is replaced, `{{`/`}}` are literal braces. */
export function formatString(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, name: string | undefined) => {
    if (m === '{{') return '{'
    if (m === '}}') return '}'
    return name !== undefined && name in fields ? (fields[name] as string) : m
  })
}

/**
 * Formats every string of a payload tree (mappings and lists); strings that format to empty are dropped,
 * as upstream's webhook auditor does. Other scalars pass through.
 */
export function renderPayload(tree: unknown, fields: Readonly<Record<string, string>>): unknown {
  if (typeof tree === 'string') return formatString(tree, fields)
  if (Array.isArray(tree)) return tree.map((v) => renderPayload(v, fields)).filter((v) => v !== '')
  if (tree !== null && typeof tree === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(tree)) {
      const r = renderPayload(v, fields)
      if (r !== '') out[k] = r
    }
    return out
  }
  return tree
}

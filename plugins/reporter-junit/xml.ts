/** Just enough XML writing for JUnit reports: escaping and element building. */

// Characters XML 1.0 cannot carry at all (C0 controls except tab, newline, carriage return).
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function escapeText(s: string): string {
  return s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
}

export type Attrs = Readonly<Record<string, string | number | undefined>>

export interface XmlNode {
  readonly name: string
  readonly attrs?: Attrs
  readonly children?: readonly XmlNode[]
  readonly text?: string
}

function attrText(attrs: Attrs = {}): string {
  return Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('')
}

export function renderXml(node: XmlNode, indent = ''): string {
  const open = `${indent}<${node.name}${attrText(node.attrs)}`
  const children = node.children ?? []
  if (children.length === 0 && node.text === undefined) return `${open}/>`
  if (children.length === 0) return `${open}>${escapeText(node.text ?? '')}</${node.name}>`
  const inner = children.map((c) => renderXml(c, `${indent}  `)).join('\n')
  return `${open}>\n${inner}\n${indent}</${node.name}>`
}

export const xmlDocument = (root: XmlNode): string => `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root)}\n`

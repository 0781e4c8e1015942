/** Python's str() and repr() for template values, so `{{ x }}` prints what Jinja2 would. */

export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

export function pyRepr(v: unknown): string {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`
  if (isPlainObject(v)) return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`
  return pyStr(v)
}

export function pyStr(v: unknown): string {
  if (v === true) return 'True'
  if (v === false) return 'False'
  if (v === null) return 'None'
  if (v === undefined) return ''
  if (typeof v === 'string') return v
  if (Array.isArray(v) || isPlainObject(v)) return pyRepr(v)
  return String(v)
}

/** Python rendering of a value, except that non-plain objects (nunjucks SafeString, ...) are left alone. */
export const needsPyRendering = (v: unknown): boolean =>
  typeof v === 'boolean' || v === null || Array.isArray(v) || isPlainObject(v)

interface Keywords {
  readonly [k: string]: unknown
}

const FIELD = /\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*))?\}/g

/** Python `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{a[0]}`, `!r`, and `[[fill]align][0][width][.precision][type]`. */
export function pyFormat(template: string, args: readonly unknown[], kwargs: Keywords = {}): string {
  let auto = 0
  return template.replace(FIELD, (whole, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
    if (whole === '{{') return '{'
    if (whole === '}}') return '}'
    const [head, ...rest] = (field ?? '').split(/(?=[.[])/)
    let value: unknown = head === '' ? args[auto++] : /^\d+$/.test(head) ? args[Number(head)] : kwargs[head]
    if (head !== '' && !/^\d+$/.test(head) && !(head in kwargs)) throw new Error(`KeyError: '${head}' in format string`)
    for (const part of rest) {
      const key = part.startsWith('.') ? part.slice(1) : part.slice(1, -1)
      value = (value as Record<string, unknown> | undefined)?.[key]
    }
    const text = conv === 'r' || conv === 'a' ? pyRepr(value) : undefined
    return applySpec(value, text, spec ?? '')
  })
}

const SPEC = /^(?:(.)?([<>^=]))?([+\- ])?(0)?(\d+)?(,)?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/

function applySpec(value: unknown, text: string | undefined, spec: string): string {
  const m = SPEC.exec(spec)
  if (!m || spec === '') return text ?? pyStr(value)
  const [, fillChar, alignChar, sign, zero, width, , precision, type] = m
  let out = text ?? pyStr(value)
  const numeric = typeof value === 'number' && text === undefined
  if (numeric) {
    const n = value as number
    if (type === 'f' || type === 'F') out = n.toFixed(precision ? Number(precision) : 6)
    else if (type === 'x') out = Math.trunc(n).toString(16)
    else if (type === 'X') out = Math.trunc(n).toString(16).toUpperCase()
    else if (type === 'o') out = Math.trunc(n).toString(8)
    else if (type === 'b') out = Math.trunc(n).toString(2)
    else if (precision) out = n.toFixed(Number(precision))
    if (sign === '+' && n >= 0) out = `+${out}`
  } else if (precision) out = out.slice(0, Number(precision))
  const w = width ? Number(width) : 0
  if (out.length >= w) return out
  const fill = fillChar ?? (zero && numeric ? '0' : ' ')
  const align = alignChar ?? (zero && numeric ? '=' : numeric ? '>' : '<')
  const pad = w - out.length
  if (align === '<') return out + fill.repeat(pad)
  if (align === '>') return fill.repeat(pad) + out
  if (align === '^') return fill.repeat(Math.floor(pad / 2)) + out + fill.repeat(Math.ceil(pad / 2))
  const signed = /^[+-]/.test(out)
  return signed ? out[0] + fill.repeat(pad) + out.slice(1) : fill.repeat(pad) + out
}

/** Jinja2's `int` filter: int(value), else int(float(value)), else the default (0). */
export function pyIntFilter(value: unknown, fallback: unknown = 0, base = 10): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : fallback
  if (typeof value === 'boolean') return value ? 1 : 0
  const text = String(value ?? '').trim().replace(/_/g, '')
  if (base === 10 ? /^[-+]?\d+$/.test(text) : text !== '') {
    const n = parseInt(text, base)
    if (!Number.isNaN(n)) return n
  }
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return Math.trunc(Number(text))
  return fallback
}

const HTML_SAFE: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', "'": '\\u0027'}

/** Jinja2's `tojson`: json.dumps with sorted keys and `, `/`: ` separators, HTML-safe. */
export function pyJson(v: unknown): string {
  const encode = (x: unknown): string => {
    if (Array.isArray(x)) return `[${x.map(encode).join(', ')}]`
    if (isPlainObject(x)) return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}: ${encode(x[k])}`).join(', ')}}`
    if (typeof x === 'number' && !Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity'
    return JSON.stringify(x ?? null)
  }
  return encode(v).replace(/[<>&']/g, (c) => HTML_SAFE[c])
}

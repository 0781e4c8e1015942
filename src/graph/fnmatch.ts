const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** Python `fnmatch` glob → RegExp: `*`, `?`, `[seq]`, `[!seq]`; an unclosed `[` is literal. Case-sensitive. */
export function globToRegExp(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*') re += '.*'
    else if (c === '?') re += '.'
    else if (c === '[') {
      let j = i + 1
      if (pattern[j] === '!') j++
      if (pattern[j] === ']') j++
      while (j < pattern.length && pattern[j] !== ']') j++
      if (j >= pattern.length) {
        re += '\\['
        continue
      }
      let body = pattern.slice(i + 1, j)
      const negate = body.startsWith('!')
      if (negate) body = body.slice(1)
      body = body.replace(/\\/g, '\\\\').replace(/\^/g, '\\^').replace(/\[/g, '\\[').replace(/]/g, '\\]')
      re += `[${negate ? '^' : ''}${body}]`
      i = j
    } else re += escape(c)
  }
  return new RegExp(`^${re}$`, 's')
}

export const fnmatch = (name: string, pattern: string): boolean => globToRegExp(pattern).test(name)

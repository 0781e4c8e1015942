/** Cuts a stream of text chunks into whole lines, so that one container's line is never split by another's. */
export class LineSplitter {
  private partial = ''

  /** The complete lines in `chunk` (plus what was held back), without their line ends. */
  push(chunk: string): string[] {
    const text = this.partial + chunk
    const lines = text.split('\n')
    this.partial = lines.pop() ?? ''
    return lines.map(stripCr)
  }

  /** What is left when the stream ends: a last line without a newline, if any. */
  end(): string[] {
    const rest = this.partial
    this.partial = ''
    return rest === '' ? [] : [stripCr(rest)]
  }
}

const stripCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line)

/**
 * The slice of nunjucks' internal modules (exported by the package, used the same way as its own
 * `installJinjaCompat()`) that the compatibility shims patch. @types/nunjucks does not describe them.
 */
export interface Token {
  readonly type: string
  readonly value: string
  readonly lineno: number
  readonly colno: number
}

export interface AstNode {
  readonly lineno: number
  readonly colno: number
  readonly typename: string
  children: AstNode[]
  addChild(node: AstNode): void
}

type NodeClass = new (lineno: number, colno: number, ...fields: unknown[]) => AstNode

export interface Nodes {
  readonly [name: string]: NodeClass
}

export interface Parser {
  tokens: unknown
  peekToken(): Token
  nextToken(): Token
  skip(type: string): boolean
  skipValue(type: string, value: string): boolean
  fail(message: string, lineno?: number, colno?: number): never
  parsePrimary(): AstNode
  parseExpression(): AstNode
  parseUntilBlocks(...names: string[]): AstNode
  advanceAfterBlockEnd(name?: string): Token
}

export interface Compiler {
  _emit(code: string): void
  compile(node: AstNode, frame: unknown): void
}

export type Lexer = Readonly<Record<`TOKEN_${string}`, string>>

export interface Tokenizer {
  in_code: boolean
  current(): string
  forward(): void
  lineno: number
  colno: number
  nextToken(): Token | null
}

export interface LexerModule extends Lexer {
  lex(src: string, opts: object): Tokenizer
}

export interface Runtime {
  memberLookup(obj: unknown, val: unknown, autoescape?: boolean): unknown
  suppressValue(val: unknown, autoescape: boolean): unknown
  [helper: string]: unknown
}

export interface NunjucksModule {
  readonly Environment: typeof import('nunjucks').Environment
  readonly FileSystemLoader: typeof import('nunjucks').FileSystemLoader
  readonly Template: typeof import('nunjucks').Template
  readonly parser: {Parser: {prototype: Parser & Record<string, unknown>}}
  readonly compiler: {Compiler: {prototype: Compiler & Record<string, unknown>}}
  readonly runtime: Runtime
  readonly nodes: Nodes
  readonly lexer: LexerModule
  readonly lib: {_prettifyError(path: string, withInternals: boolean, err: unknown): Error}
  installJinjaCompat(): void
}

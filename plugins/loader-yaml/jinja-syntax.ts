import type {AstNode, NunjucksModule, Parser, Token, Tokenizer} from './nunjucks-internals.js'

/**
 * Parser shims for Jinja2 syntax nunjucks lacks:
 * - tuple literals `(1, 2)` and `(1,)` (nunjucks compiles them to the JS comma operator) become lists;
 * - trailing commas in list, dict and tuple literals and in call arguments;
 * - `}}` closing two nested dict literals inside a tag (`{% set d = {'a': {'b': 1}} %}`): like Jinja2's
 *   lexer, a `}` inside open braces closes a brace, never the `}}` variable end.
 */
export function installJinjaSyntax(nj: NunjucksModule): void {
  installBraceBalancing(nj)
  const {nodes, lexer} = nj
  const closers = new Set([lexer.TOKEN_RIGHT_PAREN, lexer.TOKEN_RIGHT_BRACKET, lexer.TOKEN_RIGHT_CURLY])
  const proto = nj.parser.Parser.prototype

  proto.parseAggregate = function parseAggregate(this: Parser): AstNode | null {
    const tok = this.nextToken()
    const kind = tok.type === lexer.TOKEN_LEFT_PAREN ? 'Group' : tok.type === lexer.TOKEN_LEFT_BRACKET ? 'Array' : tok.type === lexer.TOKEN_LEFT_CURLY ? 'Dict' : undefined
    if (!kind) return null
    const children: AstNode[] = []
    let sawComma = false
    for (;;) {
      if (closers.has(this.peekToken().type)) {
        this.nextToken()
        break
      }
      if (children.length > 0) {
        if (!this.skip(lexer.TOKEN_COMMA)) this.fail('parseAggregate: expected comma after expression', tok.lineno, tok.colno)
        sawComma = true
        if (closers.has(this.peekToken().type)) continue
      }
      if (kind === 'Dict') {
        const key = this.parsePrimary()
        if (!this.skip(lexer.TOKEN_COLON)) this.fail('parseAggregate: expected colon after dict key', tok.lineno, tok.colno)
        children.push(new nodes.Pair(key.lineno, key.colno, key, this.parseExpression()))
      } else children.push(this.parseExpression())
    }
    const isTuple = kind === 'Group' && (sawComma || children.length === 0)
    const node = new nodes[isTuple ? 'Array' : kind](tok.lineno, tok.colno)
    for (const child of children) node.addChild(child)
    return node
  }

  proto.parseSignature = function parseSignature(this: Parser, tolerant?: boolean, noParens?: boolean): AstNode | null {
    let tok = this.peekToken()
    if (!noParens && tok.type !== lexer.TOKEN_LEFT_PAREN) {
      if (tolerant) return null
      this.fail('expected arguments', tok.lineno, tok.colno)
    }
    if (tok.type === lexer.TOKEN_LEFT_PAREN) tok = this.nextToken()
    const args = new nodes.NodeList(tok.lineno, tok.colno)
    const kwargs = new nodes.KeywordArgs(tok.lineno, tok.colno)
    let checkComma = false
    for (;;) {
      tok = this.peekToken()
      if (!noParens && tok.type === lexer.TOKEN_RIGHT_PAREN) {
        this.nextToken()
        break
      }
      if (noParens && tok.type === lexer.TOKEN_BLOCK_END) break
      if (checkComma) {
        if (!this.skip(lexer.TOKEN_COMMA)) this.fail('parseSignature: expected comma after expression', tok.lineno, tok.colno)
        const next = this.peekToken().type
        if ((!noParens && next === lexer.TOKEN_RIGHT_PAREN) || (noParens && next === lexer.TOKEN_BLOCK_END)) continue
      }
      const arg = this.parseExpression()
      if (this.skipValue(lexer.TOKEN_OPERATOR, '=')) kwargs.addChild(new nodes.Pair(arg.lineno, arg.colno, arg, this.parseExpression()))
      else args.addChild(arg)
      checkComma = true
    }
    if (kwargs.children.length) args.addChild(kwargs)
    return args
  }
}

type BalancedTokenizer = Tokenizer & {maestroBraces?: number}

function installBraceBalancing(nj: NunjucksModule): void {
  const {lexer} = nj
  const proto = Object.getPrototypeOf(lexer.lex('', {})) as Tokenizer
  const nextToken = proto.nextToken
  proto.nextToken = function balancedNextToken(this: BalancedTokenizer): Token | null {
    const depth = this.maestroBraces ?? 0
    if (this.in_code && depth > 0 && this.current() === '}') {
      const tok = {type: lexer.TOKEN_RIGHT_CURLY, value: '}', lineno: this.lineno, colno: this.colno}
      this.forward()
      this.maestroBraces = depth - 1
      return tok
    }
    const tok = nextToken.call(this)
    if (tok?.type === lexer.TOKEN_LEFT_CURLY) this.maestroBraces = depth + 1
    else if (tok?.type === lexer.TOKEN_RIGHT_CURLY) this.maestroBraces = Math.max(depth - 1, 0)
    else if (!this.in_code) this.maestroBraces = 0
    return tok
  }
}

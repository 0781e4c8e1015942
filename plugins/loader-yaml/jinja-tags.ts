import type {AstNode, Lexer, Nodes, Parser} from './nunjucks-internals.js'

/** A nunjucks extension object (`env.addExtension(name, ext)`). */
export interface TagExtension {
  readonly tags: string[]
  parse(parser: Parser, nodes: Nodes, lexer: Lexer): AstNode
}

/**
 * `{% with a = 1, b = x %}...{% endwith %}`: nunjucks has no `with`. The tag compiles to an immediately
 * called anonymous macro (the AST `{% call %}` builds), so the names are scoped to the block and the
 * values are evaluated in the enclosing scope, as in Jinja2.
 */
export const withTag: TagExtension = {
  tags: ['with'],
  parse(parser, nodes, lexer) {
    const tok = parser.nextToken()
    const names = new nodes.NodeList(tok.lineno, tok.colno)
    const values = new nodes.NodeList(tok.lineno, tok.colno)
    while (parser.peekToken().type !== lexer.TOKEN_BLOCK_END) {
      if (names.children.length > 0 && !parser.skip(lexer.TOKEN_COMMA)) parser.fail('with: expected comma between assignments', tok.lineno, tok.colno)
      if (parser.peekToken().type === lexer.TOKEN_BLOCK_END) break
      const target = parser.parsePrimary()
      if (target.typename !== 'Symbol') parser.fail('with: expected a variable name', target.lineno, target.colno)
      if (!parser.skipValue(lexer.TOKEN_OPERATOR, '=')) parser.fail('with: expected = after the variable name', target.lineno, target.colno)
      names.addChild(target)
      values.addChild(parser.parseExpression())
    }
    parser.advanceAfterBlockEnd(tok.value)
    const body = parser.parseUntilBlocks('endwith')
    parser.advanceAfterBlockEnd()
    const scope = new nodes.Caller(tok.lineno, tok.colno, new nodes.Symbol(tok.lineno, tok.colno, 'with'), names, body)
    return new nodes.Output(tok.lineno, tok.colno, [new nodes.FunCall(tok.lineno, tok.colno, scope, values)])
  },
}

/** `{% do expr %}` (Jinja2's `do` extension): evaluates an expression for its side effect. */
export const doTag: TagExtension = {
  tags: ['do'],
  parse(parser, nodes) {
    const tok = parser.nextToken()
    const expr = parser.parseExpression()
    parser.advanceAfterBlockEnd(tok.value)
    const discard = new nodes.Filter(tok.lineno, tok.colno, new nodes.Symbol(tok.lineno, tok.colno, 'maestro_discard'), new nodes.NodeList(tok.lineno, tok.colno, [expr]))
    return new nodes.Output(tok.lineno, tok.colno, [discard])
  },
}

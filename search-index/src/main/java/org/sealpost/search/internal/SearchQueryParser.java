package org.sealpost.search.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.QueryProblem;
import org.sealpost.search.internal.QueryLexer.Kind;
import org.sealpost.search.internal.QueryLexer.Token;

/**
 * Parses the search syntax documented on {@link org.sealpost.search.MessageIndex}.
 *
 * <pre>
 * search  = all END
 * all     = any { [AND] any }          the implied AND binds loosest, as in Gmail
 * any     = unary { OR unary }
 * unary   = ("-" | NOT) unary | PREFIX unary | primary
 * primary = "(" all ")" | WORD | PHRASE
 * </pre>
 *
 * <p>A hand-written parser rather than Lucene's: it knows only what hashed terms can answer, so
 * there is no field, range or wildcard syntax to escape through, and every error is one of
 * {@link QueryProblem}'s codes, with the position and the token at fault, rather than a parser's
 * "Encountered ... at column 7".
 */
final class SearchQueryParser {

    static final int MAX_LENGTH = QueryProblem.MAX_LENGTH;
    static final int MAX_TERMS = QueryProblem.MAX_TERMS;
    static final int MAX_DEPTH = QueryProblem.MAX_DEPTH;

    private final List<Token> tokens;
    private int next;
    private int terms;
    /** The "(" tokens not yet closed, innermost first: an unclosed one is named by its position. */
    private final Deque<Token> open = new ArrayDeque<>();

    private SearchQueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static QueryNode parse(String query) throws InvalidQueryException {
        if (query == null || query.isBlank()) {
            throw QueryProblem.BLANK.exception();
        }
        if (query.length() > MAX_LENGTH) {
            throw QueryProblem.TOO_LONG.exception();
        }
        SearchQueryParser parser = new SearchQueryParser(QueryLexer.tokenize(query));
        QueryNode node = parser.all(Scope.EVERY_TEXT_FIELD, 0);
        if (parser.peek() == Kind.CLOSE) {
            throw parser.refuse(QueryProblem.UNOPENED_PARENTHESIS, parser.tokens.get(parser.next));
        }
        return node;
    }

    private QueryNode all(Scope scope, int depth) throws InvalidQueryException {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(any(scope, depth));
        while (peek() != Kind.END && peek() != Kind.CLOSE) {
            if (peek() == Kind.AND) {
                requireOperand(QueryProblem.DANGLING_AND, take());
            }
            parts.add(any(scope, depth));
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.All(parts);
    }

    private QueryNode any(Scope scope, int depth) throws InvalidQueryException {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(unary(scope, depth));
        while (peek() == Kind.OR) {
            requireOperand(QueryProblem.DANGLING_OR, take());
            parts.add(unary(scope, depth));
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.Any(parts);
    }

    private QueryNode unary(Scope scope, int depth) throws InvalidQueryException {
        Token token = tokens.get(next);
        return switch (token.kind()) {
            case MINUS -> {
                take();
                yield new QueryNode.Not(unary(scope, depth));
            }
            case NOT -> {
                requireOperand(QueryProblem.DANGLING_NOT, take());
                yield new QueryNode.Not(unary(scope, depth));
            }
            case PREFIX -> {
                take();
                yield unary(Scope.ofPrefix(token.text()), depth);
            }
            case AND -> throw refuse(QueryProblem.DANGLING_AND, token);
            case END -> throw unclosed(); // only "(" reaches here
            case OR -> throw refuse(QueryProblem.DANGLING_OR, token);
            default -> primary(scope, depth);
        };
    }

    private QueryNode primary(Scope scope, int depth) throws InvalidQueryException {
        Token token = take();
        switch (token.kind()) {
            case OPEN -> {
                if (depth == MAX_DEPTH) {
                    throw refuse(QueryProblem.TOO_DEEP, token);
                }
                if (peek() == Kind.CLOSE) {
                    throw refuse(QueryProblem.EMPTY_PARENTHESES, token);
                }
                open.push(token);
                QueryNode inner = all(scope, depth + 1);
                if (take().kind() != Kind.CLOSE) {
                    throw unclosed();
                }
                open.pop();
                return inner;
            }
            case WORD, PHRASE -> {
                terms += token.kind() == Kind.PHRASE ? wordsIn(token.text()) : 1;
                if (terms > MAX_TERMS) {
                    throw refuse(QueryProblem.TOO_MANY_TERMS, token);
                }
                return scope.folder()
                        ? new QueryNode.Folder(token.text())
                        : new QueryNode.Text(token.text(), token.kind() == Kind.PHRASE, scope.fields());
            }
            default -> throw refuse(QueryProblem.UNOPENED_PARENTHESIS, token);
        }
    }

    /** What the words at this point of the search are looked for in: text fields or folders. */
    private record Scope(Set<SearchField> fields, boolean folder) {
        static final Scope EVERY_TEXT_FIELD = new Scope(SearchField.ALL, false);

        static Scope ofPrefix(String prefix) {
            return prefix.equals(QueryLexer.FOLDER_PREFIX)
                    ? new Scope(Set.of(), true)
                    : new Scope(SearchField.BY_PREFIX.get(prefix), false);
        }
    }

    private static int wordsIn(String phrase) {
        String trimmed = phrase.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private void requireOperand(QueryProblem problem, Token operator) throws InvalidQueryException {
        Kind kind = peek();
        if (kind == Kind.END || kind == Kind.CLOSE || kind == Kind.AND || kind == Kind.OR) {
            throw refuse(problem, operator);
        }
    }

    private InvalidQueryException refuse(QueryProblem problem, Token token) {
        return problem.at(token.at(), token.text());
    }

    private InvalidQueryException unclosed() {
        return open.isEmpty()
                ? QueryProblem.UNCLOSED_PARENTHESIS.exception()
                : refuse(QueryProblem.UNCLOSED_PARENTHESIS, open.peek());
    }

    private Kind peek() {
        return tokens.get(next).kind();
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }
}

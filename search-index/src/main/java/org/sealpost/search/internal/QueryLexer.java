package org.sealpost.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.QueryProblem;

/**
 * Splits a search into tokens and refuses, by name, the search kinds that hashed terms cannot
 * serve. Quoted text is taken literally: {@code "what?"} is a phrase, not a wildcard.
 */
final class QueryLexer {

    enum Kind {
        WORD,
        PHRASE,
        PREFIX,
        MINUS,
        AND,
        OR,
        NOT,
        OPEN,
        CLOSE,
        END
    }

    /** A token and the 0-based index in the query where it starts. */
    record Token(Kind kind, String text, int at) {}

    /** The prefix that names a folder rather than a text field. */
    static final String FOLDER_PREFIX = "in";

    private final String query;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private QueryLexer(String query) {
        this.query = query;
    }

    static List<Token> tokenize(String query) throws InvalidQueryException {
        QueryLexer lexer = new QueryLexer(query);
        lexer.run();
        refuseRanges(lexer.tokens);
        return List.copyOf(lexer.tokens);
    }

    private void run() throws InvalidQueryException {
        while (at < query.length()) {
            char c = query.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '(') {
                emit(Kind.OPEN, "(", at);
                at++;
            } else if (c == ')') {
                emit(Kind.CLOSE, ")", at);
                at++;
            } else if (c == '"') {
                phrase();
            } else if (c == '-') {
                if (!somethingFollows(at + 1)) {
                    throw QueryProblem.LONE_MINUS.at(at, "-");
                }
                emit(Kind.MINUS, "-", at);
                at++;
            } else if (c == '+' && somethingFollows(at + 1)) {
                at++; // "+word" (a search-engine habit) means the word itself, as every word is required
            } else {
                word();
            }
        }
        emit(Kind.END, "", at);
    }

    private void phrase() throws InvalidQueryException {
        int close = query.indexOf('"', at + 1);
        if (close < 0) {
            throw QueryProblem.UNBALANCED_QUOTES.at(at, "\"");
        }
        emit(Kind.PHRASE, query.substring(at + 1, close), at);
        at = close + 1;
        if (at < query.length() && query.charAt(at) == '~') {
            throw QueryProblem.FUZZY.at(at, "~");
        }
    }

    private void word() throws InvalidQueryException {
        int end = at;
        while (end < query.length() && !endsWord(query.charAt(end))) {
            end++;
        }
        String word = query.substring(at, end);
        int colon = word.indexOf(':');
        if (colon > 0) {
            String prefix = word.substring(0, colon).toLowerCase(Locale.ROOT);
            if (prefix.equals(FOLDER_PREFIX) || SearchField.BY_PREFIX.containsKey(prefix)) {
                at += colon + 1;
                if (!somethingFollows(at)) {
                    throw QueryProblem.NOTHING_AFTER_PREFIX.at(at - colon - 1, prefix);
                }
                emit(Kind.PREFIX, prefix, at - colon - 1);
                return;
            }
        }
        refuseUnsupported(word, at);
        switch (word) {
            case "AND" -> emit(Kind.AND, word, at);
            case "OR" -> emit(Kind.OR, word, at);
            case "NOT" -> emit(Kind.NOT, word, at);
            default -> emit(Kind.WORD, word, at);
        }
        at = end;
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
    }

    private boolean somethingFollows(int index) {
        return index < query.length() && !Character.isWhitespace(query.charAt(index)) && query.charAt(index) != ')';
    }

    private static void refuseUnsupported(String word, int at) throws InvalidQueryException {
        if (word.length() > 2 && word.startsWith("/") && word.endsWith("/")) {
            throw QueryProblem.REGEX.at(at, word);
        }
        if (word.indexOf('*') >= 0 || hasInnerQuestionMark(word)) {
            throw QueryProblem.WILDCARD.at(at, word);
        }
        int tilde = word.lastIndexOf('~');
        if (tilde > 0 && word.substring(tilde + 1).chars().allMatch(c -> c == '.' || isDigit(c))) {
            throw QueryProblem.FUZZY.at(at, word);
        }
    }

    /** A trailing question mark is punctuation ("invoice?"); one before a letter is a wildcard. */
    private static boolean hasInnerQuestionMark(String word) {
        for (int i = word.indexOf('?'); i >= 0; i = word.indexOf('?', i + 1)) {
            if (i + 1 < word.length() && Character.isLetterOrDigit(word.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [a TO b]} or {@code {a TO b}}; a lone {@code [URGENT]} is just a word. */
    private static void refuseRanges(List<Token> tokens) throws InvalidQueryException {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token first = tokens.get(i);
            if (first.kind() == Kind.WORD
                    && (first.text().startsWith("[") || first.text().startsWith("{"))
                    && tokens.get(i + 1).kind() == Kind.WORD
                    && tokens.get(i + 1).text().equals("TO")) {
                throw QueryProblem.RANGE.at(first.at(), first.text());
            }
        }
    }

    private void emit(Kind kind, String text, int start) {
        tokens.add(new Token(kind, text, start));
    }
}

package org.sealpost.search;

import java.util.OptionalInt;

/**
 * Everything that can be wrong with a search, as a stable code. The module has no sentences: a
 * caller says the problem in its reader's language, filled with {@link #limit()} and the
 * exception's {@link InvalidQueryException#position() position} and {@link
 * InvalidQueryException#term() term}.
 */
public enum QueryProblem {
    /** Nothing but white space. */
    BLANK,
    /** Only punctuation, which the analysis drops. */
    NO_WORDS,
    /** Longer than {@link #MAX_LENGTH} characters. */
    TOO_LONG,
    /** More than {@link #MAX_TERMS} words; the term is the first word too many, where known. */
    TOO_MANY_TERMS,
    /** Parentheses nested deeper than {@link #MAX_DEPTH}; at the "(" one level too deep. */
    TOO_DEEP,
    /** A quotation mark, at its position, that no second one closes. */
    UNBALANCED_QUOTES,
    /** A "(", at its position, never closed. */
    UNCLOSED_PARENTHESIS,
    /** A ")", at its position, with no "(" before it. */
    UNOPENED_PARENTHESIS,
    /** "()", at the "(". */
    EMPTY_PARENTHESES,
    /** A "-" with nothing directly after it. */
    LONE_MINUS,
    /** AND without a word on one side. */
    DANGLING_AND,
    /** OR without a word on one side. */
    DANGLING_OR,
    /** NOT without a word after it. */
    DANGLING_NOT,
    /** A word with * or an inner ?: the term is the word as typed. */
    WILDCARD,
    /** A word or phrase followed by ~: the term is the word as typed, or "~" after a phrase. */
    FUZZY,
    /** A /regular expression/: the term is the word as typed. */
    REGEX,
    /** [a TO b] or {a TO b}: the term is the opening word. */
    RANGE,
    /** A field prefix with nothing after it, such as {@code from: alice}: the term is the prefix. */
    NOTHING_AFTER_PREFIX;

    /** Longest query text, in characters. */
    public static final int MAX_LENGTH = 1_000;

    /** Most words (and phrase words) in one query. */
    public static final int MAX_TERMS = 50;

    /** Deepest nesting of parentheses. */
    public static final int MAX_DEPTH = 8;

    /** The limit the problem is about ({@link #TOO_LONG}, {@link #TOO_MANY_TERMS}, {@link #TOO_DEEP}). */
    public OptionalInt limit() {
        return switch (this) {
            case TOO_LONG -> OptionalInt.of(MAX_LENGTH);
            case TOO_MANY_TERMS -> OptionalInt.of(MAX_TERMS);
            case TOO_DEEP -> OptionalInt.of(MAX_DEPTH);
            default -> OptionalInt.empty();
        };
    }

    /** The exception for the search as a whole (blank, too long, no words). */
    public InvalidQueryException exception() {
        return new InvalidQueryException(this, -1, null);
    }

    /**
     * The exception for one place of the search.
     *
     * @param position the 0-based index in the query of the character or word at fault
     * @param term     the text at fault as typed (a word, an operator, a prefix)
     */
    public InvalidQueryException at(int position, String term) {
        if (position < 0) {
            throw new IllegalArgumentException("position " + position);
        }
        return new InvalidQueryException(this, position, java.util.Objects.requireNonNull(term, "term"));
    }
}

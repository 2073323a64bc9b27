package org.sealpost.search;

import java.util.OptionalInt;

/**
 * Everything that can be wrong with a search, each said once. The English sentence is for
 * logs and for callers without a bundle of their own; a portal shows the sentence of its own
 * resource bundle for the constant's name, with {@link #limit()} or the field prefix filled in.
 */
public enum QueryProblem {
    BLANK("Type a word or a phrase to search for."),
    NO_WORDS("Your search has no words to look for: punctuation alone is ignored."),
    TOO_LONG("Your search is too long: use at most " + QueryProblem.MAX_LENGTH + " characters."),
    TOO_MANY_TERMS("Your search has too many words: use at most " + QueryProblem.MAX_TERMS + " words."),
    TOO_DEEP("Your search nests parentheses too deeply: use at most " + QueryProblem.MAX_DEPTH + " levels."),
    UNBALANCED_QUOTES("Unbalanced quotes in your search: close each phrase with a second quotation mark."),
    UNCLOSED_PARENTHESIS("Unbalanced parentheses in your search: a \"(\" is never closed."),
    UNOPENED_PARENTHESIS("Unbalanced parentheses in your search: a \")\" has no matching \"(\" before it."),
    EMPTY_PARENTHESES("Empty parentheses in your search: put words between them or remove them."),
    LONE_MINUS("A minus sign must be followed directly by the word to leave out, as in -draft."),
    DANGLING_AND("AND must stand between two search words, as in invoice AND march."),
    DANGLING_OR("OR must stand between two search words, as in invoice OR receipt."),
    DANGLING_NOT("NOT must be followed by the word to leave out, as in NOT draft."),
    WILDCARD("Wildcard search (* or ?) is not supported: search for whole words."),
    FUZZY("Fuzzy and proximity search (~) are not supported: search for whole words or an exact" + " \"phrase\"."),
    REGEX("Regular-expression search (/.../) is not supported: search for whole words."),
    RANGE("Range search ([a TO b]) is not supported: search for whole words."),
    /** A field prefix with nothing after it, such as {@code from: alice}; the prefix comes along. */
    NOTHING_AFTER_PREFIX("Write what to look for right after the field name and its colon, without a space.");

    /** Longest query text, in characters. */
    public static final int MAX_LENGTH = 1_000;

    /** Most words (and phrase words) in one query. */
    public static final int MAX_TERMS = 50;

    /** Deepest nesting of parentheses. */
    public static final int MAX_DEPTH = 8;

    private final String sentence;

    QueryProblem(String sentence) {
        this.sentence = sentence;
    }

    /** The limit the sentence names ({@link #TOO_LONG}, {@link #TOO_MANY_TERMS}, {@link #TOO_DEEP}). */
    public OptionalInt limit() {
        return switch (this) {
            case TOO_LONG -> OptionalInt.of(MAX_LENGTH);
            case TOO_MANY_TERMS -> OptionalInt.of(MAX_TERMS);
            case TOO_DEEP -> OptionalInt.of(MAX_DEPTH);
            default -> OptionalInt.empty();
        };
    }

    /** The exception, its message the English sentence. */
    public InvalidQueryException exception() {
        return new InvalidQueryException(this, null, sentence);
    }

    /** A field prefix with nothing after it, such as {@code from: alice}. */
    public static InvalidQueryException nothingAfterPrefix(String prefix) {
        return new InvalidQueryException(
                NOTHING_AFTER_PREFIX,
                prefix,
                "Write what to look for right after \""
                        + prefix
                        + ":\", without a space, as in "
                        + prefix
                        + ":"
                        + example(prefix)
                        + ".");
    }

    /** A word that fits after {@code prefix:} in an example. */
    public static String example(String prefix) {
        return switch (prefix) {
            case "from" -> "alice";
            case "to" -> "bob";
            case "cc" -> "carol";
            case "attachment" -> "pdf";
            case "in" -> "inbox";
            default -> "invoice";
        };
    }
}

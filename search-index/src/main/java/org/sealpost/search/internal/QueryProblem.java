package org.sealpost.search.internal;

import org.sealpost.search.InvalidQueryException;

/** Everything that can be wrong with a search, each said once, as the user will read it. */
enum QueryProblem {
  BLANK("Type a word or a phrase to search for."),
  NO_WORDS("Your search has no words to look for: punctuation alone is ignored."),
  TOO_LONG("Your search is too long: use at most " + SearchQueryParser.MAX_LENGTH + " characters."),
  TOO_MANY_TERMS(
      "Your search has too many words: use at most " + SearchQueryParser.MAX_TERMS + " words."),
  TOO_DEEP(
      "Your search nests parentheses too deeply: use at most "
          + SearchQueryParser.MAX_DEPTH
          + " levels."),
  UNBALANCED_QUOTES(
      "Unbalanced quotes in your search: close each phrase with a second quotation mark."),
  UNCLOSED_PARENTHESIS("Unbalanced parentheses in your search: a \"(\" is never closed."),
  UNOPENED_PARENTHESIS(
      "Unbalanced parentheses in your search: a \")\" has no matching \"(\" before it."),
  EMPTY_PARENTHESES("Empty parentheses in your search: put words between them or remove them."),
  LONE_MINUS("A minus sign must be followed directly by the word to leave out, as in -draft."),
  DANGLING_AND("AND must stand between two search words, as in invoice AND march."),
  DANGLING_OR("OR must stand between two search words, as in invoice OR receipt."),
  DANGLING_NOT("NOT must be followed by the word to leave out, as in NOT draft."),
  WILDCARD("Wildcard search (* or ?) is not supported: search for whole words."),
  FUZZY(
      "Fuzzy and proximity search (~) are not supported: search for whole words or an exact"
          + " \"phrase\"."),
  REGEX("Regular-expression search (/.../) is not supported: search for whole words."),
  RANGE("Range search ([a TO b]) is not supported: search for whole words.");

  private final String message;

  QueryProblem(String message) {
    this.message = message;
  }

  InvalidQueryException exception() {
    return new InvalidQueryException(message);
  }

  /** A field prefix with nothing after it, such as {@code from: alice}. */
  static InvalidQueryException nothingAfterPrefix(String prefix) {
    return new InvalidQueryException(
        "Write what to look for right after \""
            + prefix
            + ":\", without a space, as in "
            + prefix
            + ":"
            + example(prefix)
            + ".");
  }

  private static String example(String prefix) {
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

package org.sealpost.search;

/**
 * A search the index cannot run: blank, malformed (an unclosed quote, a dangling {@code AND}),
 * too large, or asking for a kind of search that keyed-hash terms cannot support (wildcards,
 * fuzzy, regular expressions, ranges).
 *
 * <p>The message is one plain sentence meant for the person who typed the search, such as
 * {@code Unbalanced quotes in your search: close each phrase with a second quotation mark.}
 * It never contains parser internals.
 */
public class InvalidQueryException extends Exception {

  public InvalidQueryException(String userMessage) {
    super(userMessage);
  }
}

package org.sealpost.search;

/**
 * Full-text search over the messages of many accounts, each search confined to one account.
 *
 * <p>Writes ({@link #index}, {@link #delete}, {@link #deleteAllOf}) are visible to every search
 * that starts after the write returned; {@link #commit()} makes them durable. The index is a
 * derived copy of the database and can be rebuilt from it at any time (drop the directory and
 * feed every mailbox entry again), so a lost or corrupt index costs a rebuild, never mail.
 *
 * <p>Implementations are safe for concurrent use by many threads.
 *
 * <h2>Query syntax</h2>
 *
 * <ul>
 *   <li>{@code invoice march}: every word must match (AND is implied); a word may match in any
 *       field (sender, recipients, subject, body, attachment names).
 *   <li>{@code "quarterly report"}: the words in exactly this order.
 *   <li>{@code -draft} or {@code NOT draft}: messages without the word.
 *   <li>{@code invoice OR receipt}: either. {@code OR} binds tighter than the implied AND, as in
 *       Gmail: {@code invoice march OR april} means invoice AND (march OR april). Parentheses
 *       group: {@code (a b) OR c}. Operators are upper case; {@code or} is an ordinary word.
 *   <li>{@code from:}, {@code to:} (To and Cc), {@code cc:}, {@code subject:}, {@code body:},
 *       {@code attachment:} restrict a word, {@code "phrase"} or {@code (group)} to one field;
 *       {@code in:inbox}, {@code in:sent}, {@code in:trash} restrict to a folder.
 *   <li>Case and accents are ignored: {@code muller} finds Müller. Punctuation is ignored.
 * </ul>
 *
 * <p>Wildcards, fuzzy, proximity, regular-expression and range searches are refused with an
 * {@link InvalidQueryException}: the index holds keyed hashes of whole words, not the words,
 * so they cannot work. A blank query is refused too (there is nothing to rank); to list a
 * folder use {@code in:inbox}.
 */
public interface MessageIndex extends AutoCloseable {

    /** The deepest result page: {@code offset + limit} may not exceed it. */
    int MAX_WINDOW = 10_000;

    /** Adds the message, or replaces the one with the same account id and message id. */
    void index(IndexedMessage message);

    /** Removes one message of one account; does nothing if it is not indexed. */
    void delete(long accountId, String messageId);

    /** Removes every message of the account, as when the account is deleted. */
    void deleteAllOf(long accountId);

    /**
     * Searches one account's messages, best match first and, among equally good matches, newest
     * first.
     *
     * @param offset hits to skip, at least 0
     * @param limit most hits to return, at least 1; {@code offset + limit} at most {@link
     *     #MAX_WINDOW}
     * @throws InvalidQueryException if the query is blank, malformed or asks for something the
     *     index cannot do; its message can be shown to the user as it is
     */
    default SearchResult search(long accountId, String query, int offset, int limit) throws InvalidQueryException {
        return search(accountId, query, SearchOrder.RELEVANCE, offset, limit);
    }

    /** As {@link #search(long, String, int, int)}, in the given order. */
    SearchResult search(long accountId, String query, SearchOrder order, int offset, int limit)
            throws InvalidQueryException;

    /** How many messages of the account are indexed. */
    long count(long accountId);

    /** Makes every write so far survive a crash or restart. */
    void commit();

    /** Commits and releases the index; the instance cannot be used afterwards. */
    @Override
    void close();
}

/**
 * Full-text search over one account's messages, with an index whose files hold no message text.
 *
 * <p>{@link org.sealpost.search.MessageIndex} is the whole contract (its Javadoc has the query
 * syntax); {@link org.sealpost.search.MessageIndexes} opens the Lucene implementation, on disk
 * or in memory. The module knows nothing of the portal: the portal feeds it {@link
 * org.sealpost.search.IndexedMessage}s when mail arrives, moves or is deleted, and searches
 * with the signed-in account's id. Results are ordered by relevance, equally good matches
 * newest first; {@link org.sealpost.search.SearchOrder#NEWEST_FIRST} orders by date alone.
 *
 * <h2>Why keyed hashes</h2>
 *
 * <p>Sealpost promises that nothing readable is at rest. A normal Lucene index is a sorted list
 * of every word of every message, readable with {@code strings}. Here each word is replaced,
 * after case and accent folding, by a keyed pseudo-random function of the word under a secret
 * index key (SipHash-2-4, 64 bits, since index format 3; HMAC-SHA256 cut to 96 bits before). A query is analysed the same way, so words and "exact phrases" still
 * match; a backup, a stolen disk or a copied data directory without the key shows no subject,
 * sender, body or attachment name. The key lives with the installation's other keys, never in
 * the index directory. Wildcard, fuzzy, regular-expression and range searches cannot work on
 * hashes and are refused by name ({@link org.sealpost.search.QueryProblem}), with the place
 * and the word at fault.
 *
 * <h2>What still leaks to someone holding the index files without the key</h2>
 *
 * <ul>
 *   <li>Account ids, message ids, received times, how many messages each account has, and
 *       which messages share a folder (three folder hashes; their sizes tell which is INBOX).
 *   <li>The shape of every message: roughly how long each field is, which hashed words occur in
 *       it, how often, and in which order (positions are kept for phrase search). The index is
 *       therefore a word-by-word substitution of the text. Word frequencies follow the
 *       language, so with enough messages and a corpus of the same language the commonest words
 *       can be guessed, and order and co-occurrence help guess more: keyed hashes stop reading,
 *       grep and casual browsing, not a patient statistical attack on a large index.
 *   <li>Known plaintext: a word's hash is the same in every field, message and account (one key
 *       per installation). Whoever knows one message's text, for instance because they sent it,
 *       learns its words' hashes and can tell which other messages, in any account, contain
 *       them. A per-account key would confine this to one account at the price of a term
 *       dictionary about as many times larger as there are accounts; it is not done.
 *   <li>Deleted messages stay in the files until Lucene merges their segment away.
 * </ul>
 *
 * <p>So keep the data directory on an encrypted file system as well, as with the database.
 *
 * <h2>Losing the index is not losing mail</h2>
 *
 * <p>The database is the only source of truth; the index is derived from it and can be dropped
 * and rebuilt at any time, for instance after a crash that corrupted it, a new index key, or a
 * change of analysis (the index records a format version and refuses one it does not know).
 * Writes since the last {@link org.sealpost.search.MessageIndex#commit()} may be lost in a
 * crash; the portal should re-feed what changed since the last commit, or rebuild.
 */
package org.sealpost.search;

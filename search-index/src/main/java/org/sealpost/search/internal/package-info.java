/**
 * The Lucene implementation of {@link org.sealpost.search.MessageIndex}; nothing here is API.
 *
 * <ul>
 *   <li>{@link org.sealpost.search.internal.KeyedHashAnalyzer}: tokenise, fold accents,
 *       lower-case, then {@link org.sealpost.search.internal.KeyedHashFilter} replaces each
 *       token by {@link org.sealpost.search.internal.TermHasher}'s SipHash-2-4, position kept,
 *       as 8 raw bytes ({@link org.sealpost.search.internal.KeyedTermAttributeImpl}, index
 *       format 3, ADR 0028). The same analysis serves indexing and queries, and keeps no word
 *       between tokens.
 *   <li>{@link org.sealpost.search.internal.SearchQueryParser} (with {@link
 *       org.sealpost.search.internal.QueryLexer}) parses the user's search into {@link
 *       org.sealpost.search.internal.QueryNode}s; it refuses what hashes cannot do, by name,
 *       with {@link org.sealpost.search.QueryProblem}'s codes. Lucene's own query
 *       parsers are not used: their syntax reaches any field and their errors read like
 *       compiler output.
 *   <li>{@link org.sealpost.search.internal.LuceneQueryFactory} turns the parse into a Lucene
 *       query inside a FILTER clause on the account, which no search text can reach.
 *   <li>{@link org.sealpost.search.internal.LuceneMessageIndex} owns the one {@code
 *       IndexWriter} and a {@code SearcherManager}, refreshed by the first search after a write.
 * </ul>
 *
 * <p>Per document: the account id and "account/message id" as plain keyword terms, the folder
 * as a hashed keyword, the received time as doc values (sorting), the message id as the only
 * stored field, and six hashed text fields (from, to, cc, subject, body, attachment) with
 * positions and norms.
 */
package org.sealpost.search.internal;

/**
 * Search over a recipient's messages, wired to the {@code search-index} module (ADR 0004,
 * ADR 0007).
 *
 * <p>The database stays the only source of truth and the bridge's {@code 250} never waits
 * for Lucene: whoever changes a mailbox entry writes an id-only row to the {@link
 * org.sealpost.portal.message.SearchIndexQueue} in the same transaction, and the {@link
 * org.sealpost.portal.search.SearchIndexer} brings the node's index ({@link
 * org.sealpost.portal.search.PortalSearchIndex}, under the data directory) up to date within
 * about a second: decrypt, reduce to text ({@link org.sealpost.portal.search.SearchDocuments}),
 * index, commit, and only then record how far it got. A lost or unusable index is rebuilt from
 * the database in the background. {@link org.sealpost.portal.search.MessageSearch} answers the
 * search page, always for the signed-in account only.
 *
 * <p>One index per node, and every node's index takes in every change: the queue is read, not
 * consumed; each index keeps its own position in it ({@link
 * org.sealpost.portal.search.IndexFollowers}, in commit-safe order below the server's oldest
 * running transaction), and the rows go once every live index has passed them (ADR 0017).
 * Search across many nodes may later move to a search server behind the same interface
 * (docs/ARCHITECTURE.md, "Scaling past one node").
 */
package org.sealpost.portal.search;

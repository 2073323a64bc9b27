package org.sealpost.portal.search;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.SearchResult;

/**
 * A recipient searches their own messages. Confined to the account twice: the index adds an
 * account clause the query text cannot reach, and each hit is then looked up by (entry,
 * account), so even a wrong document in the index could not show another account's message.
 */
@Stateless
public class MessageSearch {

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private MessageSealer sealer;

    /** The open index: this node's, or in tests one opened on a directory of their own. */
    private Supplier<MessageIndex> index;

    /** For the container, which injects the fields and {@link #searchOn}. */
    public MessageSearch() {}

    /** In the container: this node's index, asked for at each search (a closed one is refused then). */
    @Inject
    void searchOn(PortalSearchIndex nodeIndex) {
        index = nodeIndex::index;
    }

    /** For tests against a plain database and an index they opened. */
    MessageSearch(DataSource dataSource, MessageSealer sealer, MessageIndex index) {
        this.dataSource = dataSource;
        this.sealer = sealer;
        this.index = () -> index;
    }

    /** The most results a search pages through: the index's window. */
    public static final int MAX_RESULTS = MessageIndex.MAX_WINDOW;

    /**
     * @throws UnsearchableQueryException when the query cannot run; the page says why
     */
    public SearchResults search(long accountId, String query, int first, int max) throws UnsearchableQueryException {
        SearchResult result = run(accountId, query, first, max);
        if (result.hits().isEmpty()) {
            return new SearchResults(result.totalHits(), List.of());
        }
        Map<Long, SearchLine> found =
                lines(accountId, result.messageIds().stream().map(Long::valueOf).toList());
        List<SearchLine> lines = new ArrayList<>();
        for (String id : result.messageIds()) {
            SearchLine line = found.get(Long.valueOf(id));
            if (line != null) { // null: deleted a moment ago, its index document not yet removed
                lines.add(line);
            }
        }
        return new SearchResults(result.totalHits(), lines);
    }

    /** How many of the account's messages the query finds. */
    public long count(long accountId, String query) throws UnsearchableQueryException {
        return run(accountId, query, 0, 1).totalHits();
    }

    private SearchResult run(long accountId, String query, int first, int max) throws UnsearchableQueryException {
        try {
            return index.get().search(accountId, query, first, max);
        } catch (InvalidQueryException e) {
            throw new UnsearchableQueryException(
                    SearchProblem.of(e.problem()), e.problem().limit(), e.position(), e.term(), e.getMessage());
        }
    }

    private Map<Long, SearchLine> lines(long accountId, List<Long> entryIds) {
        Map<Long, SearchLine> lines = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (StoredMessages.ListedEntry e :
                    StoredMessages.listed(c, sealer, accountId, entryIds).values()) {
                lines.put(
                        e.entryId(),
                        new SearchLine(e.entryId(), e.sender(), e.subject(), e.receivedAt(), e.folder(), e.read()));
            }
        } catch (SealBrokenException e) {
            // Not the database's fault, and not passing: a damaged row or a retired key.
            throw new IllegalStateException("message " + e.messageId() + " cannot be decrypted: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StorageUnavailableException("the messages found cannot be read now", e);
        }
        return lines;
    }
}

package org.sealpost.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.sealpost.search.IndexedMessage;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.QueryProblem;
import org.sealpost.search.SearchOrder;
import org.sealpost.search.SearchResult;

/**
 * The Lucene {@link MessageIndex}: one {@link IndexWriter}, and a {@link SearcherManager} that
 * is refreshed lazily, by the first search after a write, so bulk indexing pays for no reader
 * reopens and every search still sees every write that returned before it started.
 *
 * <p>Each commit records a key check value and the format version; opening an index built with
 * another key, or by an incompatible version, is refused instead of silently finding nothing.
 * The index owns its {@link Directory} and closes it.
 */
public final class LuceneMessageIndex implements MessageIndex {

    static final String FORMAT = "sealpost.search.format";
    /**
     * The one format this code writes and reads. 1: terms as 16 base64url characters (ADR 0004);
     * 2: the same 12 hash bytes, raw (ADR 0025); 3: 8 bytes of SipHash-2-4 (ADR 0028). The terms differ, so an index of another format
     * would find nothing: it is refused, and the portal replaces and rebuilds it (ADR 0017).
     */
    static final String FORMAT_VERSION = "3";

    static final String KEY_CHECK = "sealpost.search.keyCheck";

    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.MESSAGE_ID);
    private static final SortField NEWEST = new SortField(IndexFields.RECEIVED_AT, SortField.Type.LONG, true);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, NEWEST);
    private static final Sort BY_DATE = new Sort(NEWEST);
    private static final double RAM_BUFFER_MB = 64;

    private final Directory directory;
    private final TermHasher hasher;
    /** One analysis for indexing and queries alike: since format 3 it keeps nothing between tokens (ADR 0028). */
    private final KeyedHashAnalyzer analyzer;

    private final LuceneQueryFactory queries;
    private final MessageDocuments documents;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Writes that returned, and how many of them the current searcher is known to see. */
    private final AtomicLong writes = new AtomicLong();

    private final AtomicLong visibleWrites = new AtomicLong();

    /**
     * Opens or creates the index in the directory.
     *
     * @throws IllegalArgumentException if the key is too short, or the index was built with
     *     another key or by an incompatible version
     */
    public LuceneMessageIndex(Directory directory, byte[] indexKey) {
        this.directory = Objects.requireNonNull(directory, "directory");
        TermHasher hasher = new TermHasher(indexKey);
        this.hasher = hasher;
        this.analyzer = new KeyedHashAnalyzer(hasher);
        this.queries = new LuceneQueryFactory(analyzer, hasher);
        this.documents =
                new MessageDocuments(folder -> queries.folderTerm(folder).bytes());
        IndexWriter opened = null;
        try {
            refuseForeignIndex(directory, hasher);
            opened = openWriter(directory, analyzer, hasher);
            this.searchers = new SearcherManager(opened, null);
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                try {
                    opened.rollback(); // releases the write lock
                } catch (IOException | RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot open the search index", io);
            }
            throw (RuntimeException) e;
        }
        this.writer = opened;
    }

    /** A writer whose every commit, starting with one now, records the format and key check. */
    private static IndexWriter openWriter(Directory directory, KeyedHashAnalyzer analyzer, TermHasher hasher)
            throws IOException {
        IndexWriter writer = new IndexWriter(directory, writerConfig(analyzer));
        try {
            writer.setLiveCommitData(Map.of(FORMAT, FORMAT_VERSION, KEY_CHECK, hasher.keyCheckValue())
                    .entrySet());
            writer.commit();
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    /** How the writer buffers and merges; the benchmark's plain-Lucene baseline uses it too. */
    static IndexWriterConfig writerConfig(Analyzer analyzer) {
        return new IndexWriterConfig(analyzer).setRAMBufferSizeMB(RAM_BUFFER_MB);
    }

    private static void refuseForeignIndex(Directory directory, TermHasher hasher) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        Map<String, String> recorded = SegmentInfos.readLatestCommit(directory).getUserData();
        String format = recorded.get(FORMAT);
        if (!FORMAT_VERSION.equals(format)) {
            throw new IllegalArgumentException("The search index was written in "
                    + (format == null ? "an unknown format" : "format " + format)
                    + ", this version reads only format " + FORMAT_VERSION
                    + "; delete it and rebuild it from the database");
        }
        if (!hasher.matchesKeyCheckValue(recorded.get(KEY_CHECK))) {
            throw new IllegalArgumentException(
                    "The search index was built with another index key; delete it and rebuild it from"
                            + " the database");
        }
    }

    @Override
    public void index(IndexedMessage message) {
        Document document = documents.toDocument(message);
        write(() -> writer.updateDocument(IndexFields.keyTerm(message.accountId(), message.messageId()), document));
    }

    @Override
    public void delete(long accountId, String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        write(() -> writer.deleteDocuments(IndexFields.keyTerm(accountId, messageId)));
    }

    @Override
    public void deleteAllOf(long accountId) {
        write(() -> writer.deleteDocuments(IndexFields.accountTerm(accountId)));
    }

    @Override
    public SearchResult search(long accountId, String query, SearchOrder order, int offset, int limit)
            throws InvalidQueryException {
        Objects.requireNonNull(order, "order");
        if (offset < 0 || limit < 1 || (long) offset + limit > MAX_WINDOW) {
            throw new IllegalArgumentException(
                    "Need offset >= 0, limit >= 1 and offset + limit <= %d, got offset %d, limit %d"
                            .formatted(MAX_WINDOW, offset, limit));
        }
        Query lucene = queries.forAccount(accountId, SearchQueryParser.parse(query));
        Sort sort = order == SearchOrder.RELEVANCE ? BY_RELEVANCE : BY_DATE;
        IndexSearcher searcher = acquire();
        try {
            // Integer.MAX_VALUE: count every hit, so that the total is exact, not "10,000+"
            TopFieldDocs top =
                    searcher.search(lucene, new TopFieldCollectorManager(sort, offset + limit, Integer.MAX_VALUE));
            int found = top.scoreDocs.length;
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(offset, found), found);
            if (order != SearchOrder.RELEVANCE) {
                TopFieldCollector.populateScores(page, searcher, lucene);
            }
            return new SearchResult(top.totalHits.value(), toHits(searcher.storedFields(), page, order));
        } catch (IndexSearcher.TooManyClauses e) {
            throw QueryProblem.TOO_MANY_TERMS.exception();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the index", e);
        } finally {
            release(searcher);
        }
    }

    /** Score and date come from the sort values: {score, date} or {date}. */
    private static List<SearchResult.Hit> toHits(StoredFields stored, ScoreDoc[] page, SearchOrder order)
            throws IOException {
        boolean byRelevance = order == SearchOrder.RELEVANCE;
        List<SearchResult.Hit> hits = new ArrayList<>(page.length);
        for (ScoreDoc scoreDoc : page) {
            FieldDoc fieldDoc = (FieldDoc) scoreDoc;
            float score = byRelevance ? (Float) fieldDoc.fields[0] : fieldDoc.score;
            Instant receivedAt = Instant.ofEpochMilli((Long) fieldDoc.fields[byRelevance ? 1 : 0]);
            String messageId = stored.document(scoreDoc.doc, HIT_FIELDS).get(IndexFields.MESSAGE_ID);
            hits.add(new SearchResult.Hit(messageId, receivedAt, score));
        }
        return hits;
    }

    @Override
    public long count(long accountId) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(LuceneQueryFactory.accountFilter(accountId));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count in the index", e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the search index", e);
        }
    }

    @Override
    public void close() {
        try (directory;
                analyzer;
                searchers;
                writer) {
            // closed in reverse order: the writer commits, then the readers and the directory go
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the search index", e);
        }
    }

    private interface Write {
        long run() throws IOException;
    }

    private void write(Write write) {
        try {
            write.run();
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the search index", e);
        }
    }

    /** A searcher that sees every write that returned before this call. */
    private IndexSearcher acquire() {
        try {
            long wanted = writes.get();
            if (visibleWrites.get() < wanted) {
                searchers.maybeRefreshBlocking();
                visibleWrites.accumulateAndGet(wanted, Math::max);
            }
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot refresh the search index reader", e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release a search index reader", e);
        }
    }
}

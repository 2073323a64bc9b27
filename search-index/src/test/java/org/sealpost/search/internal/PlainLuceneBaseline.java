package org.sealpost.search.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.sealpost.search.IndexedMessage;
import org.sealpost.search.InvalidQueryException;

/**
 * The benchmark's yardstick: the same documents, fields, tokenisation, folding, writer settings
 * and query shapes as {@link LuceneMessageIndex}, with readable words instead of keyed hashes.
 * The difference between the two builds is what the hashing costs. Test code only: a
 * production index must never hold readable words (ADR 0004).
 */
public final class PlainLuceneBaseline implements AutoCloseable {

    private static final Sort BY_RELEVANCE =
            new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.RECEIVED_AT, SortField.Type.LONG, true));

    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.MESSAGE_ID);

    private final Analyzer analyzer = new Analyzer(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer =
                    KeyedHashAnalyzer.tokenizerFor(fieldName, TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY);
            return new TokenStreamComponents(tokenizer, KeyedHashAnalyzer.normalised(tokenizer));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }
    };
    private final MessageDocuments documents = new MessageDocuments(BytesRef::new);
    private final LuceneQueryFactory queries = new LuceneQueryFactory(
            analyzer, new TermHasher("plain-baseline-needs-no-key-32b!".getBytes(StandardCharsets.US_ASCII)));
    private final FSDirectory directory;
    private final IndexWriter writer;
    private SearcherManager searchers;

    public PlainLuceneBaseline(Path path) throws IOException {
        directory = FSDirectory.open(path);
        writer = new IndexWriter(directory, LuceneMessageIndex.writerConfig(analyzer));
    }

    public void index(IndexedMessage message) throws IOException {
        writer.updateDocument(
                IndexFields.keyTerm(message.accountId(), message.messageId()), documents.toDocument(message));
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /** The total hits of a relevance-ordered first page, as {@link LuceneMessageIndex} runs it. */
    public long search(long accountId, String query, int limit) throws IOException, InvalidQueryException {
        if (searchers == null) {
            searchers = new SearcherManager(writer, null);
        }
        Query lucene = queries.forAccount(accountId, SearchQueryParser.parse(query));
        IndexSearcher searcher = searchers.acquire();
        try {
            TopFieldDocs top =
                    searcher.search(lucene, new TopFieldCollectorManager(BY_RELEVANCE, limit, Integer.MAX_VALUE));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) { // as the keyed index does to return message ids
                stored.document(hit.doc, HIT_FIELDS);
            }
            return top.totalHits.value();
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try (directory;
                analyzer;
                writer) {
            if (searchers != null) {
                searchers.close();
            }
        }
    }
}

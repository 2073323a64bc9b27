package org.sealpost.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.search.IndexedMessage;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.MessageIndex;
import org.sealpost.search.SearchOrder;
import org.sealpost.search.SearchResult;
import org.sealpost.testsupport.TestDatabase;

/**
 * The queue, the drain and the index's life cycle against a real PostgreSQL and a Lucene
 * index on disk: what is queued is indexed, nothing is forgotten before Lucene committed, and
 * an index that is missing, unusable, of an earlier format or from another database is rebuilt
 * from the database.
 */
class SearchIndexingIT {

    private static final byte[] KEY = "search indexing test index key!!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private DataSource db;
    private MessageSealer sealer;
    private Path indexDir;
    private MessageIndex index;
    private UUID indexId;
    private long anna;
    private long ben;

    @BeforeEach
    void twoAccountsAndAnEmptyNode() throws SQLException {
        db = TestDatabase.server().createDatabase("searchindexing").dataSource();
        SchemaMigrations.migrate(db);
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
        indexDir = dir.resolve("search");
        try (Connection c = db.getConnection()) {
            anna = account(c, "anna@client.example");
            ben = account(c, "ben@client.example");
        }
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void whatIsQueuedIsIndexedAndTheRowsGoOnceTheOnlyIndexHasPassedThem() throws Exception {
        open(KEY);
        long annas = deliver(anna, "Wombat figures", "the numbat report");
        deliver(ben, "Other", "the numbat report");
        assertThat(queued()).isEqualTo(2);

        assertThat(drain().catchUp()).isEqualTo(2);
        assertThat(queued()).as("kept until the pruning").isEqualTo(2);
        prune();

        assertThat(queued()).isZero();
        assertThat(ids(anna, "numbat")).containsExactly(Long.toString(annas));
        assertThat(ids(anna, "subject:wombat")).containsExactly(Long.toString(annas));
        assertThat(index.count(ben)).isOne();
    }

    @Test
    void aMessageToSeveralRecipientsIsDecryptedAndReadOncePerBatch() throws Exception {
        open(KEY);
        long[] entries = deliverToAll("Joint statement", "the quokka clause", anna, ben);
        AtomicInteger contentReads = new AtomicInteger();

        int handled = new QueueDrain(countingContentReads(db, contentReads), index, sealer, indexId, "test-node")
                .indexBatch()
                .indexed();

        assertThat(handled).isEqualTo(2);
        assertThat(contentReads).as("reads of the sealed message body").hasValue(1);
        assertThat(ids(anna, "quokka")).containsExactly(Long.toString(entries[0]));
        assertThat(ids(ben, "quokka")).containsExactly(Long.toString(entries[1]));
    }

    /** A DataSource that counts the statements reading {@code mime_ciphertext}. */
    private static DataSource countingContentReads(DataSource real, AtomicInteger reads) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(
                            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("prepareStatement")
                                        && a != null
                                        && a[0] instanceof String sql
                                        && sql.contains("mime_ciphertext")) {
                                    reads.incrementAndGet();
                                }
                                return invoke(m, connection, a);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One sealed message with an inbox entry for each account, queued as the intake does. */
    private long[] deliverToAll(String subject, String body, long... accounts) throws SQLException {
        long first = deliver(accounts[0], subject, body);
        long[] entries = new long[accounts.length];
        entries[0] = first;
        try (Connection c = db.getConnection()) {
            for (int i = 1; i < accounts.length; i++) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO mailbox_entry (account_id, content_id, folder, received_at)
                        SELECT ?, content_id, 'INBOX', now() FROM mailbox_entry WHERE id = ? RETURNING id""")) {
                    ps.setLong(1, accounts[i]);
                    ps.setLong(2, first);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        entries[i] = rs.getLong(1);
                    }
                }
                SearchIndexQueue.enqueue(c, accounts[i], entries[i]);
            }
        }
        return entries;
    }

    @Test
    void whenLuceneCannotCommitThePositionStaysAndTheRowsStayQueued() throws Exception {
        open(KEY);
        long entry = deliver(anna, "Kept", "queued work");
        SearchIndexQueue.Position before = follower().through();
        MessageIndex failingCommit = new CommitFails(index);

        assertThatThrownBy(() -> new QueueDrain(db, failingCommit, sealer, indexId, "test-node").indexBatch())
                .hasMessageContaining("disk full");

        assertThat(follower().through()).isEqualTo(before);
        assertThat(follower().rebuiltThroughEntry()).contains(0L);
        prune();
        assertThat(queued()).isOne();
        drain().catchUp();
        assertThat(ids(anna, "queued")).containsExactly(Long.toString(entry));
    }

    @Test
    void workLeftInTheQueueAtAStopIsDoneAfterTheRestart() throws Exception {
        open(KEY);
        long entry = deliver(anna, "Late", "platypus");
        index.close(); // the node stops before its indexer got to the row

        open(KEY);
        assertThat(queued())
                .as("the same index reopened: no rebuild, the one row")
                .isOne();
        drain().catchUp();

        assertThat(ids(anna, "platypus")).containsExactly(Long.toString(entry));
    }

    @Test
    void aMissingIndexIsRebuiltFromEveryMailboxEntry() throws Exception {
        open(KEY);
        long first = deliver(anna, "One", "echidna");
        long second = deliver(anna, "Two", "echidna");
        long bens = deliver(ben, "Three", "echidna");
        drain().catchUp();
        index.close();
        index = null;
        deleteTree(indexDir);

        open(KEY);
        assertThat(index.count(anna)).as("empty until the drain rebuilds it").isZero();
        assertThat(queued()).isEqualTo(3);
        drain().catchUp();

        assertThat(ids(anna, "echidna")).containsExactlyInAnyOrder(Long.toString(first), Long.toString(second));
        assertThat(ids(ben, "echidna")).containsExactly(Long.toString(bens));
    }

    @Test
    void anIndexBuiltWithAnotherKeyIsReplacedAndRebuilt() throws Exception {
        open("another key, 32 bytes long......".getBytes(StandardCharsets.US_ASCII));
        long entry = deliver(anna, "Keyed", "quoll");
        drain().catchUp();
        index.close();

        open(KEY);
        drain().catchUp();

        assertThat(ids(anna, "quoll")).containsExactly(Long.toString(entry));
    }

    @Test
    void anIndexOfAnEarlierFormatIsReplacedAndRebuiltRatherThanSearchedForTermsItDoesNotHold() throws Exception {
        long entry = indexedThenStopped("Old format", "bandicoot");
        UUID before = indexId;
        recordFormat(indexDir, "1"); // as every index written before ADR 0025 records itself

        open(KEY);
        assertThat(indexId).as("replaced, not opened").isNotEqualTo(before);
        assertThat(index.count(anna)).as("empty until the drain rebuilds it").isZero();
        drain().catchUp();

        assertThat(ids(anna, "bandicoot")).containsExactly(Long.toString(entry));
    }

    /** A node that indexed one message of Anna's and stopped; its index is closed. */
    private long indexedThenStopped(String subject, String body) throws Exception {
        open(KEY);
        long entry = deliver(anna, subject, body);
        drain().catchUp();
        index.close();
        index = null;
        return entry;
    }

    /**
     * Rewrites the format version the index's latest commit records, under the name the
     * search-index module writes it (a file format, so spelt out here on purpose).
     */
    private static void recordFormat(Path directory, String format) throws IOException {
        try (FSDirectory lucene = FSDirectory.open(directory);
                IndexWriter writer = new IndexWriter(
                        lucene, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> recorded =
                    new HashMap<>(SegmentInfos.readLatestCommit(lucene).getUserData());
            assertThat(recorded).containsKey("sealpost.search.format");
            recorded.put("sealpost.search.format", format);
            writer.setLiveCommitData(recorded.entrySet());
            writer.commit();
        }
    }

    @Test
    void aDamagedIndexIsReplacedAndRebuilt() throws Exception {
        long entry = indexedThenStopped("Damaged", "bilby");
        try (var files = Files.list(indexDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }

        open(KEY);
        drain().catchUp();

        assertThat(ids(anna, "bilby")).containsExactly(Long.toString(entry));
    }

    @Test
    void anIndexInUseByAnotherProcessIsRefusedAndLeftAlone() throws Exception {
        open(KEY);
        long entry = deliver(anna, "Busy", "possum");
        drain().catchUp();

        assertThatThrownBy(() -> NodeSearchIndex.openOrRebuild(indexDir, KEY, db, "test-node"))
                .hasMessageContaining("in use by another process");

        assertThat(ids(anna, "possum")).containsExactly(Long.toString(entry));
        try (Connection c = db.getConnection()) {
            assertThat(IndexFollowers.all(c))
                    .as("no other index registered")
                    .extracting(IndexFollowers.Follower::indexId)
                    .containsExactly(indexId);
        }
    }

    @Test
    void anIndexFromAnotherDatabaseIsRebuiltSoNoIdOfTheOldOneAnswers() throws Exception {
        open(KEY);
        deliver(anna, "Old database", "dingo");
        drain().catchUp();
        index.close();
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE search_index_source SET database_id = gen_random_uuid()")) {
            ps.executeUpdate(); // as if the data directory met another database
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM search_index_queue")) {
            ps.executeUpdate();
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE mailbox_entry SET folder = 'TRASH'")) {
            ps.executeUpdate(); // changed without the queue: only a rebuild can know
        }

        open(KEY);
        drain().catchUp();

        assertThat(search(anna, "dingo in:trash").totalHits()).isOne();
        assertThat(search(anna, "dingo in:inbox").totalHits()).isZero();
    }

    @Test
    void anIndexWhosePositionLiesBeyondTheServersTransactionsIsRebuilt() throws Exception {
        open(KEY);
        long entry = deliver(anna, "Restored", "kowari");
        drain().catchUp();
        index.close();
        UUID before = indexId;
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE search_index_follower SET through_tx = '900000000000'::xid8")) {
            ps.executeUpdate(); // as after a dump restored into a new cluster, whose transaction ids start low
        }

        open(KEY);
        assertThat(indexId)
                .as("replaced, not followed from a position no new row would ever pass")
                .isNotEqualTo(before);
        drain().catchUp();
        long later = deliver(anna, "After", "kowari");
        drain().catchUp();

        assertThat(ids(anna, "kowari")).containsExactlyInAnyOrder(Long.toString(entry), Long.toString(later));
    }

    @Test
    void aMoveIsReindexedAndAnEntryDeletedForEverLeavesTheIndex() throws Exception {
        open(KEY);
        long entry = deliver(anna, "Moving", "wallaby");
        drain().catchUp();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE mailbox_entry SET folder = 'TRASH', folder_before_trash = folder WHERE id = ? AND account_id = ?")) {
                ps.setLong(1, entry);
                ps.setLong(2, anna);
                ps.executeUpdate();
            }
            SearchIndexQueue.enqueue(c, anna, entry);
        }
        drain().catchUp();
        assertThat(search(anna, "wallaby in:trash").totalHits()).isOne();
        assertThat(search(anna, "wallaby in:inbox").totalHits()).isZero();

        try (Connection c = db.getConnection()) {
            StoredMessages.deleteForever(c, StoredMessages.find(c, entry, anna).orElseThrow());
        }
        drain().catchUp();

        assertThat(search(anna, "wallaby").totalHits()).isZero();
        assertThat(index.count(anna)).isZero();
    }

    private void open(byte[] key) {
        NodeSearchIndex.Opened opened = NodeSearchIndex.openOrRebuild(indexDir, key, db, "test-node");
        index = opened.index();
        indexId = opened.id();
    }

    private QueueDrain drain() {
        return new QueueDrain(db, index, sealer, indexId, "test-node");
    }

    private IndexFollowers.Follower follower() throws SQLException {
        try (Connection c = db.getConnection()) {
            return IndexFollowers.find(c, indexId).orElseThrow();
        }
    }

    private SearchResult search(long account, String query) throws InvalidQueryException {
        return index.search(account, query, 0, 10);
    }

    private List<String> ids(long account, String query) throws InvalidQueryException {
        return search(account, query).messageIds();
    }

    /** Stores a sealed message with one inbox entry and its queue row, as the intake does. */
    private long deliver(long account, String subject, String body) throws SQLException {
        try (Connection c = db.getConnection()) {
            return TestDeliveries.deliver(c, sealer, account, subject, body);
        }
    }

    private void prune() throws SQLException {
        try (Connection c = db.getConnection()) {
            IndexFollowers.pruneQueue(c, java.time.Duration.ofDays(7));
        }
    }

    private long queued() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM search_index_queue");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long account(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO account (email, role, state) VALUES (?, 'RECIPIENT', 'ACTIVE') RETURNING id")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** An index whose disk is full when it commits. */
    private record CommitFails(MessageIndex delegate) implements MessageIndex {
        @Override
        public void index(IndexedMessage message) {
            delegate.index(message);
        }

        @Override
        public void delete(long accountId, String messageId) {
            delegate.delete(accountId, messageId);
        }

        @Override
        public void deleteAllOf(long accountId) {
            delegate.deleteAllOf(accountId);
        }

        @Override
        public SearchResult search(long accountId, String query, SearchOrder order, int offset, int limit)
                throws InvalidQueryException {
            return delegate.search(accountId, query, order, offset, limit);
        }

        @Override
        public long count(long accountId) {
            return delegate.count(accountId);
        }

        @Override
        public void commit() {
            throw new UncheckedIOException(new IOException("disk full"));
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}

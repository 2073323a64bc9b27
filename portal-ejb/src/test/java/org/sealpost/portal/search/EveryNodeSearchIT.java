package org.sealpost.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.search.InvalidQueryException;
import org.sealpost.search.MessageIndex;
import org.sealpost.testsupport.TestDatabase;

/**
 * Several nodes on one PostgreSQL, each with its own index and its own drain of the shared
 * queue (ADR 0017), without Payara: every index takes in every change, whichever node gets to
 * a row first, whatever order the transactions commit in; the queue is pruned only behind
 * every live node; a node gone too long is forgotten; a new node rebuilds and then follows.
 *
 * <p>The positions follow the server's oldest running transaction, so the pruning checks assume
 * no transaction stays open for long on the same PostgreSQL server meanwhile (true of the
 * embedded server TestDatabase starts without {@code SEALPOST_TEST_DB_URL}).
 */
class EveryNodeSearchIT {

    private static final byte[] KEY = "every node search test index key".getBytes(StandardCharsets.US_ASCII);
    private static final Duration FORGET_AFTER = Duration.ofDays(7);

    @TempDir
    Path dir;

    private DataSource db;
    private MessageSealer sealer;
    private long anna;
    private long ben;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void twoAccounts() throws SQLException {
        db = TestDatabase.server().createDatabase("everynodesearch").dataSource();
        SchemaMigrations.migrate(db);
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
        try (Connection c = db.getConnection()) {
            anna = account(c, "anna@client.example");
            ben = account(c, "ben@client.example");
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(Node::stop);
    }

    @Test
    void bothNodesFindEveryMessageWhicheverNodeTakesTheRowsFirst() throws Exception {
        Node a = node("a");
        Node b = node("b");
        long first = deliver(anna, "Quarterly", "the numbat figures");
        long second = deliver(anna, "Annual", "the numbat summary");
        long bens = deliver(ben, "Other", "the numbat memo");

        a.catchUp();
        b.catchUp();

        for (Node node : List.of(a, b)) {
            assertThat(node.finds(anna, "numbat")).as(node.name).containsExactlyInAnyOrder(first, second);
            assertThat(node.finds(ben, "numbat")).as(node.name).containsExactly(bens);
        }

        long third = deliver(anna, "Later", "the numbat appendix");
        moveToTrash(anna, first);
        b.catchUp();
        a.catchUp();

        for (Node node : List.of(a, b)) {
            assertThat(node.finds(anna, "numbat")).as(node.name).containsExactlyInAnyOrder(first, second, third);
            assertThat(node.finds(anna, "numbat in:trash")).as(node.name).containsExactly(first);
        }
    }

    @Test
    void nodesTakingInAndPruningWhileMailArrivesEachEndUpWithEveryMessage() throws Exception {
        Node a = node("a");
        Node b = node("b");
        List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean arriving = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 30; i++) {
                        delivered.add(deliver(i % 2 == 0 ? anna : ben, "Burst " + i, "the wombat burst"));
                    }
                } finally {
                    arriving.set(false);
                }
                return null;
            });
            List<Future<?>> followers = new ArrayList<>();
            for (Node node : List.of(a, b)) {
                followers.add(pool.submit(() -> {
                    while (arriving.get()) {
                        node.catchUp();
                        prune();
                    }
                    return null;
                }));
            }
            writer.get(2, TimeUnit.MINUTES);
            for (Future<?> follower : followers) {
                follower.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        a.catchUp();
        b.catchUp();

        for (Node node : List.of(a, b)) {
            List<Long> found = new ArrayList<>(node.finds(anna, "wombat"));
            found.addAll(node.finds(ben, "wombat"));
            assertThat(found).as(node.name).containsExactlyInAnyOrderElementsOf(delivered);
        }
        prune();
        assertThat(queued()).isZero();
    }

    @Test
    void aRowWhoseTransactionCommitsAfterALaterOneIsNotSkipped() throws Exception {
        Node a = node("a");
        Node b = node("b");
        a.catchUp();
        b.catchUp();
        long slow;
        long fast;
        try (Connection open = db.getConnection()) {
            open.setAutoCommit(false);
            slow = deliver(open, anna, "Slow", "the kookaburra call");
            try (Connection c = db.getConnection()) {
                fast = deliver(c, anna, "Fast", "the kookaburra song");
            }
            assertThat(queueIdOf(fast)).as("the later queue row").isGreaterThan(queueIdOf(open, slow));

            a.catchUp();
            b.catchUp();
            for (Node node : List.of(a, b)) {
                assertThat(node.finds(anna, "kookaburra"))
                        .as(
                                "%s, while the older transaction is open: the" + " committed message is not held back",
                                node.name)
                        .containsExactly(fast);
            }

            open.commit();
        }
        a.catchUp();
        b.catchUp();

        for (Node node : List.of(a, b)) {
            assertThat(node.finds(anna, "kookaburra")).as(node.name).containsExactlyInAnyOrder(slow, fast);
        }
    }

    @Test
    void aRolledBackRowIsNoGapTheNodeWaitsFor() throws Exception {
        Node a = node("a");
        try (Connection rolledBack = db.getConnection()) {
            rolledBack.setAutoCommit(false);
            deliver(rolledBack, anna, "Never", "the cassowary draft");
            rolledBack.rollback();
        }
        long kept = deliver(anna, "Kept", "the cassowary letter");

        a.catchUp();

        assertThat(a.finds(anna, "cassowary")).containsExactly(kept);
        assertThat(lagRows()).as("rows the node has not passed").isZero();
    }

    @Test
    void theQueueKeepsARowUntilEveryLiveNodeHasPassedIt() throws Exception {
        Node a = node("a");
        Node b = node("b");
        long entry = deliver(anna, "Pending", "the bilby notes");

        a.catchUp();
        prune();
        assertThat(queued()).as("node b has not taken the row in yet").isOne();

        b.catchUp();
        prune();
        assertThat(queued()).as("every node passed it").isZero();
        for (Node node : List.of(a, b)) {
            assertThat(node.finds(anna, "bilby")).as(node.name).containsExactly(entry);
        }
    }

    @Test
    void aNodeAwayLongerThanTheForgetPeriodStopsHoldingTheQueueAndRebuildsWhenItComesBack() throws Exception {
        Node a = node("a");
        Node b = node("b");
        long gone = deliver(anna, "Gone", "the quoll report");
        a.catchUp();
        b.catchUp();
        b.stop(); // node b is down

        long kept = deliver(anna, "Kept", "the quoll review");
        moveToTrash(anna, gone);
        deleteForever(anna, gone);
        a.catchUp();
        prune();
        assertThat(queued())
                .as("arrival, move and deletion held for node b, which is only away")
                .isEqualTo(3);

        lastSeen(b, Instant.now().minus(FORGET_AFTER).minusSeconds(60));
        prune();
        assertThat(queued()).as("node b forgotten: nothing holds the rows").isZero();

        b.start();
        b.catchUp();
        assertThat(b.finds(anna, "quoll"))
                .as("the rebuilt index, without the entry deleted meanwhile")
                .containsExactly(kept);
        assertThat(b.index.count(anna)).isOne();
    }

    @Test
    void aNodeForgottenWhileRunningRebuildsItsIndex() throws Exception {
        Node a = node("a");
        long entry = deliver(anna, "Steady", "the dingo memo");
        a.catchUp();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM search_index_follower")) {
            ps.executeUpdate(); // as if its node could not record its progress for the forget period
        }
        prune();
        long later = deliver(anna, "Later", "the dingo letter");

        a.catchUp();

        assertThat(a.finds(anna, "dingo")).containsExactlyInAnyOrder(entry, later);
        assertThat(lagRows()).isZero();
    }

    @Test
    void aNewNodeRebuildsFromTheDatabaseAndThenFollowsTheQueue() throws Exception {
        Node a = node("a");
        long first = deliver(anna, "One", "the echidna study");
        long second = deliver(anna, "Two", "the echidna survey");
        long bens = deliver(ben, "Three", "the echidna census");
        a.catchUp();
        prune();
        assertThat(queued()).as("nothing left in the queue to rebuild from").isZero();
        moveToTrash(anna, second);

        Node b = node("b");
        a.catchUp();
        b.catchUp();

        assertThat(b.finds(anna, "echidna")).containsExactlyInAnyOrder(first, second);
        assertThat(b.finds(anna, "echidna in:trash")).containsExactly(second);
        assertThat(b.finds(ben, "echidna")).containsExactly(bens);

        long fresh = deliver(ben, "Four", "the echidna sequel");
        a.catchUp();
        b.catchUp();
        for (Node node : List.of(a, b)) {
            assertThat(node.finds(ben, "echidna")).as(node.name).containsExactlyInAnyOrder(bens, fresh);
        }
    }

    /** A node: its own index directory and its own drain, as one portal process has. */
    private final class Node {
        final String name;
        final Path directory;
        MessageIndex index;
        UUID id;
        QueueDrain drain;

        Node(String name) {
            this.name = name;
            this.directory = dir.resolve("node-" + name).resolve("search");
        }

        void start() {
            NodeSearchIndex.Opened opened = NodeSearchIndex.openOrRebuild(directory, KEY, db, name);
            index = opened.index();
            id = opened.id();
            drain = new QueueDrain(db, index, sealer, id, name);
        }

        void catchUp() throws SQLException {
            drain.catchUp();
        }

        List<Long> finds(long account, String query) throws InvalidQueryException {
            return index.search(account, query, 0, 100).messageIds().stream()
                    .map(Long::valueOf)
                    .toList();
        }

        void stop() {
            if (index != null) {
                index.close();
                index = null;
            }
        }
    }

    private Node node(String name) {
        Node node = new Node(name);
        node.start();
        nodes.add(node);
        return node;
    }

    private void prune() throws SQLException {
        try (Connection c = db.getConnection()) {
            IndexFollowers.pruneQueue(c, FORGET_AFTER);
        }
    }

    private long lagRows() throws SQLException {
        try (Connection c = db.getConnection()) {
            return IndexFollowers.lag(c).rows();
        }
    }

    private void lastSeen(Node node, Instant when) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE search_index_follower SET seen_at = ? WHERE index_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(when));
            ps.setObject(2, node.id);
            assertThat(ps.executeUpdate()).isOne();
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

    private long queueIdOf(long entry) throws SQLException {
        try (Connection c = db.getConnection()) {
            return queueIdOf(c, entry);
        }
    }

    private static long queueIdOf(Connection c, long entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(id) FROM search_index_queue WHERE entry_id = ?")) {
            ps.setLong(1, entry);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void moveToTrash(long account, long entry) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE mailbox_entry SET folder = 'TRASH', folder_before_trash = folder WHERE id = ? AND account_id = ?")) {
                ps.setLong(1, entry);
                ps.setLong(2, account);
                ps.executeUpdate();
            }
            SearchIndexQueue.enqueue(c, account, entry);
        }
    }

    private void deleteForever(long account, long entry) throws SQLException {
        try (Connection c = db.getConnection()) {
            StoredMessages.deleteForever(
                    c, StoredMessages.find(c, entry, account).orElseThrow());
        }
    }

    private long deliver(long account, String subject, String body) throws SQLException {
        try (Connection c = db.getConnection()) {
            return deliver(c, account, subject, body);
        }
    }

    private long deliver(Connection c, long account, String subject, String body) throws SQLException {
        return TestDeliveries.deliver(c, sealer, account, subject, body);
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
}

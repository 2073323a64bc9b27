package org.sealpost.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.MessageAttachment;
import org.sealpost.portal.message.MessageReading;
import org.sealpost.portal.message.OpenedMessageCache;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;
import org.sealpost.portal.session.SessionVerdict;

/**
 * The warm-up's signed-in reading round (ADR 0027) against a real PostgreSQL: as an account
 * signed in inside one transaction, it finds its session valid, lists and opens a sample message
 * delivered to its inbox, and the transaction's rollback leaves no row behind.
 */
class ReadingWarmUpIT {

    /** What the round writes: the message, its inbox entry, the session's touch. */
    private static final List<String> TABLES = List.of("message_content", "mailbox_entry", "portal_session");

    /** An Argon2id hash of no password anyone knows: the round never checks it. */
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

    @TempDir
    static Path dir;

    private static PortalJpa db;
    private static MessageSealer sealer;

    @BeforeAll
    static void database() throws Exception {
        db = PortalJpa.create("reading_warm_up");
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aSignedInRoundFindsItsSessionListsAndOpensTheSampleAndItsRollbackLeavesNoRow() throws Exception {
        Map<String, Long> before = committedCounts();
        AtomicReference<Map<String, Long>> during = new AtomicReference<>();
        ReadingWarmUp.Round round =
                signedInRound("reader@warm-up.invalid", SampleMail.nth(0), Instant.now(), (em, accountId) -> {
                    during.set(counts(PortalJpa.connectionOf(em)));
                    assertThat(readFlags(PortalJpa.connectionOf(em), accountId))
                            .as("opened as the message page opens it: marked read")
                            .containsExactly(true);
                });

        assertThat(round.session()).isEqualTo(SessionVerdict.GOES_ON);
        assertThat(round.inboxLines()).isEqualTo(1);
        assertThat(round.unread()).isEqualTo(1);
        assertThat(round.complete()).isTrue();
        assertThat(round.opened().subject()).isEqualTo("warm-up");
        assertThat(round.opened().rendered().safeHtmlBody())
                .as("the sanitiser's path: the HTML body, its script gone")
                .contains("statement")
                .doesNotContain("<script");
        assertThat(round.opened().rendered().attachments())
                .extracting(MessageAttachment::fileName)
                .containsExactly("statement.pdf");
        assertThat(during.get())
                .as("inside the round's transaction")
                .containsEntry("message_content", before.get("message_content") + 1)
                .containsEntry("mailbox_entry", before.get("mailbox_entry") + 1)
                .containsEntry("portal_session", before.get("portal_session") + 1);
        assertThat(committedCounts()).as("after its rollback").isEqualTo(before);
    }

    @Test
    void everyShapeOfSampleMailIsListedAndOpenedThroughTheRealReadingPath() throws Exception {
        for (int shape = 0; shape < SampleMail.SHAPES.size(); shape++) {
            SampleMail sample = SampleMail.nth(shape);
            MessageMetadata metadata = MessageMetadata.decode(sample.metadata());
            ReadingWarmUp.Round round =
                    signedInRound("shape" + shape + "@warm-up.invalid", sample, Instant.now(), (em, accountId) -> {});

            assertThat(round.complete()).as("shape %d", shape).isTrue();
            assertThat(round.opened().subject()).as("shape %d", shape).isEqualTo(metadata.subject());
            assertThat(round.opened().rendered().attachments())
                    .as("shape %d", shape)
                    .hasSize(metadata.attachments().size());
        }
    }

    /** What a test looks at inside the round's transaction, before it is rolled back. */
    @FunctionalInterface
    private interface Inside {
        void look(EntityManager em, long accountId) throws Exception;
    }

    /**
     * One round as a registered account with a registered session, reading {@code sample}, in a
     * transaction rolled back once {@code inside} has looked.
     */
    private ReadingWarmUp.Round signedInRound(String address, SampleMail sample, Instant now, Inside inside)
            throws Exception {
        EntityManager em = db.entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            Account account = registered(em, address, now);
            SessionRegistry sessions = sessions(em);
            SessionHandle session = sessions.register(account.id(), "127.0.0.1", "warm-up", now);
            em.flush();
            ReadingWarmUp.Round round = ReadingWarmUp.rehearse(
                    em,
                    sealer,
                    new MessageReading(em, sealer, new OpenedMessageCache()),
                    sessions,
                    account.id(),
                    session,
                    now,
                    sample);
            inside.look(em, account.id());
            return round;
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    @Test
    void aRoundOnASessionTheRegistryDoesNotHaveIsIncomplete() throws Exception {
        Instant now = Instant.now();
        EntityManager em = db.entityManagerFactory().createEntityManager();
        ReadingWarmUp.Round round;
        try {
            em.getTransaction().begin();
            Account account = registered(em, "nosession@warm-up.invalid", now);
            round = ReadingWarmUp.rehearse(
                    em,
                    sealer,
                    new MessageReading(em, sealer, new OpenedMessageCache()),
                    sessions(em),
                    account.id(),
                    SessionHandle.random(),
                    now,
                    SampleMail.nth(0));
        } finally {
            em.getTransaction().rollback();
            em.close();
        }

        assertThat(round.session()).isEqualTo(SessionVerdict.ENDED);
        assertThat(round.complete())
                .as("a warm-up that did not run the signed-in path")
                .isFalse();
    }

    /** An account registered a second ago, as the rehearsed sign-in makes it. */
    private static Account registered(EntityManager em, String address, Instant now) {
        Account account = Account.pendingRecipient(EmailAddress.of(address));
        account.register(HASH, now.minusSeconds(1));
        em.persist(account);
        em.flush();
        return account;
    }

    private static SessionRegistry sessions(EntityManager em) {
        return new SessionRegistry(em, AccountDirectory::sessionStanding, Duration.ofMinutes(15), Duration.ofHours(12));
    }

    private static List<Boolean> readFlags(Connection c, long accountId) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT is_read FROM mailbox_entry WHERE account_id = " + accountId)) {
            List<Boolean> flags = new ArrayList<>();
            while (rs.next()) {
                flags.add(rs.getBoolean(1));
            }
            return flags;
        }
    }

    private static Map<String, Long> committedCounts() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return counts(c);
        }
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        return PortalJpa.rowCounts(c, TABLES);
    }
}

package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.config.MapConfig;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;

/**
 * The delivery of queued mail against PostgreSQL and a STARTTLS smarthost on loopback, without
 * Payara: a queued mail reaches the smarthost over TLS and is marked sent; a smarthost that
 * offers no STARTTLS gets nothing, not even in plain text, and the mail stays queued with its
 * reason; a refused mail is tried again after the administrator's retry interval and given up
 * after the maximum age; a node that dies between the claim and the send loses nothing.
 */
class OutboundDeliveryIT {

    private static final String ANNA = "anna@client.example";

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    private static PortalJpa db;
    private static MessageSealer sealer;
    private static PortalSettings portalSettings;

    private LoopbackSmarthost smarthost;
    private SmarthostTransport transport;
    private long anna;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("outbound_delivery");
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(keys.resolve("kek.p12"), "pw".toCharArray()));
        portalSettings = MapConfig.install(Map.of());
    }

    @AfterAll
    static void close() {
        MapConfig.uninstall();
        db.close();
    }

    @BeforeEach
    void anAccountAndATlsSmarthost() throws Exception {
        db.execute("TRUNCATE account, audit_event, outbound_mail, runtime_settings RESTART IDENTITY CASCADE");
        db.execute("INSERT INTO account (email, role, state) VALUES ('" + ANNA + "', 'RECIPIENT', 'ACTIVE')");
        anna = Long.parseLong(db.string("SELECT id FROM account"));
        BridgeCertificates certs = BridgeCertificates.loadOrGenerate(dir.resolve("smarthost"), "localhost");
        smarthost = LoopbackSmarthost.start(certs);
        transport = LoopbackSmarthost.transportTrusting(certs, "localhost", smarthost.port(), dir.resolve("trust.p12"));
    }

    @AfterEach
    void stopSmarthost() {
        if (smarthost != null) {
            smarthost.close();
        }
    }

    @Test
    void aQueuedMailReachesTheSmarthostOverTlsAndIsMarkedSent() throws Exception {
        queue(ANNA, Instant.now());

        assertThat(deliverNext(transport, NOTICE)).isTrue();

        assertThat(smarthost.received()).singleElement().satisfies(m -> {
            assertThat(m.recipients()).containsExactly(ANNA);
            assertThat(m.tlsProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(new String(m.rawMime(), StandardCharsets.UTF_8)).contains("Your password was changed");
        });
        assertThat(db.strings("SELECT state || ' ' || (sent_at IS NOT NULL) FROM outbound_mail"))
                .containsExactly("SENT true");
        assertThat(deliverNext(transport, NOTICE)).as("nothing due any more").isFalse();
        assertThat(smarthost.received()).hasSize(1);
    }

    @Test
    void aSmarthostWithoutStartTlsGetsNothingAndTheMailStaysQueuedWithItsReason() throws Exception {
        GreenMail plainServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        plainServer.start();
        try {
            SmarthostTransport plainOnly = LoopbackSmarthost.transportTrusting(
                    BridgeCertificates.loadOrGenerate(dir.resolve("any"), "localhost"),
                    "127.0.0.1",
                    plainServer.getSmtp().getPort(),
                    dir.resolve("any.p12"));
            queue(ANNA, Instant.now());

            assertThat(deliverNext(plainOnly, NOTICE)).isTrue();

            assertThat(plainServer.getReceivedMessages()).as("sent in clear").isEmpty();
        } finally {
            plainServer.stop();
        }
        assertThat(db.strings("SELECT state || ' ' || attempts || ' ' || (next_attempt_at > now()) FROM outbound_mail"))
                .containsExactly("QUEUED 1 true");
        assertThat(db.string("SELECT last_error FROM outbound_mail")).contains("STARTTLS");
    }

    @Test
    void aRefusedMailIsTriedAgainAfterTheAdministratorsIntervalAndGivenUpAfterTheMaximumAge() throws Exception {
        assertThat(deliverNext(transport, NOTICE))
                .as("an empty queue; the settings are seeded")
                .isFalse();
        // As an administrator's change of the retry times: it applies to the very next delivery.
        db.execute("UPDATE runtime_settings SET retry_interval_seconds = 120, retry_max_age_seconds = 3600");
        smarthost.answer(m -> SinkVerdict.permanentFailure("5.1.1 mailbox unknown"));
        queue(ANNA, Instant.now());
        queue("old." + ANNA, Instant.now().minus(Duration.ofHours(2)));

        Instant before = Instant.now();
        assertThat(deliverNext(transport, NOTICE)).isTrue();
        assertThat(deliverNext(transport, NOTICE)).isTrue();
        Instant after = Instant.now();

        assertThat(smarthost.received()).hasSize(2);
        assertThat(db.string("SELECT state || ' ' || attempts FROM outbound_mail WHERE recipient = '" + ANNA + "'"))
                .isEqualTo("QUEUED 1");
        Instant next = Instant.parse(db.string("SELECT to_char(next_attempt_at AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM outbound_mail WHERE recipient = '" + ANNA + "'"));
        assertThat(next).isBetween(before.plusSeconds(119), after.plusSeconds(121));
        assertThat(db.string("SELECT state FROM outbound_mail WHERE recipient = 'old." + ANNA + "'"))
                .isEqualTo("FAILED");
        assertThat(db.strings("SELECT last_error FROM outbound_mail"))
                .allSatisfy(reason -> assertThat(reason).contains("mailbox unknown"));
    }

    @Test
    void aNodeThatDiesBetweenTheClaimAndTheSendLosesNothing() throws Exception {
        queue(ANNA, Instant.now());
        MailComposer dying = (em, session, recipient, rows, now) -> {
            throw new NodeDied();
        };

        assertThatThrownBy(() -> deliverNext(transport, dying)).isInstanceOf(NodeDied.class);

        assertThat(smarthost.received()).isEmpty();
        assertThat(db.strings("SELECT state || ' ' || attempts || ' ' || coalesce(last_error, '-') FROM outbound_mail"))
                .as("as it was before the claim")
                .containsExactly("QUEUED 0 -");
        assertThat(deliverNext(transport, NOTICE)).isTrue();
        assertThat(smarthost.received()).hasSize(1);
        assertThat(db.strings("SELECT state FROM outbound_mail")).containsExactly("SENT");
    }

    /**
     * The quiet period is read in the delivery's transaction (the last notification's time, in
     * JPQL): arrivals after a notification wait until it ends and then go out as one mail.
     */
    @Test
    void arrivalsWithinTheQuietPeriodWaitForItsEndAndThenGoAsOne() throws Exception {
        db.execute("""
                INSERT INTO outbound_mail (kind, recipient, account_id, state, next_attempt_at, sent_at, attempts)
                VALUES ('NOTIFY_NEW_MESSAGE', '%1$s', %2$d, 'SENT', now() - interval '3 minutes',
                        now() - interval '3 minutes', 1),
                       ('NOTIFY_NEW_MESSAGE', '%1$s', %2$d, 'SENT', now() - interval '1 hour',
                        now() - interval '1 hour', 1),
                       ('NOTIFY_NEW_MESSAGE', '%1$s', %2$d, 'QUEUED', now(), NULL, 0),
                       ('NOTIFY_NEW_MESSAGE', '%1$s', %2$d, 'QUEUED', now() + interval '1 minute', NULL, 0)""".formatted(ANNA, anna));

        assertThat(deliverNext(transport, NOTICE)).isTrue();

        assertThat(smarthost.received())
                .as("within ten minutes of the last notification")
                .isEmpty();
        assertThat(db.strings("""
                        SELECT attempts || ' ' || (next_attempt_at
                            = (SELECT max(sent_at) FROM outbound_mail WHERE state = 'SENT') + interval '10 minutes')
                        FROM outbound_mail WHERE state = 'QUEUED'"""))
                .as("both arrivals postponed to the quiet period's end, not counted as attempts")
                .containsExactly("0 true", "0 true");

        db.execute("UPDATE outbound_mail SET sent_at = sent_at - interval '10 minutes' WHERE state = 'SENT'");
        db.execute("UPDATE outbound_mail SET next_attempt_at = now() WHERE state = 'QUEUED'");
        assertThat(deliverNext(transport, NOTICE)).isTrue();

        assertThat(smarthost.received()).as("one mail for both").hasSize(1);
        assertThat(db.strings("SELECT state FROM outbound_mail WHERE sent_at > now() - interval '1 minute'"))
                .containsExactly("SENT", "SENT");
    }

    /**
     * Two nodes: one is sending the recipient's notification when a new arrival for the same
     * recipient is queued and the other node's worker claims it. The second waits for the first
     * to commit, then sees its notification and postpones: one mail, not two (the two-node test
     * found a recipient notified twice).
     */
    @Test
    void aSecondNodeWaitsForTheFirstNodesNotificationToTheSameRecipientAndPostpones() throws Exception {
        // A first delivery seeds the runtime settings' row, as a running portal has long done;
        // seeded inside the test's two transactions, its insert would serialise them by itself.
        assertThat(deliverNext(transport, NOTICE)).as("nothing due yet").isFalse();
        db.execute("""
                INSERT INTO outbound_mail (kind, recipient, account_id, state, next_attempt_at, attempts)
                VALUES ('NOTIFY_NEW_MESSAGE', '%s', %d, 'QUEUED', now() - interval '1 second', 0)""".formatted(ANNA, anna));
        CountDownLatch composing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MailComposer slowSend = (em, session, recipient, rows, now) -> {
            composing.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessagingException("interrupted while sending", e);
            }
            return NOTICE.compose(em, session, recipient, rows, now);
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = nodes.submit(() -> deliverNext(transport, slowSend));
            assertThat(composing.await(30, TimeUnit.SECONDS)).isTrue();
            db.execute("""
                    INSERT INTO outbound_mail (kind, recipient, account_id, state, next_attempt_at, attempts)
                    VALUES ('NOTIFY_NEW_MESSAGE', '%s', %d, 'QUEUED', now() - interval '1 second', 0)""".formatted(ANNA, anna));
            Future<Boolean> second = nodes.submit(() -> deliverNext(transport, NOTICE));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!second.isDone()
                    && System.nanoTime() < deadline
                    && db.string("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                            .equals("0")) {
                Thread.sleep(20);
            }
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            nodes.shutdownNow();
        }

        assertThat(smarthost.received()).as("one notification").hasSize(1);
        assertThat(db.strings("""
                        SELECT state || ' ' || attempts || ' ' || (next_attempt_at
                            = (SELECT max(sent_at) FROM outbound_mail WHERE state = 'SENT') + interval '10 minutes')
                        FROM outbound_mail ORDER BY id"""))
                .as("the first sent; the later arrival postponed to the quiet period's end")
                .containsExactly("SENT 1 false", "QUEUED 0 true");
    }

    /** A failure no mail-sending code catches: the process is going down mid-delivery. */
    private static final class NodeDied extends Error {}

    /** What package notification would write; the delivery does not look inside. */
    private static final MailComposer NOTICE = (em, session, recipient, rows, now) -> {
        MimeMessage m = new MimeMessage(session);
        m.setFrom("portal@sealpost.example");
        m.setRecipients(Message.RecipientType.TO, recipient);
        m.setSubject("Your password was changed");
        m.setText("Your password was changed.");
        return m;
    };

    /** One delivery in its own transaction, over one smarthost session, as the worker runs it. */
    private boolean deliverNext(SmarthostTransport over, MailComposer composer) throws Exception {
        OutboundSettings settings = new OutboundSettings() {
            @Override
            public Duration quietPeriod() {
                return Duration.ofMinutes(10);
            }
        };
        try (SmarthostConnection smtp = over.connection()) {
            return db.inTransaction(
                    em -> new OutboundDelivery(settings, composer, sealer, em, portalSettings).deliverNext(smtp));
        }
    }

    private void queue(String recipient, Instant at) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            OutboundQueue.queue(c, OutboundKind.PASSWORD_CHANGED.name(), recipient, anna, at);
        }
    }
}

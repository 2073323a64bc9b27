package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.notification.NotificationComposer;

/**
 * A pass of the outbound queue against a real PostgreSQL and a real STARTTLS smarthost, with a
 * TCP relay on loopback in between that counts the SMTP sessions and can cut one: several
 * replies share one session, a session the smarthost drops loses no mail, and a mail the
 * smarthost refuses defers that recipient alone.
 */
class SmarthostSessionIT {

    @TempDir
    Path dir;

    private PortalJpa jpa;
    private DataSource db;
    private MessageSealer sealer;
    private long sender;
    private LoopbackSmarthost smarthost;
    private CountingRelay relay;
    private SmarthostTransport transport;

    @BeforeEach
    void queueAndSmarthost() throws Exception {
        jpa = PortalJpa.create("smtpsession");
        db = jpa.dataSource();
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO account (email, role, state) VALUES ('anna@client.example', 'RECIPIENT', 'ACTIVE')");
            try (ResultSet rs = s.executeQuery("SELECT id FROM account")) {
                rs.next();
                sender = rs.getLong(1);
            }
        }
        BridgeCertificates certs = BridgeCertificates.loadOrGenerate(dir.resolve("smarthost"), "localhost");
        smarthost = LoopbackSmarthost.start(certs);
        relay = new CountingRelay(smarthost.port());
        transport = LoopbackSmarthost.transportTrusting(certs, "localhost", relay.port(), dir.resolve("trust.p12"));
    }

    @AfterEach
    void stop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        if (smarthost != null) {
            smarthost.close();
        }
        if (jpa != null) {
            jpa.close();
        }
    }

    @Test
    void severalQueuedRepliesLeaveOverOneSmtpSession() throws Exception {
        queueReplies(5);

        int delivered = onePass();

        assertThat(delivered).isEqualTo(5);
        assertThat(markers(smarthost.received())).containsExactlyInAnyOrderEntriesOf(eachOnce(5));
        assertThat(relay.sessions()).isEqualTo(1);
        assertThat(states()).containsOnlyKeys("SENT");
    }

    @Test
    void aSessionTheSmarthostDropsMidPassLosesNoMailAndDeliversNoneTwice() throws Exception {
        queueReplies(6);
        // The session is cut as soon as the third mail was accepted: the client's next
        // command (the fourth mail's MAIL FROM) finds it gone.
        smarthost.answer(m -> {
            if (smarthost.received().size() == 3) {
                relay.cutAtNextClientBytes();
            }
            return SinkVerdict.accepted();
        });

        int delivered = onePass();

        assertThat(delivered).isEqualTo(6);
        assertThat(markers(smarthost.received())).containsExactlyInAnyOrderEntriesOf(eachOnce(6));
        assertThat(relay.sessions()).isEqualTo(2);
        assertThat(states()).containsOnlyKeys("SENT");
    }

    @Test
    void aReplyTheSmarthostRefusesIsDeferredAloneAndTheSessionCarriesTheOthers() throws Exception {
        queueReplies(5);
        smarthost.answer(m -> new String(m.rawMime(), StandardCharsets.UTF_8).contains("marker-2\r\n")
                ? SinkVerdict.temporaryFailure("mailbox busy")
                : SinkVerdict.accepted());

        onePass();

        assertThat(relay.sessions()).isEqualTo(1);
        assertThat(smarthost.received()).hasSize(5);
        assertThat(states()).containsOnly(Map.entry("SENT", 4L), Map.entry("QUEUED", 1L));
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT recipient, attempts, last_error, next_attempt_at > now() FROM outbound_mail
                        WHERE state = 'QUEUED'""")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("colleague2@bank.example");
            assertThat(rs.getInt(2)).isOne();
            assertThat(rs.getString(3)).contains("mailbox busy");
            assertThat(rs.getBoolean(4)).isTrue();
        }
    }

    /** One pass as OutboundWorker runs it: one SMTP session, one transaction per recipient. */
    private int onePass() throws Exception {
        OutboundDesk desk = new OutboundDesk(
                new NotificationComposer().withBuiltInMails(),
                sealer,
                new RetrySchedule(Duration.ofMinutes(5), Duration.ofDays(5)),
                Duration.ofMinutes(10));
        int rounds = 0;
        try (SmarthostConnection smtp = transport.connection()) {
            while (jpa.inTransaction(em -> desk.deliverNext(em, smtp, Instant.now()))) {
                rounds++;
            }
        }
        return rounds;
    }

    /** Replies sealed and queued as ComposeDesk queues them, each with its own marker line. */
    private void queueReplies(int count) throws SQLException {
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < count; i++) {
                byte[] mime = String.join(
                                "\r\n",
                                "From: \"anna@client.example via Sealpost\" <portal@bank.example>",
                                "To: colleague" + i + "@bank.example",
                                "Subject: Re: figures",
                                "Message-ID: <reply-" + i + "@portal.bank.example>",
                                "MIME-Version: 1.0",
                                "Content-Type: text/plain; charset=UTF-8",
                                "",
                                "marker-" + i,
                                "")
                        .getBytes(StandardCharsets.UTF_8);
                UUID id = UUID.randomUUID();
                StoredMessages.storeContent(c, id, sealer.seal(id, mime, new byte[0]), mime.length, Instant.now());
                OutboundQueue.enqueueRelay(c, "colleague" + i + "@bank.example", sender, id, Instant.now());
            }
        }
    }

    private static Map<String, Long> markers(List<InboundMessage> messages) {
        return messages.stream()
                .map(m -> new String(m.rawMime(), StandardCharsets.UTF_8)
                        .replaceAll("(?s).*\r\n(marker-\\d+)\r\n.*", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Map<String, Long> eachOnce(int count) {
        Map<String, Long> expected = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            expected.put("marker-" + i, 1L);
        }
        return expected;
    }

    private Map<String, Long> states() throws SQLException {
        Map<String, Long> states = new java.util.HashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM outbound_mail GROUP BY state");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        return states;
    }

    /**
     * Passes bytes between the portal and the smarthost on loopback, unread (TLS runs end to
     * end through it), counting the sessions; told to, it closes the current one when the
     * client next sends anything, as a smarthost that restarts between two mails would.
     */
    private static final class CountingRelay implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final AtomicInteger sessions = new AtomicInteger();
        private final AtomicBoolean cut = new AtomicBoolean();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        CountingRelay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getByName("localhost"));
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        int sessions() {
            return sessions.get();
        }

        void cutAtNextClientBytes() {
            cut.set(true);
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getByName("localhost"), target);
                    sessions.incrementAndGet();
                    open.add(client);
                    open.add(upstream);
                    Thread.ofVirtual().start(() -> pump(client, upstream, true));
                    Thread.ofVirtual().start(() -> pump(upstream, client, false));
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void pump(Socket from, Socket to, boolean fromClient) {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (fromClient && cut.getAndSet(false)) {
                        from.close();
                        to.close();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : new ArrayList<>(open)) {
                closeQuietly(s);
            }
        }
    }
}

package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The outbound queue inside the running portal: mail waits while the smarthost is away and
 * goes out when it returns; a burst of arrivals makes one notification, not a flood.
 */
@RunAsClient
class NotificationDeliveryIT extends PortalClientTest {

    private static final String REGISTRATION_LINK = Recipients.REGISTRATION_LINK;

    @Test
    void whileTheSmarthostIsAwayTheNotificationWaitsWithItsReasonAndGoesOutWhenItReturns() throws Exception {
        String recipient = "waiting." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        CapturedMail.stop();
        try {
            bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "s", "b", true), recipient);

            String reason = awaitDeferral(recipient, Duration.ofSeconds(60));
            assertThat(reason).containsIgnoringCase("connect");
            assertThat(queueState(recipient)).isEqualTo("QUEUED");
            assertThat(CapturedMail.to(recipient)).isEmpty();
        } finally {
            CapturedMail.restart();
        }

        CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(90));
        assertThat(CapturedMail.to(recipient)).hasSize(1);
        awaitState(recipient, "SENT", Duration.ofSeconds(10));
    }

    @Test
    void aBurstOfArrivalsForOneRecipientMakesOneNotificationNotOneEach() throws Exception {
        String recipient = "burst." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        for (int i = 0; i < 3; i++) {
            bridge.sendRaw(
                    BridgeClient.message(UUID.randomUUID() + "@bank.example", "Statement " + i, "b", true), recipient);
        }

        CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        // The quiet period (15 s here) holds back whatever the first notification did not cover.
        Thread.sleep(6_000);
        assertThat(CapturedMail.to(recipient)).hasSize(1);
    }

    @Test
    void whenTheQuietPeriodEndsOneNotificationCoversEveryArrivalThatWaitedEvenMoreThanOnePassClaims() throws Exception {
        String recipient = "flood." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        // Three times what one outbound pass claims: most of the burst lands after the first
        // notification and waits out the quiet period together.
        List<String> burst = IntStream.range(0, 3 * 50)
                .mapToObj(i -> BridgeClient.message(UUID.randomUUID() + "@bank.example", "Statement " + i, "b", true))
                .toList();
        bridge.sendAllRaw(burst, recipient);
        // The first arrival is notified at once (no quiet period has begun), and on a fast machine
        // that mail can land a moment after the burst was sent: count it as the burst's own.
        int notifiedDuringTheBurst = Math.max(1, CapturedMail.to(recipient).size());

        // Quiet period 15 s here, passes every 2 s: everything must be out well before a second
        // quiet period could pass.
        awaitNoneQueued(recipient, Duration.ofSeconds(15 + 8));
        assertThat(CapturedMail.to(recipient)).hasSizeLessThanOrEqualTo(notifiedDuringTheBurst + 1);
    }

    private static void awaitNoneQueued(String recipient, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Connection c = connect();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT count(*) FROM outbound_mail WHERE recipient = ? AND state = 'QUEUED'")) {
                ps.setString(1, recipient);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int queued = rs.getInt(1);
                    if (queued == 0) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(
                                queued + " notifications to " + recipient + " still queued after " + patience);
                    }
                }
            }
            Thread.sleep(300);
        }
    }

    private static String awaitDeferral(String recipient, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = connect();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT last_error FROM outbound_mail WHERE recipient = ? AND attempts >= 1 AND last_error IS NOT NULL")) {
                ps.setString(1, recipient);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the notification to " + recipient + " was never deferred");
    }

    private static void awaitState(String recipient, String state, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!state.equals(queueState(recipient))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "outbound mail to " + recipient + " is " + queueState(recipient) + ", not " + state);
            }
            Thread.sleep(200);
        }
    }

    private static String queueState(String recipient) throws Exception {
        try (Connection c = connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT state FROM outbound_mail WHERE recipient = ? ORDER BY id LIMIT 1")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(
                System.getProperty("sealpost.it.db.url"),
                System.getProperty("sealpost.it.db.user"),
                System.getProperty("sealpost.it.db.password"));
    }
}

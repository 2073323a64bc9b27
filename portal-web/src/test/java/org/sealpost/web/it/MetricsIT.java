package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * An operator's Prometheus scrapes {@code /metrics} on its own loopback listener
 * ({@code SEALPOST_METRICS_ADDRESS}) and sees what the portal did; the public listener serves
 * no metrics at all, neither the portal's nor Payara's own.
 */
@RunAsClient
class MetricsIT extends PortalClientTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScrapeCountsAcceptedAndRefusedMailAndSignInsAndShowsTheSharedFigures() throws Exception {
        String before = scrape();

        bridge.sendRaw(
                BridgeClient.message(UUID.randomUUID() + "@bank.example", "metrics", "counted", true),
                "metrics-" + UUID.randomUUID() + "@client.example");
        // Unflagged mail is refused permanently (550 5.7.1 …): the refusal is counted by its codes.
        assertThatThrownBy(() -> bridge.sendRaw(
                        BridgeClient.message(UUID.randomUUID() + "@bank.example", "plain", "not flagged", false),
                        "someone@client.example"))
                .isInstanceOf(MessagingException.class);
        new SignInClient(portal.toString(), "127.0.0.37", null)
                .signIn("nobody@client.example", "wrong password", Map.of());

        String after = scrape();
        assertThat(value(after, "sealpost_bridge_messages_accepted_total"))
                .isEqualTo(value(before, "sealpost_bridge_messages_accepted_total") + 1);
        assertThat(sumStartingWith(after, "sealpost_bridge_refusals_total{code=\"5"))
                .isGreaterThan(sumStartingWith(before, "sealpost_bridge_refusals_total{code=\"5"));
        assertThat(value(after, "sealpost_sign_ins_total{outcome=\"failed\"}"))
                .isEqualTo(value(before, "sealpost_sign_ins_total{outcome=\"failed\"}") + 1);
        assertThat(sumStartingWith(after, "sealpost_intake_duration_seconds_count{outcome=\"stored\"}"))
                .isGreaterThan(sumStartingWith(before, "sealpost_intake_duration_seconds_count{outcome=\"stored\"}"));
        // The figures every node shares come from the database; each queue series is there even when 0.
        assertThat(after)
                .contains(
                        "sealpost_outbound_queue_depth{kind=\"NOTIFY_NEW_MESSAGE\",state=\"deferred\"} ",
                        "sealpost_outbound_oldest_age_seconds{kind=\"RELAY\"} ",
                        "sealpost_search_index_lag_entries ",
                        "sealpost_sessions_active ",
                        "sealpost_bridge_certificate_days_left ",
                        "jvm_memory_used_bytes");
        assertThat(value(after, "sealpost_bridge_certificate_days_left")).isPositive();
        // Counters never name an address.
        assertThat(after).doesNotContain("@client.example", "@bank.example");
    }

    @Test
    void thePublicListenerServesNoMetrics() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(portal + "metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.body()).doesNotContain("# TYPE", "sealpost_", "jvm_", "connection_pool");
        assertThat(r.statusCode()).isNotEqualTo(200);
    }

    private String scrape() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + System.getProperty("sealpost.it.metrics.port") + "/metrics"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** A sample's value; 0 when the series has not appeared yet. */
    private static double value(String exposition, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double sumStartingWith(String exposition, String prefix) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "[^ ]* (\\S+)$")
                .matcher(exposition);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}

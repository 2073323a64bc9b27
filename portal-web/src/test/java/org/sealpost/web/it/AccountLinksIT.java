package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Link hygiene end to end, over HTTP from outside the portal, with the test smarthost
 * catching what it sends: a reset flood yields one mail, the reset ends every open link and
 * sends a notice with no link; a second notification's link retires the first, and
 * registering sends the notice too.
 */
@RunAsClient
class AccountLinksIT extends PortalClientTest {

    private static final String OLD_PASSWORD = "the old passphrase of anna";
    private static final String NEW_PASSWORD = "a brand new passphrase for anna";
    private static final String RESET_LINK = "https?://[^\\s\"<]*/(reset\\.xhtml\\?token=[A-Za-z0-9_-]{43})";
    private static final String REGISTER_LINK = "https?://[^\\s\"<]*/(register\\.xhtml\\?token=[A-Za-z0-9_-]{43})";
    private static final Map<String, String> NO_HEADERS = Map.of();

    private final StoredMessages store = new StoredMessages();

    @Test
    void manyResetRequestsGiveOneMailAndTheResetRetiresEveryLinkAndSendsANoticeWithoutALink() throws Exception {
        String anna = activeAccount("links-reset");
        SignInClient client = new SignInClient(portal.toString(), "127.0.0.7", null);
        for (int i = 0; i < 5; i++) {
            client.submit("forgot.xhtml", "forgot", Map.of("forgot:email", anna, "forgot:send", ""), NO_HEADERS);
        }
        String link = CapturedMail.awaitLink(anna, RESET_LINK, 0, Duration.ofSeconds(60));
        Thread.sleep(5_000); // two more passes of the outbound worker
        assertThat(CapturedMail.to(anna))
                .as("mails after five requests in a row")
                .hasSize(1);

        var answer = client.submit(
                link,
                "choose",
                Map.of("choose:password", NEW_PASSWORD, "choose:confirmation", NEW_PASSWORD, "choose:submit", ""),
                NO_HEADERS);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(client.signIn(anna, NEW_PASSWORD, NO_HEADERS)).isTrue();

        String notice = awaitMailContaining(anna, "was just reset");
        assertThat(notice).contains("If this was not you", "contains no link").doesNotContain("token=", "href=");
        assertThat(store.count("""
                SELECT count(*) FROM one_time_token t JOIN account a ON a.id = t.account_id
                WHERE a.email = ? AND t.used_at IS NULL AND t.revoked_at IS NULL""", anna)).isZero();
        assertThat(client.get(link, NO_HEADERS).body()).as("the spent link").contains("id=\"newlink\"");
    }

    @Test
    void aLaterNotificationsLinkRetiresTheEarlierOneAndRegisteringSendsANotice() throws Exception {
        String address = Recipients.newAddress("links-register");
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "first", "b", true), address);
        String first = CapturedMail.awaitLink(address, REGISTER_LINK, 0, Duration.ofSeconds(60));
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "second", "b", true), address);
        // The quiet period (PT15S in arquillian.xml) holds the second notification back a while.
        String second = CapturedMail.awaitLink(address, REGISTER_LINK, 1, Duration.ofSeconds(90));
        assertThat(second).isNotEqualTo(first);

        SignInClient client = new SignInClient(portal.toString(), "127.0.0.8", null);
        assertThat(client.get(first, NO_HEADERS).body())
                .as("the first link")
                .contains("id=\"newlink\"")
                .doesNotContain("id=\"choose\"");
        var answer = client.submit(
                second,
                "choose",
                Map.of("choose:password", NEW_PASSWORD, "choose:confirmation", NEW_PASSWORD, "choose:submit", ""),
                NO_HEADERS);
        assertThat(answer.statusCode()).isEqualTo(302);

        String notice = awaitMailContaining(address, "account is registered");
        assertThat(notice).contains("If this was not you").doesNotContain("token=", "href=");
    }

    private static String awaitMailContaining(String address, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> found = CapturedMail.to(address).stream()
                    .filter(m -> m.contains(text))
                    .toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "no mail to " + address + " containing '" + text + "'; got " + CapturedMail.to(address));
    }

    /** An ACTIVE account, written as registration would write it. */
    private String activeAccount(String purpose) throws Exception {
        return Recipients.activeAccount(store, purpose, OLD_PASSWORD);
    }
}

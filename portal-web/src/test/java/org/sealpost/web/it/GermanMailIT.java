package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Mails follow the language of the account's last sign-in (issue 15), in the running portal: a
 * new recipient nobody has signed in for is written to in the organisation's default (English
 * here), and after its owner signs in on German pages the next notification is German, subject,
 * body and Content-Language (RFC 3282) alike.
 */
@RunAsClient
class GermanMailIT extends PortalClientTest {

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en-GB,en;q=0.9");
    private static final Map<String, String> GERMAN = Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.5");

    @Test
    void aSignInOnGermanPagesMakesTheAccountsNextNotificationGerman() throws Exception {
        String address = Recipients.newAddress("sprache");
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "Erste", "b", true), address);

        MimeMessage invitation =
                CapturedMail.parsed(CapturedMail.awaitMail(address, "/register.xhtml?token=", Duration.ofSeconds(60)));
        assertThat(invitation.getHeader("Content-Language"))
                .as("nobody has signed in: the default")
                .containsExactly("en");
        assertThat(invitation.getSubject()).contains("has sent you a secure message");

        String link = CapturedMail.awaitLink(address, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(10));
        String password = "a long enough passphrase 4 tests";
        HttpResponse<String> registered = new SignInClient(portal.toString(), "127.0.0.1", null)
                .submit(
                        link.substring(1),
                        "choose",
                        Map.of("choose:password", password, "choose:confirmation", password, "choose:submit", ""),
                        ENGLISH);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);

        assertThat(new SignInClient(portal.toString(), "127.0.0.1", null).signIn(address, password, GERMAN))
                .isTrue();
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "Zweite", "b", true), address);

        // After the quiet period (PT15S in arquillian.xml) of the mails before it; the first
        // message is still unread, so it announces two: "Sie haben 2 neue sichere Nachrichten".
        MimeMessage notification =
                CapturedMail.parsed(CapturedMail.awaitMail(address, "neue sichere Nachricht", Duration.ofSeconds(90)));
        assertThat(notification.getSubject()).matches("(Neue sichere Nachricht|\\d+ neue sichere Nachrichten) von .+");
        assertThat(notification.getHeader("Content-Language")).containsExactly("de");
    }
}

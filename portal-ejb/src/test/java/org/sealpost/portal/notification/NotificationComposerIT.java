package org.sealpost.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.config.MapConfig;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.outbound.OutboundKind;
import org.sealpost.portal.outbound.QueuedMail;
import org.sealpost.portal.settings.AccentColour;
import org.sealpost.portal.settings.Branding;

/**
 * What the notification mails say, against PostgreSQL without Payara: a PENDING account's
 * notification carries a fresh registration link that opens its own account, an ACTIVE
 * account's names the sender and how many messages wait but holds no word of the message, a
 * reset mail carries a reset link, a notice carries no link at all, and every mail is marked
 * as automatic (RFC 3834).
 */
class NotificationComposerIT {

    private static final byte[] MIME = String.join(
                    "\r\n",
                    "From: Bob Banker <bob@bank.example>",
                    "To: anna@client.example",
                    "Subject: Quarterly figures",
                    "Message-ID: <figures-1@bank.example>",
                    "MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=UTF-8",
                    "",
                    "The confidential figure is 4711.",
                    "")
            .getBytes(StandardCharsets.UTF_8);

    private static final Pattern LINK =
            Pattern.compile("https://secure\\.bank\\.example/(\\w+)\\.xhtml\\?token=([\\w-]+)");

    @TempDir
    static Path keys;

    private static PortalJpa db;
    private static NotificationComposer composer;
    private static MessageSealer sealer;

    private final PortalMails mails =
            PortalMails.builtIn(new Branding("Bank Example", AccentColour.DEFAULT, false), Language.ENGLISH);
    private UUID message;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("notification_composer");
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(keys.resolve("kek.p12"), "pw".toCharArray()));
        composer = new NotificationComposer(
                MapConfig.install(Map.of(
                        Setting.PUBLIC_URL, "https://secure.bank.example/",
                        Setting.NOTIFY_FROM, "Bank Example <secure@bank.example>")),
                sealer);
    }

    @AfterAll
    static void close() {
        MapConfig.uninstall();
        db.close();
    }

    @BeforeEach
    void aStoredMessage() throws Exception {
        db.execute("TRUNCATE account, message_content, one_time_token RESTART IDENTITY CASCADE");
        message = UUID.randomUUID();
        MimeReading.Readable reading = (MimeReading.Readable) new MimeMetadataExtractor().extract(MIME);
        try (Connection c = db.dataSource().getConnection()) {
            StoredMessages.storeContent(
                    c, message, sealer.seal(message, MIME, reading.metadata().encode()), MIME.length, Instant.now());
        }
    }

    @Test
    void aPendingAccountsNotificationCarriesARegistrationLinkThatOpensItsOwnAccount() throws Exception {
        long anna = account("anna@client.example", "PENDING");
        long other = account("carl@client.example", "PENDING");
        Instant now = Instant.now();

        MimeMessage mail = compose("anna@client.example", anna, OutboundKind.NOTIFY_NEW_MESSAGE, message, now);

        Matcher link = LINK.matcher(text(mail));
        assertThat(link.find()).as("a link in:%n%s", text(mail)).isTrue();
        assertThat(link.group(1)).isEqualTo("register");
        assertThat(storedLink(link.group(2)))
                .as("the link's account, purpose and validity")
                .isEqualTo(anna + " REGISTER " + Duration.ofDays(14).toSeconds())
                .isNotEqualTo(other + " REGISTER " + Duration.ofDays(14).toSeconds());
        assertThat(mail.getSubject()).isEqualTo("Bank Example has sent you a secure message");
        assertThat(text(mail)).contains("Bob Banker <bob@bank.example> at Bank Example has sent you a secure message");
    }

    @Test
    void anActiveAccountsNotificationNamesTheSenderButHoldsNoWordOfTheMessage() throws Exception {
        long anna = account("anna@client.example", "ACTIVE");
        try (Connection c = db.dataSource().getConnection()) {
            StoredMessages.deliverToInboxes(c, message, List.of(anna), Instant.now());
        }

        MimeMessage mail =
                compose("anna@client.example", anna, OutboundKind.NOTIFY_NEW_MESSAGE, message, Instant.now());

        assertThat(mail.getSubject()).isEqualTo("New secure message from Bank Example");
        assertThat(text(mail))
                .contains("Bob Banker <bob@bank.example> at Bank Example has sent you a new secure message")
                .contains("https://secure.bank.example/")
                .doesNotContain("4711", "confidential", "Quarterly figures", "token=");
        assertThat(html(mail)).doesNotContain("4711", "confidential", "Quarterly figures");
        assertThat(db.strings("SELECT id FROM one_time_token"))
                .as("links minted")
                .isEmpty();
    }

    @Test
    void aResetMailCarriesAResetLinkOfOneHour() throws Exception {
        long anna = account("anna@client.example", "ACTIVE");
        Instant now = Instant.now();

        MimeMessage mail = compose("anna@client.example", anna, OutboundKind.PASSWORD_RESET, null, now);

        Matcher link = LINK.matcher(text(mail));
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isEqualTo("reset");
        assertThat(storedLink(link.group(2)))
                .isEqualTo(anna + " RESET_PASSWORD " + Duration.ofHours(1).toSeconds());
    }

    @Test
    void aNoticeCarriesNoLinkAndEveryMailIsMarkedAutomatic() throws Exception {
        long anna = account("anna@client.example", "ACTIVE");

        MimeMessage mail = compose("anna@client.example", anna, OutboundKind.PASSWORD_CHANGED, null, Instant.now());

        assertThat(text(mail)).contains("was just changed").doesNotContain("token=");
        assertThat(db.strings("SELECT id FROM one_time_token")).isEmpty();
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("Bank Example <secure@bank.example>");
    }

    private MimeMessage compose(String recipient, long accountId, OutboundKind kind, UUID content, Instant now)
            throws Exception {
        QueuedMail row = new QueuedMail(1, kind, recipient, accountId, content, 0, now, null, null);
        return db.inTransaction(
                em -> composer.compose(em, Session.getInstance(new Properties()), recipient, List.of(row), now, mails));
    }

    /**
     * The stored row of a link: the token itself is never stored, only its SHA-256
     * ({@code OneTimeTokens}), so the row is found by that.
     */
    private static String storedLink(String token) throws Exception {
        return db.string(
                "SELECT account_id || ' ' || purpose || ' ' || extract(epoch FROM expires_at - created_at)::bigint"
                        + " FROM one_time_token WHERE token_hash = sha256(convert_to('" + token + "', 'UTF8'))");
    }

    private static long account(String address, String state) throws Exception {
        db.execute("INSERT INTO account (email, role, state) VALUES ('" + address + "', 'RECIPIENT', '" + state + "')");
        return Long.parseLong(db.string("SELECT id FROM account WHERE email = '" + address + "'"));
    }

    private static String text(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    }

    private static String html(MimeMessage mail) throws Exception {
        Object html = ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        return html instanceof MimeMultipart related
                ? (String) related.getBodyPart(0).getContent()
                : (String) html;
    }
}

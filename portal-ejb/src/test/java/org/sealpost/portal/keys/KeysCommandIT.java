package org.sealpost.portal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.KeystoreLocation;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.intake.IntakeStore;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.TestOperatorContext;

/** {@code ./sealpost keys …} as the launcher runs it: the command class over the portal's persistence unit. */
class KeysCommandIT {

    private static PortalJpa db;

    @TempDir
    Path dataDir;

    private final Map<Setting, String> settings = new EnumMap<>(Setting.class);
    private boolean production;
    private TestOperatorContext operator;
    private final SteppingClock clock = new SteppingClock();
    private KeyEncryptionKeys portal;
    private UUID message;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("keyscommand");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The portal started once in development (its keystore under the data directory) and took one message. */
    @BeforeEach
    void aPortalThatStoredAMessage() throws Exception {
        portal = KeystoreLocation.of(s -> Optional.ofNullable(settings.get(s)), dataDir)
                .openForPortal(false);
        message = UUID.randomUUID();
        byte[] raw = "Subject: hello\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8);
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE account, message_content, mailbox_entry, outbound_mail, audit_event, draft,"
                    + " draft_attachment, search_index_queue, kek_rotation RESTART IDENTITY CASCADE");
            StoredMessages.storeContent(
                    c,
                    message,
                    new MessageSealer(portal).seal(message, raw, new byte[] {1}),
                    raw.length,
                    Instant.now());
            IntakeStore.deliverInPortal(c, message, List.of(EmailAddress.of("anna@client.example")), Instant.now());
        }
    }

    private int keys(String... arguments) throws Exception {
        context().clear();
        return new KeysCommand(clock).run(List.of(arguments), context());
    }

    @Test
    void statusNamesEachVersionWhichIsCurrentAndTheKeysItWrapsPerTable() throws Exception {
        assertThat(keys("status")).isEqualTo(OperatorCommand.OK);

        assertThat(out())
                .contains("keystore " + dataDir.resolve("keys/kek.p12"))
                .containsPattern("kek-v1 +current +1(?: +0)+ +1\\n")
                .contains("no rotation recorded");
    }

    @Test
    void rotateMakesANewVersionCurrentRewrapsEveryKeyAndThenTheOldVersionRetires() throws Exception {
        clock.tickOnEveryReading(Duration.ofSeconds(1));

        assertThat(keys("rotate")).isEqualTo(OperatorCommand.OK);

        assertThat(out())
                .contains("kek-v2 is now current")
                .contains("1 re-wrapped, 0 left")
                .contains("Every data key is wrapped by kek-v2");
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(new MessageSealer(portal)
                            .openMime(message, StoredMessages.sealed(c, message).orElseThrow()))
                    .as("the running portal's keystore instance opens the re-wrapped key")
                    .asString(StandardCharsets.UTF_8)
                    .contains("hello");
        }
        assertThat(keys("retire", "kek-v1")).isEqualTo(OperatorCommand.OK);
        assertThat(out()).contains("kek-v1 is retired").contains("rebuilds its search index");
        assertThat(keys("status")).isZero();
        assertThat(out()).containsPattern("kek-v2 +current +1(?: +0)+ +1\\n").doesNotContain("kek-v1 ");
    }

    @Test
    void retireOfAVersionInUseExitsOneWithTheReasonAndChangesNothing() throws Exception {
        assertThat(keys("rotate", "--no-wait")).isZero();

        assertThat(keys("retire", "1")).isEqualTo(OperatorCommand.REFUSED);

        assertThat(err())
                .isEqualTo(
                        "sealpost keys: refused: kek-v1 still wraps 1 data keys (message_content 1);"
                                + " retire it when the re-wrap has moved them to the current version (the status shows the progress).\n");
        assertThat(KeyEncryptionKeys.open(dataDir.resolve("keys/kek.p12"), password())
                        .versions())
                .containsExactly(1, 2);
    }

    @Test
    void argumentsThatDoNotParseGetTheUsageAndExitStatus64() throws Exception {
        assertThat(keys("retire", "one")).isEqualTo(OperatorCommand.USAGE);
        assertThat(keys("rotate", "--now")).isEqualTo(OperatorCommand.USAGE);
        assertThat(keys()).isEqualTo(OperatorCommand.USAGE);
        assertThat(err()).contains("./sealpost keys retire VERSION");
    }

    @Test
    void productionRefusesAKeystoreFileOthersMayReadAndTouchesNothing() throws Exception {
        Path keystore = dataDir.resolve("keys/kek.p12");
        settings.put(Setting.KEYSTORE, keystore.toString());
        settings.put(Setting.KEYSTORE_PASSWORD, new String(password()));
        production = true;
        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(keys("rotate", "--no-wait")).isEqualTo(OperatorCommand.REFUSED);

        assertThat(err())
                .startsWith("sealpost keys: refused: unsafe keystore file " + keystore)
                .contains("readable by group or others (rw-r-----)");
        assertThat(KeyEncryptionKeys.open(keystore, password()).versions()).containsExactly(1);

        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        assertThat(keys("status")).isZero();
    }

    private char[] password() throws Exception {
        return Files.readString(dataDir.resolve("keys/kek.password")).trim().toCharArray();
    }

    private String out() {
        return context().printed();
    }

    private String err() {
        return context().complained();
    }

    private TestOperatorContext context() {
        if (operator == null) {
            operator =
                    new TestOperatorContext(db, dataDir, s -> Optional.ofNullable(settings.get(s)), () -> production);
        }
        return operator;
    }
}

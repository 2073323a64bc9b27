package org.sealpost.portal.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.intake.IntakeStore;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.policy.PolicySeed;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.Refusal;
import org.sealpost.portal.policy.RefusalReason;

/**
 * Reply, reply all, forward and new messages end to end against PostgreSQL, without Payara:
 * into the outbound queue for colleagues, into the portal for external addresses, the Sent
 * copy, drafts and streamed uploads — and refusals that leave nothing sent.
 */
class ComposeIT {

    @TempDir
    static Path keys;

    private static PortalJpa db;
    private static MessageSealer sealer;

    private long anna;
    private long originalEntry;
    private long otherAccountsEntry;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("compose");
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(keys.resolve("kek.p12"), "pw".toCharArray()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /**
     * Bob, a colleague at bank.example, wrote to Anna (external) and Carl (colleague), Cc Dora
     * (external), with a PDF, in a thread; it came over the bridge. Zoe got another message, from Yvonne.
     */
    @BeforeEach
    void anOriginalFromAColleague() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE account, message_content, mailbox_entry, outbound_mail, audit_event, draft,"
                    + " draft_attachment, search_index_queue, portal_policy RESTART IDENTITY CASCADE");
            String mime = """
                    From: Bob Banker <bob@bank.example>
                    To: anna@client.example, Carl <carl@bank.example>
                    Cc: dora@client2.example
                    Subject: Quarterly figures
                    Date: Tue, 01 Dec 2026 10:00:00 +0100
                    Message-ID: <orig-1@bank.example>
                    References: <root@bank.example>
                    In-Reply-To: <root@bank.example>
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="b1"

                    --b1
                    Content-Type: text/plain; charset=utf-8

                    Dear Anna,
                    the figures are attached.
                    --b1
                    Content-Type: application/pdf; name="figures.pdf"
                    Content-Disposition: attachment; filename="figures.pdf"
                    Content-Transfer-Encoding: base64

                    JVBERi0xLjQKJcfsj6IKZmFrZSBwZGYK
                    --b1--
                    """.replace("\n", "\r\n");
            anna = store(c, mime, "anna@client.example");
            originalEntry = entryOf(c, anna);
            long zoe = store(
                    c,
                    mime.replace("orig-1", "zoe-1")
                            .replace("Bob Banker <bob@bank.example>", "Yvonne <yvonne@bank.example>"),
                    "zoe@client.example");
            otherAccountsEntry = entryOf(c, zoe);
            s.execute("UPDATE account SET state = 'ACTIVE'");
            s.execute("DELETE FROM outbound_mail");
            s.execute("DELETE FROM search_index_queue");
        }
        policy(Map.of(Setting.INTERNAL_DOMAINS, "bank.example"));
    }

    private static long store(Connection c, String mime, String recipient) throws SQLException {
        byte[] raw = mime.getBytes(StandardCharsets.UTF_8);
        MimeReading.Readable reading = (MimeReading.Readable) new MimeMetadataExtractor().extract(raw);
        UUID id = UUID.randomUUID();
        SealedMessage sealed = sealer.seal(id, raw, reading.metadata().encode());
        StoredMessages.storeContent(c, id, sealed, raw.length, Instant.now());
        IntakeStore.deliverInPortal(c, id, List.of(EmailAddress.of(recipient)), Instant.now());
        return single(c, "SELECT id FROM account WHERE email = '" + recipient + "'");
    }

    private static long entryOf(Connection c, long account) throws SQLException {
        return single(c, "SELECT max(id) FROM mailbox_entry WHERE account_id = " + account);
    }

    /** Seeds the policy from these settings (the row is deleted first). */
    private static void policy(Map<Setting, String> settings) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("DELETE FROM portal_policy");
        }
        seed = settings;
        desk(ComposeDesk::effectivePolicy);
    }

    private static Map<Setting, String> seed = Map.of();

    private static void sql(String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long single(Connection c, String query) throws SQLException {
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return single(c, query);
        }
    }

    @FunctionalInterface
    interface DeskWork<T> {
        T run(ComposeDesk desk) throws Exception;
    }

    /** One call, one transaction, as the EJB runs it. */
    private static <T> T desk(DeskWork<T> work) throws Exception {
        return db.inTransaction(em -> {
            ComposeDesk.Jdbc jdbc = new ComposeDesk.Jdbc() {
                @Override
                public <R> R with(ComposeDesk.SqlWork<R> w) throws SQLException {
                    return w.apply(PortalJpa.connectionOf(em));
                }
            };
            return work.run(new ComposeDesk(
                    em,
                    jdbc,
                    sealer,
                    new ComposeDesk.Settings(
                            () -> PolicySeed.fromSettings(s -> Optional.ofNullable(seed.get(s)), Instant.now()),
                            new InternetAddress("portal@bank.example"),
                            "portal.bank.example"),
                    Clock.systemUTC()));
        });
    }

    /** The MIME of the message an outbound RELAY row points at, opened from its seal. */
    private static MimeMessage relayedTo(String recipient) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT content_id FROM outbound_mail WHERE kind = 'RELAY' AND recipient = ? AND state = 'QUEUED'")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a queued relay to " + recipient).isTrue();
                UUID content = rs.getObject(1, UUID.class);
                assertThat(rs.next()).as("only one relay to " + recipient).isFalse();
                return mime(sealer.openMime(
                        content, StoredMessages.sealed(c, content).orElseThrow()));
            }
        }
    }

    private static MimeMessage mime(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    // ---- reply

    @Test
    void aReplyToAColleagueIsQueuedForTheSmarthostThreadedAndKeptInSent() throws Exception {
        Draft prepared = desk(d -> d.prepare(anna, DraftOrigin.of(PortalAction.REPLY, originalEntry)));
        assertThat(prepared.fields().to()).isEqualTo("bob@bank.example");
        assertThat(prepared.fields().cc()).isEmpty();
        assertThat(prepared.fields().subject()).isEqualTo("Re: Quarterly figures");
        assertThat(prepared.fields().body()).contains("> Dear Anna,", "> the figures are attached.");

        SendOutcome outcome = desk(d -> d.send(
                        anna,
                        null,
                        prepared.origin(),
                        new DraftFields(
                                prepared.fields().to(),
                                "",
                                prepared.fields().subject(),
                                "Thanks, Bob." + prepared.fields().body()),
                        "192.0.2.7")
                .outcome());

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        MimeMessage relayed = relayedTo("bob@bank.example");
        assertThat(relayed.getHeader("In-Reply-To", null)).isEqualTo("<orig-1@bank.example>");
        assertThat(relayed.getHeader("References", " ").replaceAll("\\s+", " "))
                .isEqualTo("<root@bank.example> <orig-1@bank.example>");
        assertThat(relayed.getMessageID()).endsWith("@portal.bank.example>");
        assertThat(relayed.getSubject()).isEqualTo("Re: Quarterly figures");
        assertThat(((InternetAddress) relayed.getFrom()[0]).getAddress()).isEqualTo("portal@bank.example");
        assertThat(((InternetAddress) relayed.getFrom()[0]).getPersonal())
                .isEqualTo("anna@client.example via Sealpost");
        assertThat(((InternetAddress) relayed.getReplyTo()[0]).getAddress()).isEqualTo("anna@client.example");
        assertThat(relayed.getContent().toString()).startsWith("Thanks, Bob.");

        long sent = ((SendOutcome.Sent) outcome).sentEntryId();
        assertThat(count("SELECT count(*) FROM mailbox_entry WHERE id = " + sent + " AND account_id = " + anna
                        + " AND folder = 'SENT'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM search_index_queue WHERE entry_id = " + sent))
                .isOne();
        assertThat(count("SELECT count(*) FROM draft")).isZero();
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_event WHERE action = 'MESSAGE_SENT' AND actor = 'anna@client.example'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM outbound_mail"))
                .as("one relay, no notification")
                .isOne();
    }

    @Test
    void aReplySentStraightFromThePageNeverStoresADraftNotEvenForTheSend() throws Exception {
        Draft prepared = desk(d -> d.prepare(anna, DraftOrigin.of(PortalAction.REPLY, originalEntry)));

        SendOutcome outcome = desk(d ->
                d.send(anna, null, prepared.origin(), prepared.fields(), null).outcome());

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        assertThat(relayedTo("bob@bank.example").getHeader("In-Reply-To", null)).isEqualTo("<orig-1@bank.example>");
        // The identity sequence restarts for every test: a draft inserted and deleted within the
        // send would have drawn a number from it.
        assertThat(count("SELECT count(*) FROM pg_sequences WHERE sequencename = 'draft_id_seq'"
                        + " AND last_value IS NOT NULL"))
                .isZero();
    }

    @Test
    void aReplyAllGoesToTheSenderAndTheOtherRecipientsButNotToTheWriter() throws Exception {
        Draft prepared = desk(d -> d.prepare(anna, DraftOrigin.of(PortalAction.REPLY_ALL, originalEntry)));

        assertThat(prepared.fields().to()).isEqualTo("bob@bank.example, carl@bank.example");
        assertThat(prepared.fields().cc()).isEqualTo("dora@client2.example");
    }

    @Test
    void aReplyAllToAnExternalAddressIsRefusedWhileInternalOnlyAndSentOnceAllowedEachRecipientOnce() throws Exception {
        Draft prepared = desk(d -> d.prepare(anna, DraftOrigin.of(PortalAction.REPLY_ALL, originalEntry)));
        DraftFields typed = new DraftFields(
                prepared.fields().to() + ", Bob@Bank.example",
                prepared.fields().cc(),
                prepared.fields().subject(),
                "See you." + prepared.fields().body());

        SendOutcome refused =
                desk(d -> d.send(anna, null, prepared.origin(), typed, null).outcome());

        assertThat(refused).isInstanceOfSatisfying(SendOutcome.Refused.class, r -> {
            assertThat(r.decision().refusals())
                    .extracting(Refusal::reason, Refusal::address)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            RefusalReason.EXTERNAL_NOT_ALLOWED, "dora@client2.example"));
        });
        long draftId = ((SendOutcome.Refused) refused).draftId();
        assertThat(desk(d -> d.load(anna, draftId)).fields())
                .as("nothing typed is lost")
                .isEqualTo(typed);
        assertThat(count("SELECT count(*) FROM outbound_mail")).isZero();
        assertThat(count("SELECT count(*) FROM message_content")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'SEND_REFUSED'"))
                .isOne();

        sql("UPDATE portal_policy SET reply_all_scope = 'INTERNAL_AND_EXTERNAL'");
        SendOutcome sent = desk(d -> d.send(anna, draftId, null, typed, null).outcome());

        assertThat(sent).isEqualTo(new SendOutcome.Sent(((SendOutcome.Sent) sent).sentEntryId(), 2, 1));
        relayedTo("bob@bank.example");
        relayedTo("carl@bank.example");
        long dora = count("SELECT id FROM account WHERE email = 'dora@client2.example' AND state = 'PENDING'");
        assertThat(dora).as("a PENDING account for the new external address").isPositive();
        assertThat(count("SELECT count(*) FROM mailbox_entry WHERE account_id = " + dora + " AND folder = 'INBOX'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM outbound_mail WHERE kind = 'NOTIFY_NEW_MESSAGE'"
                        + " AND recipient = 'dora@client2.example'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM outbound_mail WHERE recipient LIKE '%client2%' AND kind = 'RELAY'"))
                .as("nothing to an external address by mail")
                .isZero();
    }

    // ---- forward

    @Test
    void forwardIsOffByDefaultAndACraftedForwardIsRefusedWithNothingSent() throws Exception {
        assertThatThrownBy(() -> desk(d -> d.prepare(anna, DraftOrigin.of(PortalAction.FORWARD, originalEntry))))
                .isInstanceOf(ActionDisabledException.class);

        SendOutcome outcome = desk(d -> d.send(
                        anna,
                        null,
                        DraftOrigin.of(PortalAction.FORWARD, originalEntry),
                        new DraftFields("carl@bank.example", "", "Fwd: x", "look"),
                        null)
                .outcome());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Refused.class,
                        r -> assertThat(r.decision().refusals())
                                .extracting(Refusal::reason)
                                .containsExactly(RefusalReason.ACTION_DISABLED));
        assertThat(count("SELECT count(*) FROM outbound_mail")).isZero();
        assertThat(count("SELECT count(*) FROM mailbox_entry WHERE folder = 'SENT'"))
                .isZero();
    }

    @Test
    void aForwardCarriesTheOriginalsFilesOnlyWhereAttachIsAllowedForTheAddresses() throws Exception {
        policy(Map.of(Setting.INTERNAL_DOMAINS, "bank.example", Setting.POLICY_FORWARD, "external"));
        Draft prepared = desk(d -> d.prepare(anna, DraftOrigin.of(PortalAction.FORWARD, originalEntry)));
        assertThat(prepared.fields().subject()).isEqualTo("Fwd: Quarterly figures");
        assertThat(prepared.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("figures.pdf");
            assertThat(a.forwarded()).isTrue();
        });
        DraftFields mixed = new DraftFields(
                "carl@bank.example, eve@client3.example",
                "",
                "Fwd: Quarterly figures",
                "FYI" + prepared.fields().body());

        SendOutcome refused =
                desk(d -> d.send(anna, null, prepared.origin(), mixed, null).outcome());
        assertThat(refused)
                .isInstanceOfSatisfying(
                        SendOutcome.Refused.class,
                        r -> assertThat(r.decision().refusals())
                                .extracting(Refusal::reason, Refusal::address)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                        RefusalReason.ATTACHMENTS_EXTERNAL_NOT_ALLOWED, "eve@client3.example")));
        long draftId = ((SendOutcome.Refused) refused).draftId();

        // Sent to the colleague alone, the file goes with it.
        SendOutcome toColleague = desk(d -> d.send(
                        anna,
                        draftId,
                        null,
                        new DraftFields("carl@bank.example", "", mixed.subject(), mixed.body()),
                        null)
                .outcome());
        assertThat(toColleague).isInstanceOf(SendOutcome.Sent.class);
        assertThat(fileNames(relayedTo("carl@bank.example"))).containsExactly("figures.pdf");

        // Left out, the forward may go to the external address too (beside an internal one).
        Draft again = desk(d -> d.view(d.save(anna, null, prepared.origin(), mixed)));
        Draft without = desk(d ->
                d.removeAttachment(anna, again.id(), again.attachments().get(0).id()));
        assertThat(without.attachments()).isEmpty();
        SendOutcome sent = desk(d -> d.send(
                        anna,
                        again.id(),
                        null,
                        new DraftFields("dave@bank.example, eve@client3.example", "", mixed.subject(), mixed.body()),
                        null)
                .outcome());
        assertThat(sent).isInstanceOf(SendOutcome.Sent.class);
        assertThat(fileNames(relayedTo("dave@bank.example"))).isEmpty();
    }

    private static List<String> fileNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        if (m.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(mp.getBodyPart(i).getDisposition())) {
                    names.add(mp.getBodyPart(i).getFileName());
                }
            }
        }
        return names;
    }

    // ---- compose

    @Test
    void aNewMessageToAnExternalAddressAloneIsRefusedThenGoesInThePortalOnceAColleagueIsAdded() throws Exception {
        policy(Map.of(Setting.INTERNAL_DOMAINS, "bank.example", Setting.POLICY_COMPOSE, "external"));
        DraftFields external = new DraftFields("frank@client4.example", "", "Secret plans", "The launch is on Friday.");

        SendOutcome refused = desk(d ->
                d.send(anna, null, DraftOrigin.newMessage(), external, null).outcome());
        assertThat(refused)
                .isInstanceOfSatisfying(
                        SendOutcome.Refused.class,
                        r -> assertThat(r.decision().refusals())
                                .extracting(Refusal::reason)
                                .containsExactly(RefusalReason.INTERNAL_RECIPIENT_REQUIRED));

        long draftId = ((SendOutcome.Refused) refused).draftId();
        DraftFields withColleague =
                new DraftFields("frank@client4.example", "carl@bank.example", external.subject(), external.body());
        assertThat(ComposeIT.<SendOutcome>desk(
                        d -> d.send(anna, draftId, null, withColleague, null).outcome()))
                .isInstanceOf(SendOutcome.Sent.class);

        relayedTo("carl@bank.example");
        assertThat(count("SELECT count(*) FROM outbound_mail WHERE recipient = 'frank@client4.example'"
                        + " AND kind = 'NOTIFY_NEW_MESSAGE'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM account WHERE email = 'frank@client4.example' AND state = 'PENDING'"))
                .isOne();
        // Stored sealed: not one word of it in clear in the database.
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT mime_ciphertext, metadata_ciphertext FROM message_content")) {
            while (rs.next()) {
                assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1))
                        .doesNotContain("launch", "Secret");
                assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1))
                        .doesNotContain("Secret");
            }
        }
    }

    @Test
    void anEmptyToIsItsOwnReasonNotAnError() throws Exception {
        SendOutcome outcome =
                desk(d -> d.send(anna, null, DraftOrigin.newMessage(), new DraftFields(" ", "", "s", "b"), null)
                        .outcome());
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Refused.class,
                        r -> assertThat(r.decision().refusals())
                                .extracting(Refusal::reason)
                                .containsExactly(RefusalReason.NO_RECIPIENT));
    }

    // ---- another account's ids

    @Test
    void anotherAccountsMessageOrDraftIsNotFound() throws Exception {
        assertThatThrownBy(() -> desk(d -> d.prepare(anna, DraftOrigin.of(PortalAction.REPLY, otherAccountsEntry))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk(d -> d.send(
                        anna,
                        null,
                        DraftOrigin.of(PortalAction.REPLY, otherAccountsEntry),
                        new DraftFields("bob@bank.example", "", "x", "y"),
                        null)))
                .isInstanceOf(NotFoundException.class);
        long zoe = count("SELECT id FROM account WHERE email = 'zoe@client.example'");
        Draft zoes = desk(d -> d.view(d.save(zoe, null, DraftOrigin.newMessage(), new DraftFields("", "", "z", "z"))));
        assertThatThrownBy(() -> desk(d -> d.load(anna, zoes.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk(d -> {
                    d.discard(anna, zoes.id(), null);
                    return null;
                }))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> desk(d -> d.addAttachment(
                        anna, zoes.id(), "a.txt", "text/plain", new ByteArrayInputStream(new byte[10]))))
                .isInstanceOf(NotFoundException.class);
        assertThat(count("SELECT count(*) FROM draft")).isOne();
        assertThat(count("SELECT count(*) FROM draft_attachment")).isZero();
    }

    // ---- drafts

    @Test
    void aDraftIsSavedSealedListedLoadedAndDiscardedWithItsFiles() throws Exception {
        DraftFields typed = new DraftFields("carl@bank.example", "", "Holiday plans", "Hawaii in March");
        Draft saved = desk(d -> d.view(d.save(anna, null, DraftOrigin.newMessage(), typed)));
        desk(d -> d.addAttachment(
                anna, saved.id(), "itinerary.txt", "text/plain", new ByteArrayInputStream("Flight HA 11".getBytes())));

        assertThat(desk(d -> d.load(anna, saved.id())).fields()).isEqualTo(typed);
        assertThat(ComposeIT.<List<DraftLine>>desk(d -> d.drafts(anna, 0, 10)))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.subject()).isEqualTo("Holiday plans");
                    assertThat(line.hasAttachments()).isTrue();
                });
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT d.content_ciphertext, a.content_ciphertext, a.label_ciphertext"
                        + " FROM draft d JOIN draft_attachment a ON a.draft_id = d.id")) {
            rs.next();
            assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("Hawaii", "Holiday");
            assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("Flight");
            assertThat(new String(rs.getBytes(3), StandardCharsets.ISO_8859_1)).doesNotContain("itinerary");
        }

        desk(d -> {
            d.discard(anna, saved.id(), "192.0.2.7");
            return null;
        });

        assertThat(count("SELECT count(*) FROM draft")).isZero();
        assertThat(count("SELECT count(*) FROM draft_attachment"))
                .as("the files and their keys too")
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'DRAFT_DISCARDED'"))
                .isOne();
        assertThatThrownBy(() -> desk(d -> d.load(anna, saved.id()))).isInstanceOf(NotFoundException.class);
    }

    // ---- uploads

    @Test
    void anUploadedFileGoesWithTheMessageByteForByteUnderACleanedName() throws Exception {
        Draft saved = desk(d -> d.view(d.save(anna, null, DraftOrigin.newMessage(), DraftFields.EMPTY)));
        byte[] file = new byte[300_000];
        new java.util.Random(7).nextBytes(file);

        UploadOutcome up = desk(d -> d.addAttachment(
                anna,
                saved.id(),
                "..\\..\\evil/re\u0000port\u202E.pdf",
                "Application/PDF; x=y",
                new ByteArrayInputStream(file)));

        assertThat(up).isInstanceOfSatisfying(UploadOutcome.Stored.class, s -> {
            assertThat(s.attachment().fileName()).isEqualTo("re_port_.pdf");
            assertThat(s.attachment().contentType()).isEqualTo("application/pdf");
            assertThat(s.attachment().size()).isEqualTo(file.length);
        });
        desk(d -> d.send(anna, saved.id(), null, new DraftFields("carl@bank.example", "", "report", "attached"), null));
        MimeMessage relayed = relayedTo("carl@bank.example");
        Multipart mp = (Multipart) relayed.getContent();
        try (InputStream in = mp.getBodyPart(1).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
    }

    /** The size recorded once the stream ran out, and a removed file gone with its key. */
    @Test
    void anUploadedFileKeepsItsSizeAndIsGoneOnceRemoved() throws Exception {
        Draft saved = desk(d -> d.view(d.save(anna, null, DraftOrigin.newMessage(), DraftFields.EMPTY)));
        desk(d -> d.addAttachment(anna, saved.id(), "a.txt", "text/plain", new ByteArrayInputStream(new byte[1234])));
        desk(d -> d.addAttachment(anna, saved.id(), "b.txt", "text/plain", new ByteArrayInputStream(new byte[56])));
        Draft withTwo = desk(d -> d.load(anna, saved.id()));
        assertThat(withTwo.attachments())
                .extracting(DraftAttachment::fileName, DraftAttachment::size)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.txt", 1234L),
                        org.assertj.core.groups.Tuple.tuple("b.txt", 56L));

        Draft withOne = desk(d -> d.removeAttachment(
                anna, saved.id(), withTwo.attachments().get(0).id()));

        assertThat(withOne.attachments()).extracting(DraftAttachment::fileName).containsExactly("b.txt");
        assertThat(count("SELECT count(*) FROM draft_attachment")).isOne();
        assertThat(count("SELECT sum(size_bytes) FROM draft_attachment")).isEqualTo(56);
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedNamingItAndLeavesNothing() throws Exception {
        Draft saved = desk(d -> d.view(d.save(anna, null, DraftOrigin.newMessage(), DraftFields.EMPTY)));
        sql("UPDATE portal_policy SET max_attachment_bytes = 1048576");
        desk(d -> d.addAttachment(anna, saved.id(), "a.bin", null, new ByteArrayInputStream(new byte[600_000])));
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                read[0] += len;
                return len;
            }
        };

        UploadOutcome second = desk(d -> d.addAttachment(anna, saved.id(), "b.bin", null, endless));

        assertThat(second).isInstanceOfSatisfying(UploadOutcome.Refused.class, r -> {
            assertThat(r.refusal().reason()).isEqualTo(RefusalReason.ATTACHMENTS_TOO_LARGE);
            assertThat(r.refusal().arguments()).containsExactly("1048576", "1");
        });
        assertThat(read[0]).as("stopped reading soon after the limit").isLessThan(1_048_576L);
        assertThat(count("SELECT count(*) FROM draft_attachment")).isOne();
        assertThat(count("SELECT sum(size_bytes) FROM draft_attachment")).isEqualTo(600_000);
    }

    @Test
    void anUploadThatBreaksOffHalfwayLeavesNothing() throws Exception {
        Draft saved = desk(d -> d.view(d.save(anna, null, DraftOrigin.newMessage(), DraftFields.EMPTY)));
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 200_000) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        UploadOutcome outcome = desk(d -> d.addAttachment(anna, saved.id(), "half.txt", "text/plain", breaking));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        UploadOutcome.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.UPLOAD_INCOMPLETE));
        assertThat(count("SELECT count(*) FROM draft_attachment")).isZero();
    }

    @Test
    void moreFilesThanAllowedAreRefusedAndAttachTurnedOffRefusesAnyUpload() throws Exception {
        Draft saved = desk(d -> d.view(d.save(anna, null, DraftOrigin.newMessage(), DraftFields.EMPTY)));
        sql("UPDATE portal_policy SET max_attachment_count = 1");
        desk(d -> d.addAttachment(anna, saved.id(), "1.txt", "text/plain", new ByteArrayInputStream(new byte[1])));
        assertThat(ComposeIT.<UploadOutcome>desk(d -> d.addAttachment(
                        anna, saved.id(), "2.txt", "text/plain", new ByteArrayInputStream(new byte[1]))))
                .isInstanceOfSatisfying(
                        UploadOutcome.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.TOO_MANY_ATTACHMENTS));

        sql("UPDATE portal_policy SET attach_scope = 'DISABLED', max_attachment_count = 20");
        assertThat(ComposeIT.<UploadOutcome>desk(d -> d.addAttachment(
                        anna, saved.id(), "3.txt", "text/plain", new ByteArrayInputStream(new byte[1]))))
                .isInstanceOfSatisfying(
                        UploadOutcome.Refused.class,
                        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.ATTACHMENTS_DISABLED));
        assertThat(count("SELECT count(*) FROM draft_attachment")).isOne();
        // And the one already there cannot be sent either.
        assertThat(ComposeIT.<SendOutcome>desk(
                        d -> d.send(anna, saved.id(), null, new DraftFields("carl@bank.example", "", "s", "b"), null)
                                .outcome()))
                .isInstanceOfSatisfying(
                        SendOutcome.Refused.class,
                        r -> assertThat(r.decision().refusals())
                                .extracting(Refusal::reason)
                                .containsExactly(RefusalReason.ATTACHMENTS_DISABLED));
    }

    // ---- policy and completion

    @Test
    void thePolicyIsSeededOnceAndThenTheDatabaseWins() throws Exception {
        sql("DELETE FROM audit_event");
        policy(Map.of(Setting.INTERNAL_DOMAINS, "bank.example", Setting.POLICY_FORWARD, "internal"));
        assertThat(desk(ComposeDesk::effectivePolicy).isForwardAllowed()).isTrue();
        seed = Map.of(Setting.POLICY_FORWARD, "disabled");
        assertThat(desk(ComposeDesk::effectivePolicy).isForwardAllowed())
                .as("settings only seed")
                .isTrue();
        sql("UPDATE portal_policy SET forward_scope = 'DISABLED'");
        assertThat(desk(ComposeDesk::effectivePolicy).isForwardAllowed())
                .as("a change is seen at once")
                .isFalse();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'POLICY_CHANGED'"))
                .as("seeding is audited, once")
                .isOne();
    }

    @Test
    void addressCompletionOffersTheAccountsOwnCorrespondentsOnly() throws Exception {
        assertThat(ComposeIT.<List<String>>desk(d -> d.complete(anna, "b", 10)))
                .containsExactly("Bob Banker <bob@bank.example>");
        assertThat(ComposeIT.<List<String>>desk(d -> d.complete(anna, "car", 10)))
                .containsExactly("Carl <carl@bank.example>");
        assertThat(ComposeIT.<List<String>>desk(d -> d.complete(anna, "anna", 10)))
                .as("not the account itself")
                .isEmpty();
        assertThat(ComposeIT.<List<String>>desk(d -> d.complete(anna, "zoe", 10)))
                .as("not another account")
                .isEmpty();
        assertThat(ComposeIT.<List<String>>desk(d -> d.complete(anna, "yv", 10)))
                .as("not another account's correspondents")
                .isEmpty();
    }
}

package org.sealpost.portal.compose;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.metadata.MailAddress;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.mailformat.structure.FileNames;
import org.sealpost.mailformat.view.MessageRendering;
import org.sealpost.mailformat.view.RenderedAttachment;
import org.sealpost.mailformat.view.RenderedMessage;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.intake.IntakeStore;
import org.sealpost.portal.message.MailboxEntry;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.policy.AddressField;
import org.sealpost.portal.policy.AttachmentLoad;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.PortalPolicies;
import org.sealpost.portal.policy.PortalPolicy;
import org.sealpost.portal.policy.RecipientAddress;
import org.sealpost.portal.policy.Refusal;
import org.sealpost.portal.policy.RefusalReason;
import org.sealpost.portal.policy.SendDecision;
import org.sealpost.portal.policy.TypedAddress;

/**
 * What {@link ComposeService} does, without the container: plain Java over an entity manager
 * and a JDBC connection in the caller's transaction, so the tests run it against PostgreSQL
 * as the EJB runs it in Payara.
 */
final class ComposeDesk {

    /** The JDBC connection of the current transaction (the one the entity manager uses). */
    @FunctionalInterface
    interface Jdbc {
        <T> T with(SqlWork<T> work) throws SQLException;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /**
     * @param policySeed      the policy from the settings, used only while the database holds none
     * @param portalAddress   the address mail to colleagues is sent From
     * @param messageIdDomain the right-hand side of the Message-IDs the portal mints (ADR 0009)
     */
    record Settings(Supplier<PortalPolicy> policySeed, InternetAddress portalAddress, String messageIdDomain) {}

    /** What a send did; {@code queuedRows} (relays and notifications) tell the caller to wake the outbound worker. */
    record Sending(SendOutcome outcome, int queuedRows) {}

    private static final String FORWARDED = "f";
    private static final String UPLOADED = "u";
    private static final int COMPLETION_SCAN = 300;

    private final EntityManager em;
    private final Jdbc jdbc;
    private final MessageSealer sealer;
    private final Settings settings;
    private final Clock clock;
    private final Drafts drafts;
    private final DraftFiles files;
    private final PortalPolicies policies;

    ComposeDesk(EntityManager em, Jdbc jdbc, MessageSealer sealer, Settings settings, Clock clock) {
        this.em = em;
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.settings = settings;
        this.clock = clock;
        this.drafts = new Drafts(em);
        this.files = new DraftFiles(em);
        this.policies = new PortalPolicies(em);
    }

    // ---- policy

    PortalPolicy policy() {
        PortalPolicies.Current current = policies.current(settings.policySeed());
        if (current.seeded()) {
            PortalPolicy p = current.policy();
            AuditTrail.on(em)
                    .record(
                            "system",
                            AuditAction.POLICY_CHANGED,
                            "policy",
                            "1",
                            null,
                            "seeded from settings: " + p.scopes() + ", internal domains " + p.internalDomains(),
                            clock.instant());
        }
        return current.policy();
    }

    EffectivePolicy effectivePolicy() {
        return policy().effective();
    }

    // ---- starting and keeping drafts

    Draft prepare(long accountId, DraftOrigin origin) throws NotFoundException, ActionDisabledException, SQLException {
        if (!policy().scope(origin.action()).allowed()) {
            throw new ActionDisabledException(origin.action());
        }
        if (origin.action() == PortalAction.COMPOSE) {
            return new Draft(null, origin, DraftFields.EMPTY, List.of(), null);
        }
        Original original = original(accountId, origin);
        DraftFields fields =
                Answers.prefill(origin.action(), original.metadata(), original.text(), ownAddress(accountId));
        List<DraftAttachment> forwarded =
                origin.action() == PortalAction.FORWARD ? forwardedFiles(original, List.of()) : List.of();
        return new Draft(null, origin, fields, forwarded, null);
    }

    /** Creates or updates; returns the stored draft and its content. */
    Saved save(long accountId, Long draftId, DraftOrigin origin, DraftFields fields)
            throws NotFoundException, SQLException {
        Instant now = clock.instant();
        if (draftId == null) {
            return keep(accountId, origin, firstContent(accountId, origin, fields), now);
        }
        StoredDraft stored =
                drafts.findForChange(draftId, accountId).orElseThrow(() -> new NotFoundException("draft", draftId));
        DraftContent content = open(stored).withFields(fields);
        stored.seal(content, sealer, now);
        drafts.flush();
        return new Saved(stored, content);
    }

    /** What a new draft holds: the fields and, for an answer, the original's threading. */
    private DraftContent firstContent(long accountId, DraftOrigin origin, DraftFields fields)
            throws NotFoundException, SQLException {
        if (origin == null) {
            throw new IllegalArgumentException("a new draft needs its origin (what it answers)");
        }
        if (origin.action() == PortalAction.COMPOSE) {
            return new DraftContent(fields, null, null, List.of());
        }
        Original original = original(accountId, origin);
        return new DraftContent(
                fields,
                original.metadata().messageIdHeader(),
                Answers.references(
                        original.header("References"),
                        original.header("In-Reply-To"),
                        original.metadata().messageIdHeader()),
                List.of());
    }

    private Saved keep(long accountId, DraftOrigin origin, DraftContent content, Instant now) {
        StoredDraft stored = StoredDraft.start(accountId, origin, content, sealer, now);
        drafts.add(stored);
        return new Saved(stored, content);
    }

    record Saved(StoredDraft draft, DraftContent content) {}

    Draft view(Saved saved) throws SQLException {
        return view(saved.draft(), saved.content());
    }

    Draft load(long accountId, long draftId) throws NotFoundException, SQLException {
        StoredDraft stored = drafts.find(draftId, accountId).orElseThrow(() -> new NotFoundException("draft", draftId));
        return view(stored, open(stored));
    }

    List<DraftLine> drafts(long accountId, int first, int max) throws SQLException {
        List<DraftLine> lines = new ArrayList<>();
        for (StoredDraft d : drafts.page(accountId, first, max)) {
            DraftContent content = open(d);
            lines.add(new DraftLine(
                    d.id(),
                    d.action(),
                    content.fields().to(),
                    content.fields().subject(),
                    d.savedAt(),
                    load(d, content).any()));
        }
        return lines;
    }

    long draftCount(long accountId) {
        return drafts.count(accountId);
    }

    void discard(long accountId, long draftId, String clientAddress) throws NotFoundException {
        StoredDraft stored =
                drafts.findForChange(draftId, accountId).orElseThrow(() -> new NotFoundException("draft", draftId));
        drafts.delete(stored);
        AuditTrail.on(em)
                .record(
                        ownAddress(accountId),
                        AuditAction.DRAFT_DISCARDED,
                        "draft",
                        Long.toString(draftId),
                        clientAddress,
                        stored.action().name(),
                        clock.instant());
    }

    // ---- files

    /** Thrown inside the upload stream when the limit is passed; read back from {@link Limited#exceeded}. */
    private static final class LimitPassed extends IOException {
        private static final long serialVersionUID = 1L;

        LimitPassed() {
            super("attachment limit passed");
        }
    }

    /** Counts what is read and stops at the limit, so an oversized upload is never read to its end. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;
        private boolean exceeded;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws LimitPassed {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new LimitPassed();
            }
        }
    }

    UploadOutcome addAttachment(long accountId, long draftId, String fileName, String contentType, InputStream content)
            throws NotFoundException, SQLException {
        StoredDraft stored = drafts.find(draftId, accountId).orElseThrow(() -> new NotFoundException("draft", draftId));
        jdbc.with(c -> {
            Drafts.lockForUpload(c, draftId);
            return null;
        });
        PortalPolicy policy = policy();
        if (!policy.scope(PortalAction.ATTACH).allowed()) {
            return new UploadOutcome.Refused(Refusal.of(null, null, RefusalReason.ATTACHMENTS_DISABLED));
        }
        AttachmentLoad load = load(stored, open(stored));
        List<Refusal> overCount = policy.limitRefusals(new AttachmentLoad(load.count() + 1, load.totalBytes()));
        if (!overCount.isEmpty()) {
            return new UploadOutcome.Refused(overCount.get(0));
        }
        long room = policy.maxAttachmentBytes() - load.totalBytes();
        String name = FileNames.sanitize(fileName, "attachment");
        String type = contentType(contentType);
        UUID sealId = UUID.randomUUID();
        SealedMessage label = sealer.seal(sealId, new DraftFile.Label(name, type).encode(), new byte[0]);
        Limited counted = new Limited(content, room);
        try {
            InputStream ciphertext = sealer.sealStream(sealId, label, counted);
            long id = jdbc.with(c -> DraftFiles.insert(c, draftId, sealId, label, ciphertext, clock.instant()));
            files.recordSize(id, counted.count);
            return new UploadOutcome.Stored(new DraftAttachment(UPLOADED + id, name, type, counted.count, false));
        } catch (SQLException e) {
            // The PostgreSQL driver reads the stream while binding it, so a stream that stops
            // (over the limit, or the browser went away) fails before anything is sent to the
            // database: nothing of the file is stored.
            if (counted.exceeded) {
                return new UploadOutcome.Refused(
                        policy.limitRefusals(new AttachmentLoad(load.count() + 1, policy.maxAttachmentBytes() + 1))
                                .get(0));
            }
            if (causedByIo(e)) {
                return new UploadOutcome.Refused(Refusal.of(null, null, RefusalReason.UPLOAD_INCOMPLETE));
            }
            throw e;
        } catch (SealBrokenException e) {
            throw new IllegalStateException("a label sealed just now does not open: " + e.getMessage(), e);
        }
    }

    private static boolean causedByIo(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** A {@code type/subtype} token pair in lower case, else application/octet-stream (RFC 2045 section 5.1). */
    private static String contentType(String given) {
        if (given == null) {
            return "application/octet-stream";
        }
        String t = given.strip().toLowerCase(Locale.ROOT);
        int semicolon = t.indexOf(';');
        if (semicolon >= 0) {
            t = t.substring(0, semicolon).strip();
        }
        return t.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+") ? t : "application/octet-stream";
    }

    Draft removeAttachment(long accountId, long draftId, String attachmentId) throws NotFoundException, SQLException {
        StoredDraft stored =
                drafts.findForChange(draftId, accountId).orElseThrow(() -> new NotFoundException("draft", draftId));
        DraftContent content = open(stored);
        if (attachmentId != null && attachmentId.startsWith(UPLOADED)) {
            long fileId = parseId(attachmentId.substring(UPLOADED.length()), attachmentId);
            files.delete(
                    files.find(draftId, fileId).orElseThrow(() -> new NotFoundException("attachment", attachmentId)));
        } else if (attachmentId != null
                && attachmentId.startsWith(FORWARDED)
                && stored.action() == PortalAction.FORWARD
                && stored.originalEntryId() != null) {
            String partId = attachmentId.substring(FORWARDED.length());
            Original original = original(accountId, stored.origin());
            if (original.rendered().attachments().stream()
                    .noneMatch(a -> a.partId().equals(partId))) {
                throw new NotFoundException("attachment", attachmentId);
            }
            content = content.leavingOut(partId);
            stored.seal(content, sealer, clock.instant());
            drafts.flush();
        } else {
            throw new NotFoundException("attachment", attachmentId);
        }
        return view(stored, content);
    }

    private static long parseId(String digits, String whole) throws NotFoundException {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new NotFoundException("attachment", whole);
        }
    }

    // ---- deciding and sending

    SendDecision decide(long accountId, Long draftId, DraftOrigin origin, DraftFields fields)
            throws NotFoundException, SQLException {
        AttachmentLoad load;
        PortalAction action;
        if (draftId != null) {
            StoredDraft stored =
                    drafts.find(draftId, accountId).orElseThrow(() -> new NotFoundException("draft", draftId));
            load = load(stored, open(stored));
            action = stored.action();
        } else {
            action = origin.action();
            if (action == PortalAction.FORWARD) {
                load = loadOf(forwardedFiles(original(accountId, origin), List.of()));
            } else {
                if (action != PortalAction.COMPOSE) {
                    original(accountId, origin); // a crafted id: 404, not a decision
                }
                load = AttachmentLoad.NONE;
            }
        }
        return policy().decide(action, TypedAddress.read(fields.to(), fields.cc()), load);
    }

    Sending send(long accountId, Long draftId, DraftOrigin origin, DraftFields fields, String clientAddress)
            throws NotFoundException, SQLException {
        // A page that sends at once never saved a draft; one is stored only if the send is
        // refused (nothing typed is lost). Storing and deleting it in the same transaction
        // sealed, inserted and deleted a draft row for every such send.
        StoredDraft stored;
        DraftContent content;
        DraftOrigin sendsAs;
        if (draftId == null) {
            stored = null;
            content = firstContent(accountId, origin, fields);
            sendsAs = origin;
        } else {
            Saved saved = save(accountId, draftId, origin, fields);
            stored = saved.draft();
            content = saved.content();
            sendsAs = stored.origin();
        }
        PortalAction action = sendsAs.action();
        Instant now = clock.instant();
        String self = ownAddress(accountId);

        // Only a forward needs the original again (its files); a reply's quote and threading are in the draft.
        Optional<Original> original = action != PortalAction.FORWARD || sendsAs.originalEntryId() == null
                ? Optional.empty()
                : Optional.of(original(accountId, sendsAs));
        List<OutgoingMail.Attachment> attachments = new ArrayList<>();
        List<DraftFile> uploads = stored == null ? List.of() : files.of(stored.id());
        long totalBytes = 0;
        for (DraftFile f : uploads) {
            totalBytes += f.sizeBytes();
        }
        List<RenderedAttachment> forwarded =
                original.isPresent() ? forwardable(original.get(), content.leftOutForwarded()) : List.of();
        int fileCount = uploads.size() + forwarded.size();
        totalBytes += forwarded.stream().mapToLong(RenderedAttachment::size).sum();

        PortalPolicy policy = policy();
        SendDecision decision = policy.decide(
                action, TypedAddress.read(fields.to(), fields.cc()), new AttachmentLoad(fileCount, totalBytes));
        if (!decision.allowed()) {
            if (stored == null) {
                stored = keep(accountId, sendsAs, content, now).draft();
            }
            AuditTrail.on(em)
                    .record(
                            self,
                            AuditAction.SEND_REFUSED,
                            "draft",
                            Long.toString(stored.id()),
                            clientAddress,
                            stored.action() + ": "
                                    + decision.refusals().stream()
                                            .map(r -> r.reason().name())
                                            .distinct()
                                            .collect(Collectors.joining(", ")),
                            now);
            return new Sending(new SendOutcome.Refused(decision, stored.id()), 0);
        }

        // Files: uploads opened from their sealed streams, forwarded ones from the original.
        for (DraftFile f : uploads) {
            DraftFile.Label label = openLabel(f);
            byte[] bytes = jdbc.with(c -> {
                try (InputStream in = sealer.openStream(f.sealId(), f.keyHolder(), DraftFiles.content(c, f.id()))) {
                    return in.readAllBytes();
                } catch (IOException | SealBrokenException e) {
                    throw new SQLException("draft attachment " + f.id() + " cannot be opened: " + e.getMessage(), e);
                }
            });
            attachments.add(new OutgoingMail.Attachment(label.fileName(), label.contentType(), bytes));
        }
        for (RenderedAttachment a : forwarded) {
            byte[] bytes = MessageRendering.attachmentContent(original.get().mime(), a.partId())
                    .orElse(new byte[0]);
            attachments.add(new OutgoingMail.Attachment(a.fileName(), a.contentType(), bytes));
        }

        // Each address once, in the field it was first typed in.
        Map<RecipientAddress, AddressField> fieldOf = new LinkedHashMap<>();
        for (TypedAddress t : TypedAddress.read(fields.to(), fields.cc())) {
            t.parsed().ifPresent(a -> fieldOf.putIfAbsent(a, t.field()));
        }
        List<RecipientAddress> to = fieldOf.entrySet().stream()
                .filter(e -> e.getValue() == AddressField.TO)
                .map(Map.Entry::getKey)
                .toList();
        List<RecipientAddress> cc = fieldOf.entrySet().stream()
                .filter(e -> e.getValue() == AddressField.CC)
                .map(Map.Entry::getKey)
                .toList();

        UUID contentId = UUID.randomUUID();
        OutgoingMail mail;
        try {
            mail = new OutgoingMail(
                    OutgoingMail.onBehalfOf(self, settings.portalAddress()),
                    new InternetAddress(self),
                    to.isEmpty() ? cc : to,
                    to.isEmpty() ? List.of() : cc,
                    fields.subject(),
                    fields.body(),
                    "<" + contentId + "@" + settings.messageIdDomain() + ">",
                    content.inReplyTo(),
                    content.references(),
                    attachments,
                    now);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("the account's own address " + self + " is not an address", e);
        }
        byte[] raw = mail.toMime();
        MimeReading reading = new MimeMetadataExtractor().extract(raw);
        if (!(reading instanceof MimeReading.Readable readable)) {
            throw new IllegalStateException("the portal built a message it cannot read: " + reading);
        }
        SealedMessage sealed = sealer.seal(contentId, raw, readable.metadata().encode());

        // One transaction: the Sent copy, the external recipients' portal copies (PENDING
        // accounts and notifications, by the bridge's own path) and the relay rows. A crash
        // before the commit sends nothing; after it, every row is delivered (at least once).
        List<EmailAddress> external = decision.external().stream()
                .map(a -> EmailAddress.of(a.value()))
                .filter(a -> !a.value().equals(self))
                .toList();
        List<RecipientAddress> internal = decision.internal();
        long sentEntry = jdbc.with(c -> {
            StoredMessages.storeContent(c, contentId, sealed, raw.length, now);
            long entry = StoredMessages.insertSent(c, accountId, contentId, now);
            if (!external.isEmpty()) {
                IntakeStore.deliverInPortal(c, contentId, external, now);
            }
            for (RecipientAddress a : internal) {
                OutboundQueue.enqueueRelay(c, a.value(), accountId, contentId, now);
            }
            SearchIndexQueue.enqueueEntriesOf(c, contentId);
            return entry;
        });
        if (stored != null) {
            drafts.delete(stored);
        }
        AuditTrail.on(em)
                .record(
                        self,
                        AuditAction.MESSAGE_SENT,
                        "message",
                        contentId.toString(),
                        clientAddress,
                        action + " to " + internal.size() + " internal, " + external.size() + " external, "
                                + attachments.size() + " file(s), " + raw.length + " bytes",
                        now);
        return new Sending(
                new SendOutcome.Sent(sentEntry, internal.size(), external.size()), internal.size() + external.size());
    }

    // ---- address completion

    List<String> complete(long accountId, String prefix, int max) throws SQLException {
        String p = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty() || max <= 0) {
            return List.of();
        }
        String self = ownAddress(accountId);
        Map<String, String> found = new LinkedHashMap<>();
        for (MessageMetadata meta : StoredMessages.openRecentMetadata(em, sealer, accountId, COMPLETION_SCAN)) {
            List<MailAddress> all = new ArrayList<>();
            if (meta.from() != null) {
                all.add(meta.from());
            }
            all.addAll(meta.replyTo());
            all.addAll(meta.to());
            all.addAll(meta.cc());
            for (MailAddress a : all) {
                Optional<RecipientAddress> parsed = RecipientAddress.parse(a.address());
                if (parsed.isEmpty()
                        || parsed.get().value().equals(self)
                        || parsed.get()
                                .value()
                                .equals(settings.portalAddress().getAddress().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String name = a.displayName() == null ? "" : a.displayName().strip();
                // "x via Sealpost" names are the portal's, not a person's.
                if (name.endsWith(" via Sealpost")) {
                    name = "";
                }
                String key = parsed.get().value();
                if (key.startsWith(p)
                        || name.toLowerCase(Locale.ROOT).startsWith(p)
                        || parsed.get().localPart().startsWith(p)) {
                    found.putIfAbsent(
                            key,
                            name.isEmpty() || name.contains("\"") || name.contains("<")
                                    ? a.address().strip()
                                    : name + " <" + a.address().strip() + ">");
                }
            }
        }
        return found.values().stream().limit(max).toList();
    }

    // ---- helpers

    private String ownAddress(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new IllegalStateException("account " + accountId + " of a signed-in session is gone");
        }
        return account.email().value();
    }

    private DraftContent open(StoredDraft stored) {
        try {
            return stored.open(sealer);
        } catch (SealBrokenException e) {
            throw new IllegalStateException("draft " + stored.id() + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private DraftFile.Label openLabel(DraftFile f) {
        try {
            return f.label(sealer);
        } catch (SealBrokenException e) {
            throw new IllegalStateException("draft file " + f.id() + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private Draft view(StoredDraft stored, DraftContent content) throws SQLException {
        List<DraftAttachment> attachments = new ArrayList<>();
        for (DraftFile f : files.of(stored.id())) {
            DraftFile.Label label = openLabel(f);
            attachments.add(new DraftAttachment(
                    UPLOADED + f.id(), label.fileName(), label.contentType(), f.sizeBytes(), false));
        }
        if (stored.action() == PortalAction.FORWARD && stored.originalEntryId() != null) {
            try {
                attachments.addAll(
                        forwardedFiles(original(stored.accountId(), stored.origin()), content.leftOutForwarded()));
            } catch (NotFoundException gone) {
                // the original was deleted meanwhile: nothing left to forward
            }
        }
        return new Draft(stored.id(), stored.origin(), content.fields(), attachments, stored.savedAt());
    }

    private AttachmentLoad load(StoredDraft stored, DraftContent content) throws SQLException {
        long bytes = 0;
        int count = 0;
        for (DraftFile f : files.of(stored.id())) {
            bytes += f.sizeBytes();
            count++;
        }
        if (stored.action() == PortalAction.FORWARD && stored.originalEntryId() != null) {
            try {
                for (RenderedAttachment a :
                        forwardable(original(stored.accountId(), stored.origin()), content.leftOutForwarded())) {
                    bytes += a.size();
                    count++;
                }
            } catch (NotFoundException gone) {
                // nothing left to forward
            }
        }
        return new AttachmentLoad(count, bytes);
    }

    private static AttachmentLoad loadOf(List<DraftAttachment> attachments) {
        return new AttachmentLoad(
                attachments.size(),
                attachments.stream().mapToLong(DraftAttachment::size).sum());
    }

    private static List<RenderedAttachment> forwardable(Original original, List<String> leftOut) {
        Set<String> out = Set.copyOf(leftOut);
        return original.rendered().attachments().stream()
                .filter(a -> !out.contains(a.partId()))
                .toList();
    }

    private static List<DraftAttachment> forwardedFiles(Original original, List<String> leftOut) {
        return forwardable(original, leftOut).stream()
                .map(a -> new DraftAttachment(FORWARDED + a.partId(), a.fileName(), a.contentType(), a.size(), true))
                .toList();
    }

    /** The original a reply or forward answers, opened; not found unless it is the account's own. */
    private Original original(long accountId, DraftOrigin origin) throws NotFoundException, SQLException {
        Long entryId = origin.originalEntryId();
        if (entryId == null) {
            throw new NotFoundException("message", null);
        }
        return jdbc.with(c -> {
                            Optional<MailboxEntry> entry = StoredMessages.find(c, entryId, accountId);
                            if (entry.isEmpty()) {
                                return null;
                            }
                            try {
                                StoredMessages.Opened opened = StoredMessages.open(
                                                c, sealer, entry.get().contentId())
                                        .orElseThrow(
                                                () -> new SQLException("content of entry " + entryId + " is gone"));
                                return new Original(opened.metadata(), opened.mime());
                            } catch (SealBrokenException e) {
                                throw new SQLException(
                                        "message " + entry.get().contentId() + " cannot be decrypted: "
                                                + e.getMessage(),
                                        e);
                            }
                        })
                        instanceof Original o
                ? o
                : throwNotFound(entryId);
    }

    private static Original throwNotFound(long entryId) throws NotFoundException {
        throw new NotFoundException("message", entryId);
    }

    /**
     * An original opened for answering. Rendered (its parts walked, an HTML body sanitised) only
     * when its text or files are asked for: a reply's send needs just the metadata and two
     * headers for its threading, and rendered the whole original for them on every send.
     */
    private static final class Original {
        private final MessageMetadata metadata;
        private final byte[] mime;
        private RenderedMessage rendered;

        Original(MessageMetadata metadata, byte[] mime) {
            this.metadata = metadata;
            this.mime = mime;
        }

        MessageMetadata metadata() {
            return metadata;
        }

        byte[] mime() {
            return mime;
        }

        RenderedMessage rendered() {
            if (rendered == null) {
                rendered = MessageRendering.render(mime, RenderOptions.blockingRemoteImages(id -> ""));
            }
            return rendered;
        }

        String text() {
            RenderedMessage r = rendered();
            return r.textBody() != null ? r.textBody() : Answers.textOfHtml(r.safeHtmlBody());
        }

        /**
         * A raw header of the original (References, In-Reply-To), unfolded; null when absent.
         * Only the header section is read (RFC 5322 §2.1: it ends at the first empty line),
         * without a mail session: a send asked for two headers and parsed the whole message
         * in a new session for each: 29 % of its CPU under bench compose (JFR,
         * docs/BENCHMARKS.md "Writing").
         */
        String header(String name) {
            try {
                String value = new InternetHeaders(new ByteArrayInputStream(mime)).getHeader(name, " ");
                return value == null ? null : value.replaceAll("\\s+", " ").strip();
            } catch (MessagingException e) {
                return null;
            }
        }
    }
}

package org.sealpost.portal.compose;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.outbound.MailQueued;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.policy.PolicySeed;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.SendDecision;

/**
 * The portal's writing desk, as the web calls it. Every method takes the signed-in account's id
 * and finds messages, drafts and attachments only within that account. Each call is one
 * container transaction: a send writes its Sent copy, portal copies and outbound rows together
 * or not at all. The work itself is {@link ComposeDesk}'s, which the tests run on PostgreSQL
 * without the container.
 */
@ApplicationScoped
@Transactional
public class ComposeService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private Event<MailQueued> mailQueued;

    private ComposeDesk desk;

    /**
     * Builds the desk from the sealer and the settings, which the service needs for nothing
     * else. An initializer method: the container calls it after injecting the entity manager
     * (CDI injects the component environment, then fields, then initializer methods).
     */
    @Inject
    void assemble(MessageSealer sealer, PortalSettings settings) {
        // The JDBC statements run on the entity manager's own connection (EclipseLink hands it
        // out once the transaction has begun), so JPA and JDBC writes are one transaction on ONE
        // pooled connection. Asking the data source instead took a second connection while the
        // entity manager held the first: under bench compose (50 sessions) every pooled
        // connection was held by a send waiting for its second one, and sends stalled until
        // the pool's wait ran out (JFR: ~5 s waits in the pool, then 500s). Not closed here: the
        // entity manager owns it.
        ComposeDesk.Jdbc jdbc = new ComposeDesk.Jdbc() {
            @Override
            public <T> T with(ComposeDesk.SqlWork<T> work) throws SQLException {
                Connection c = em.unwrap(Connection.class);
                if (c == null) {
                    throw new SQLException("no transaction: the entity manager has no connection to share");
                }
                return work.apply(c);
            }
        };
        desk = new ComposeDesk(
                em,
                jdbc,
                sealer,
                new ComposeDesk.Settings(
                        () -> PolicySeed.fromSettings(
                                settings::get, Clock.systemUTC().instant()),
                        portalAddress(settings),
                        messageIdDomain(settings)),
                Clock.systemUTC());
    }

    private static InternetAddress portalAddress(PortalSettings settings) {
        String from = settings.get(Setting.SEND_FROM)
                .orElse(settings.get(Setting.NOTIFY_FROM).orElse("Sealpost <no-reply@localhost>"));
        try {
            return new InternetAddress(new InternetAddress(from).getAddress());
        } catch (AddressException e) {
            throw new InvalidSettingException(Setting.SEND_FROM, from, "an e-mail address");
        }
    }

    /** The portal's host name: the Message-ID domain the gateway recognises answers by (ADR 0009). */
    private static String messageIdDomain(PortalSettings settings) {
        String host = URI.create(settings.publicUrl()).getHost();
        return host == null || host.isBlank() ? "localhost" : host.toLowerCase(java.util.Locale.ROOT);
    }

    /** The policy as it is now: which buttons to show and which limits to name. */
    public EffectivePolicy policy(long accountId) {
        return guarded(() -> desk.effectivePolicy());
    }

    /**
     * A new message or an answer to the account's entry {@code origin.originalEntryId()},
     * prefilled and not yet saved ({@link Draft#id()} is null): reply to the original's Reply-To
     * or From; reply all adds its To and Cc except the account itself; "Re: "/"Fwd: " once; the
     * original quoted in the body; a forward lists the original's attachments.
     *
     * @throws NotFoundException       the original is not the account's
     * @throws ActionDisabledException the policy turns the action off
     */
    public Draft prepare(long accountId, DraftOrigin origin) throws NotFoundException, ActionDisabledException {
        try {
            return desk.prepare(accountId, origin);
        } catch (SQLException | PersistenceException e) {
            throw unavailable(e);
        }
    }

    /**
     * Saves what was typed: creates the draft when {@code draftId} is null (then {@code origin}
     * says what it answers), else overwrites the fields of the account's draft {@code draftId}
     * ({@code origin} ignored). Sealed at rest like a message. A draft of an action the policy
     * turned off is still saved: nothing typed is lost; sending it is refused.
     */
    public Draft saveDraft(long accountId, Long draftId, DraftOrigin origin, DraftFields fields)
            throws NotFoundException {
        try {
            return desk.view(desk.save(accountId, draftId, origin, fields));
        } catch (SQLException | PersistenceException e) {
            throw unavailable(e);
        }
    }

    public Draft loadDraft(long accountId, long draftId) throws NotFoundException {
        try {
            return desk.load(accountId, draftId);
        } catch (SQLException | PersistenceException e) {
            throw unavailable(e);
        }
    }

    /** The Drafts folder, most recently saved first. */
    public List<DraftLine> drafts(long accountId, int first, int max) {
        return guarded(() -> desk.drafts(accountId, first, max));
    }

    public long draftCount(long accountId) {
        return guarded(() -> desk.draftCount(accountId));
    }

    /** Deletes the draft and its files for good (their keys with them); audited. */
    public void discardDraft(long accountId, long draftId, String clientAddress) throws NotFoundException {
        try {
            desk.discard(accountId, draftId, clientAddress);
        } catch (PersistenceException e) {
            throw unavailable(e);
        }
    }

    /**
     * Streams one file into sealed storage with the draft. The count and total size limits are
     * checked while reading; over a limit, or on a broken stream, nothing is kept.
     *
     * @param fileName as the browser gave it; cleaned of path parts and control characters
     */
    public UploadOutcome addAttachment(
            long accountId, long draftId, String fileName, String contentType, InputStream content)
            throws NotFoundException {
        try {
            return desk.addAttachment(accountId, draftId, fileName, contentType, content);
        } catch (SQLException | PersistenceException e) {
            throw unavailable(e);
        }
    }

    /** Removes an upload, or leaves a forwarded file out of the forward. */
    public Draft removeAttachment(long accountId, long draftId, String attachmentId) throws NotFoundException {
        try {
            return desk.removeAttachment(accountId, draftId, attachmentId);
        } catch (SQLException | PersistenceException e) {
            throw unavailable(e);
        }
    }

    /** Whether this would be sent, without sending (for showing refusals while typing). */
    public SendDecision decide(long accountId, Long draftId, DraftOrigin origin, DraftFields fields)
            throws NotFoundException {
        try {
            return desk.decide(accountId, draftId, origin, fields);
        } catch (SQLException | PersistenceException e) {
            throw unavailable(e);
        }
    }

    /**
     * Saves the draft, decides on the server, and sends if allowed: one transaction writes the
     * Sent copy, the portal copies for external recipients (PENDING accounts and notifications as
     * for bridged mail) and the outbound rows for internal ones, and deletes the draft; the
     * outbound worker is woken after the commit. Refusals (an action turned off included) come
     * back as {@link SendOutcome.Refused} with the draft saved; refusals and sends are audited.
     */
    public SendOutcome send(long accountId, Long draftId, DraftOrigin origin, DraftFields fields, String clientAddress)
            throws NotFoundException {
        ComposeDesk.Sending sending;
        try {
            sending = desk.send(accountId, draftId, origin, fields, clientAddress);
        } catch (SQLException | PersistenceException e) {
            throw unavailable(e);
        }
        if (sending.queuedRows() > 0) {
            mailQueued.fire(new MailQueued(sending.queuedRows()));
        }
        return sending.outcome();
    }

    /**
     * Addresses the account has corresponded with (senders and recipients of its newest
     * messages) whose address or display name starts with {@code prefix}, case-insensitive, as
     * {@code Name <address>} or the bare address, at most {@code max}.
     */
    public List<String> completeAddress(long accountId, String prefix, int max) {
        return guarded(() -> desk.complete(accountId, prefix, max));
    }

    /** Convenience for pages: whether the policy offers {@code action} right now. */
    public boolean offers(long accountId, PortalAction action) {
        return policy(accountId).allows(action);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T guarded(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException | PersistenceException e) {
            throw unavailable(e);
        }
    }

    private static StorageUnavailableException unavailable(Exception e) {
        return new StorageUnavailableException("compose storage unavailable: " + e.getMessage(), e);
    }
}

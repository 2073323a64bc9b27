package org.sealpost.portal.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sealpost.portal.account.SignedInRehearsal;
import org.sealpost.portal.compose.ComposeService;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.Mailbox;
import org.sealpost.portal.message.MessageReading;
import org.sealpost.portal.message.OpenedMessage;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;
import org.sealpost.portal.session.SessionVerdict;

/**
 * The reading paths of a signed-in recipient, rehearsed as the rehearsed sign-in's throw-away
 * account inside that sign-in's transaction, which is always rolled back ({@link
 * org.sealpost.portal.account.SignInRehearsal}, ADR 0027): the per-request session check on the
 * session the sign-in registered, a sample message ({@link SampleMail}, the next of the shapes mail
 * comes in, round by round) sealed with the real key-encryption key and
 * delivered to the account's inbox, the inbox's page, count and unread count, and the message
 * opened (decrypted, parsed, rendered safe, marked read) as the message page opens it, and the
 * portal policy's answer for the writing buttons every signed-in page shows. Every row
 * is written in that one transaction and discarded with it: nothing is indexed, notified,
 * audited or counted. The one trace is an id of {@code mailbox_entry}'s sequence per round, as
 * the sign-in's rehearsal leaves one of {@code account}'s.
 */
@ApplicationScoped
public class ReadingWarmUp implements SignedInRehearsal {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private Mailbox mailbox;

    @Inject
    private MessageReading reading;

    @Inject
    private MessageSealer sealer;

    @Inject
    private SessionRegistry sessions;

    @Inject
    private ComposeService compose;

    /** What a round saw: each part must have found what a real signed-in recipient's would. */
    record Round(SessionVerdict session, int inboxLines, long unread, OpenedMessage opened) {

        /** Whether every part ran its real path to the end: a valid session, a line, a message. */
        boolean complete() {
            return session == SessionVerdict.GOES_ON && inboxLines == 1 && unread == 1 && opened != null;
        }
    }

    @Override
    public void signedIn(long accountId, SessionHandle session, Instant now) throws Exception {
        // Each round the next of the shapes mail comes in, so the parser and the sanitiser see them all.
        Round round = rehearse(em, sealer, reading, sessions, accountId, session, now, SampleMail.next());
        // The pages' own counts, through the mailbox as the navigation asks them.
        mailbox.count(accountId, Folder.INBOX);
        // The writing buttons' question, as every signed-in page asks it (WritingRights). On a
        // database without a policy yet this seeds one and audits that, inside this rolled-back
        // transaction: the first real request seeds it for good (the warm-up's own pages offer
        // every button without asking, ADR 0027).
        EffectivePolicy policy = compose.policy(accountId);
        policy.isReplyAllowed();
        policy.isReplyAllAllowed();
        policy.isForwardAllowed();
        policy.isComposeAllowed();
        policy.isAttachAllowed();
        if (!round.complete()) {
            throw new IllegalStateException("the warm-up's signed-in round fell short: " + round);
        }
    }

    /**
     * One round on {@code em}'s transaction, which the caller rolls back; for a test's entity
     * manager as for the container's.
     */
    static Round rehearse(
            EntityManager em,
            MessageSealer sealer,
            MessageReading reading,
            SessionRegistry sessions,
            long accountId,
            SessionHandle session,
            Instant now,
            SampleMail sample)
            throws Exception {
        // SessionValidityFilter's check, on every signed-in request.
        SessionVerdict verdict = sessions.check(accountId, session, now, now);
        Connection c = em.unwrap(Connection.class);
        UUID id = UUID.randomUUID();
        StoredMessages.storeContent(c, id, sealer.seal(id, sample.raw(), sample.metadata()), sample.raw().length, now);
        long entry = StoredMessages.deliverToInboxes(c, id, List.of(accountId), now)
                .getFirst()
                .entryId();
        int lines = StoredMessages.folderPage(c, sealer, accountId, Folder.INBOX, 0, 25)
                .size();
        long unread = StoredMessages.unreadInInbox(em, accountId);
        OpenedMessage opened = reading.open(entry, accountId, false, cid -> cid);
        // The read mark's UPDATE, which a real request's commit writes.
        em.flush();
        return new Round(verdict, lines, unread, opened);
    }
}

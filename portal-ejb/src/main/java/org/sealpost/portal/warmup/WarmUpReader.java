package org.sealpost.portal.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.account.Passwords;
import org.sealpost.portal.account.ReservedDomains;
import org.sealpost.portal.administration.AccountAdministration;
import org.sealpost.portal.administration.AdministrationRefusedException;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.audit.WarmUpActors;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.OpenedMessageCache;
import org.sealpost.portal.message.SearchIndexQueue;
import org.sealpost.portal.message.StoredMessages;

/**
 * The warm-up's reader (ADR 0033): a real recipient account that exists while the warm-up runs,
 * so that the warm-up signs in through the sign-in page and reads through the inbox and message
 * pages themselves, signed in, as every recipient does after readiness. The pages' own stand-ins
 * (ADR 0027) compiled other code than the real pages run: an anonymous request, a stand-in page
 * bean, no session to check; the first real requests then threw much of the compiled code away.
 *
 * <p>The reader is an account at RFC 2606's reserved {@code .invalid} domain, registered at once
 * with a random password that only this process knows, holding a page and more of sealed sample
 * messages of the shapes mail comes in ({@link SampleMail}); it
 * is deleted when the warm-up ends, as an administrator deletes an account ({@link
 * AccountAdministration#delete}: messages shredded, sessions ended, search documents removed).
 * What stays is what every account leaves: its audit events ({@code REGISTERED}, the real {@code
 * SIGNED_IN}, {@code ACCOUNT_DELETED}, each naming the actor {@code warm-up}) and the counted
 * sign-in. A reader left behind by a node stopped during its warm-up is deleted by the next
 * warm-up on any node, once it is an hour old (no warm-up runs that long).
 */
@ApplicationScoped
@Transactional
public class WarmUpReader {

    /**
     * RFC 2606's reserved top-level domain: no account of a real person can have this address,
     * and the mail bridge refuses recipients there, so no message is lost with a reader.
     */
    public static final String DOMAIN = ReservedDomains.WARM_UP;

    /** The actor its audit events name. */
    static final String ACTOR = WarmUpActors.ACTOR;

    /** Where the warm-up's requests come from: the portal's own listener on loopback. */
    private static final String CLIENT = "127.0.0.1";

    /**
     * More than the inbox's first page holds (25 lines), as a recipient's inbox soon does: its
     * table renders a whole page and its pager. Three (one page, no pager) left the first
     * minute's inbox p95 at 1.73× the warm figure (docs/BENCHMARKS.md).
     */
    static final int SAMPLES = 30;

    /** A reader older than this was left by a node stopped during its warm-up. */
    static final Duration LEFT_BEHIND = Duration.ofHours(1);

    /** A reader while it exists: its account, address and password (kept in memory only). */
    public record Visit(long accountId, String address, char[] password) {
        @Override
        public String toString() {
            return "Visit[" + accountId + ", " + address + "]";
        }
    }

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private Passwords passwords;

    @Inject
    private MessageSealer sealer;

    @Inject
    private OpenedMessageCache openedMessages;

    /**
     * Makes a reader with its sample messages, after deleting any reader left behind. The one
     * Argon2id hash of its password runs inside this transaction (ADR 0019 keeps a sign-in's out
     * of its transactions): once per warm-up worker and start, on a portal not yet ready.
     */
    public Visit arrive(Instant now) {
        deleteLeftBehind(now);
        char[] password = Passwords.throwAway();
        EmailAddress address = EmailAddress.of("reader-" + UUID.randomUUID() + "@" + DOMAIN);
        // Registered a moment before it signs in, as every account is (SignInRehearsal says why).
        Account account = AccountDirectory.insertRegistered(
                em, address, passwords.hasher().hash(password), now.minusSeconds(1));
        AuditTrail.on(em)
                .record(
                        ACTOR,
                        AuditAction.REGISTERED,
                        "account",
                        account.id().toString(),
                        CLIENT,
                        "the warm-up's reader; deleted when the warm-up ends",
                        now);
        Connection c = em.unwrap(Connection.class);
        List<StoredMessages.EntryKey> entries = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            UUID id = UUID.randomUUID();
            SampleMail sample = SampleMail.nth(i);
            StoredMessages.storeContent(
                    c, id, sealer.seal(id, sample.raw(), sample.metadata()), sample.raw().length, now);
            entries.addAll(StoredMessages.deliverToInboxes(c, id, List.of(account.id()), now));
        }
        // Indexed as delivered mail is, so the index's worker runs its path too.
        SearchIndexQueue.enqueueAll(c, entries);
        return new Visit(account.id(), address.value(), password);
    }

    /** Deletes the reader, its messages and sessions; its signed-in pages end with it. */
    public void leave(Visit visit, Instant now) {
        delete(visit.accountId(), visit.address(), now);
    }

    private void deleteLeftBehind(Instant now) {
        // The search matches a part of the address: only the domain itself is the warm-up's
        // (x@warm-up.invalid.example is somebody's).
        for (Account a : AccountDirectory.search(em, "@" + DOMAIN, 0, 100)) {
            if (a.email().value().endsWith("@" + DOMAIN)
                    && a.createdAt().toInstant().isBefore(now.minus(LEFT_BEHIND))) {
                delete(a.id(), a.email().value(), now);
            }
        }
    }

    private void delete(long accountId, String address, Instant now) {
        try {
            for (StoredMessages.Shredded s :
                    new AccountAdministration(em).delete(accountId, address, ACTOR, CLIENT, now)) {
                openedMessages.forget(s.entryId(), accountId);
            }
        } catch (AdministrationRefusedException alreadyGone) {
            // Another node's warm-up deleted this left-behind reader first.
        }
    }
}

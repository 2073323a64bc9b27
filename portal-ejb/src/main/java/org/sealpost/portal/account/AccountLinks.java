package org.sealpost.portal.account;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.sealpost.portal.account.OneTimeTokens.Purpose;
import org.sealpost.portal.account.password.PasswordVerdict;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.portal.session.SessionRegistry;

/**
 * The two things a one-time link does: register a PENDING account (the link of the first
 * notification) and reset a forgotten password. Opening a link only reads it
 * ({@link #addressFor}); the link is spent when its form is accepted, and not when the
 * password is refused, so the recipient can simply try again.
 */
@Stateless
public class AccountLinks {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Passwords passwords;

    @Inject
    private AccountMailQueue mail;

    @Inject
    private AuditTrail audit;

    @Inject
    private PasswordReplacement replacement;

    @Inject
    private LinkRequestThrottle linkRequests;

    public AccountLinks() {
        // for the container
    }

    /**
     * Outside the container (tests on PostgreSQL): {@code dataSource} must hand out the
     * connection of {@code em}'s transaction, as the container's connection sharing does, so
     * that the account's row lock and the link's spending are one transaction.
     */
    AccountLinks(
            EntityManager em,
            DataSource dataSource,
            Passwords passwords,
            AccountMailQueue mail,
            AuditTrail audit,
            SessionRegistry sessions,
            LinkRequestThrottle linkRequests) {
        this.em = em;
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.mail = mail;
        this.audit = audit;
        this.replacement = new PasswordReplacement(sessions, mail, audit);
        this.linkRequests = linkRequests;
    }

    /** The address a link belongs to, if it is usable; does not spend it. */
    public Optional<EmailAddress> addressFor(String token, Purpose purpose) {
        try (Connection c = dataSource.getConnection()) {
            return OneTimeTokens.peek(c, token, purpose, Instant.now())
                    .map(r -> em.find(Account.class, r.accountId()))
                    .filter(a -> a != null && usableFor(a, purpose))
                    .map(Account::email);
        } catch (SQLException e) {
            throw new StorageUnavailableException("the link cannot be checked now", e);
        }
    }

    /**
     * @param pageLanguage the language of the page the password was chosen on: the account's
     *                     mails follow it from now on, beginning with the notice this queues
     */
    public LinkOutcome complete(
            String token, Purpose purpose, char[] password, char[] confirmation, String client, Language pageLanguage) {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            Optional<OneTimeTokens.Redeemable> link = OneTimeTokens.peek(c, token, purpose, now);
            Account account = link.map(r -> em.find(Account.class, r.accountId(), LockModeType.PESSIMISTIC_WRITE))
                    .filter(a -> usableFor(a, purpose))
                    .orElse(null);
            if (account == null) {
                audit.record(
                        "anonymous",
                        AuditAction.REGISTRATION_REFUSED,
                        "link",
                        null,
                        client,
                        purpose + " link not usable",
                        now);
                return new LinkOutcome.LinkNotUsable();
            }
            if (!Arrays.equals(password, confirmation)) {
                return new LinkOutcome.ConfirmationMismatch();
            }
            PasswordVerdict verdict = passwords.policy().check(new String(password), account.email());
            if (!verdict.isAcceptable()) {
                return new LinkOutcome.PasswordRefused(verdict.problems());
            }
            // Spend under the row lock: of two submits of one form, exactly one gets here.
            if (OneTimeTokens.spend(em, token, purpose, now).isEmpty()) {
                return new LinkOutcome.LinkNotUsable();
            }
            String hash = passwords.hasher().hash(password);
            // In the same transaction as the notice below, which the outbound worker renders
            // in the account's language.
            account.rememberLanguage(pageLanguage);
            // The password is set: no other link of the account may set it again.
            OneTimeTokens.revokeAll(em, account.id(), now);
            if (purpose == Purpose.REGISTER) {
                account.register(hash, now);
                mail.notice(
                        c,
                        AccountMailQueue.Notice.ACCOUNT_REGISTERED,
                        account.email().value(),
                        account.id(),
                        now);
                audit.record(
                        account.email().value(),
                        AuditAction.REGISTERED,
                        "account",
                        account.id().toString(),
                        client,
                        null,
                        now);
            } else {
                replacement.replace(c, account, hash, null, PasswordReplacement.Way.RESET, client, now);
            }
            return new LinkOutcome.Done(account.id(), account.email());
        } catch (SQLException e) {
            throw new StorageUnavailableException("the link cannot be completed now", e);
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }

    /**
     * "Send me a new link": queues a fresh registration link for a PENDING account, or a reset
     * link for an ACTIVE one. The caller shows the same answer whether or not the address has
     * an account, and whether or not a limit held the request back: at most one link mail per
     * address and purpose is pending (a new request while one is, changes nothing: the pending
     * one mints a fresh link when it goes), at most three (notification's {@code AccountMail})
     * per address an hour, and at most {@link LinkRequestThrottle#PER_CLIENT} requests per
     * client in a quarter of an hour.
     */
    public void requestLink(String address, String client) {
        Instant now = Instant.now();
        if (!linkRequests.admit(client, now)) {
            audit.record(
                    safe(address),
                    AuditAction.PASSWORD_RESET_REQUESTED,
                    "account",
                    null,
                    client,
                    "client over its link request limit",
                    now);
            return;
        }
        Optional<Account> account;
        try {
            account = AccountDirectory.byEmail(em, EmailAddress.of(address));
        } catch (IllegalArgumentException notAnAddress) {
            return;
        }
        if (account.isEmpty()) {
            audit.record(
                    address, AuditAction.PASSWORD_RESET_REQUESTED, "account", null, client, "unknown address", now);
            return;
        }
        Account a = account.get();
        AccountMailQueue.Link kind;
        AuditAction action;
        if (a.state() == AccountState.PENDING) {
            kind = AccountMailQueue.Link.REGISTRATION_LINK;
            action = AuditAction.REGISTRATION_LINK_REQUESTED;
        } else if (a.state() == AccountState.ACTIVE) {
            kind = AccountMailQueue.Link.PASSWORD_RESET;
            action = AuditAction.PASSWORD_RESET_REQUESTED;
        } else {
            audit.record(
                    address,
                    AuditAction.PASSWORD_RESET_REQUESTED,
                    "account",
                    a.id().toString(),
                    client,
                    "account " + a.state(),
                    now);
            return;
        }
        AccountMailQueue.LinkRequest outcome;
        outcome = mail.requestLink(em, kind, a.email().value(), a.id(), now);
        audit.record(
                a.email().value(),
                action,
                "account",
                a.id().toString(),
                client,
                outcome == AccountMailQueue.LinkRequest.QUEUED
                        ? null
                        : outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                now);
    }

    private static String safe(String address) {
        return address == null ? "" : address.length() > 320 ? address.substring(0, 320) : address;
    }

    private static boolean usableFor(Account a, Purpose purpose) {
        return purpose == Purpose.REGISTER ? a.state() == AccountState.PENDING : a.state() == AccountState.ACTIVE;
    }
}

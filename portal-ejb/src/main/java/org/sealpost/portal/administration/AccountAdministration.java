package org.sealpost.portal.administration;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.AccountMailQueue;
import org.sealpost.portal.account.AccountState;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.administration.AdministrationRefusedException.Reason;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.notification.AccountMail;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.session.EndReason;
import org.sealpost.portal.session.SessionRegistry;

/**
 * What administrators do to accounts, each in the caller's transaction and each an audit
 * event naming the old and the new state. The account row is locked for the change, so a
 * sign-in landing at the same moment waits rather than failing on the version. The
 * administrator is named by address ({@code actor}): the container's caller, never a value
 * from the page, decides whose own account is refused.
 */
public final class AccountAdministration {

    private final EntityManager em;

    public AccountAdministration(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** Accounts whose address contains {@code part}; {@code page} counts from 0. */
    public AccountList search(String part, int page, int pageSize, Instant now) {
        long total = AccountDirectory.count(em, part);
        int lastPage = (int) Math.max(0, (total - 1) / pageSize);
        int shown = Math.min(Math.max(0, page), lastPage);
        List<Account> found = AccountDirectory.search(em, part, shown * pageSize, pageSize);
        Map<Long, StoredMessages.Usage> usage = StoredMessages.usageOf(
                SharedConnection.of(em), found.stream().map(Account::id).toList());
        return new AccountList(
                found.stream()
                        .map(a -> {
                            StoredMessages.Usage u = usage.getOrDefault(a.id(), StoredMessages.Usage.NONE);
                            return new AccountSummary(
                                    a.id(),
                                    a.email().value(),
                                    a.lockedFor(now) ? AccountState.LOCKED : a.state(),
                                    a.role(),
                                    a.createdAt().toInstant(),
                                    a.lastSignInAt() == null
                                            ? null
                                            : a.lastSignInAt().toInstant(),
                                    u.messages(),
                                    u.bytes());
                        })
                        .toList(),
                total,
                shown,
                pageSize);
    }

    public void unlock(long accountId, String actor, String client, Instant now) throws AdministrationRefusedException {
        Account a = locked(accountId);
        if (!a.lockedFor(now)) {
            throw new AdministrationRefusedException(
                    Reason.NOT_LOCKED, a.email().value());
        }
        String before = shownState(a, now);
        a.unlock(now);
        audit(actor, AuditAction.ACCOUNT_UNLOCKED, a, client, "state: " + before + " -> " + a.state(), now);
    }

    /** Disables the account; its sessions end at once on every node. */
    public void disable(long accountId, String actor, String client, Instant now)
            throws AdministrationRefusedException {
        Account a = locked(accountId);
        refuseOwn(a, actor);
        if (a.state() == AccountState.DISABLED) {
            throw new AdministrationRefusedException(
                    Reason.ALREADY_DISABLED, a.email().value());
        }
        String before = shownState(a, now);
        a.disable(now);
        SessionRegistry.endAll(em, a.id(), null, EndReason.ENDED_BY_ADMINISTRATOR, now);
        audit(
                actor,
                AuditAction.ACCOUNT_DISABLED,
                a,
                client,
                "state: " + before + " -> " + a.state() + "; sessions ended",
                now);
    }

    public void enable(long accountId, String actor, String client, Instant now) throws AdministrationRefusedException {
        Account a = locked(accountId);
        if (a.state() != AccountState.DISABLED) {
            throw new AdministrationRefusedException(
                    Reason.NOT_DISABLED, a.email().value());
        }
        a.enable();
        audit(actor, AuditAction.ACCOUNT_ENABLED, a, client, "state: DISABLED -> " + a.state(), now);
    }

    /**
     * A new registration link (pending account) or a password-reset link (active account), with
     * the same limits as the owner's own request: one pending link mail per address and purpose,
     * {@link AccountMail#LINK_MAILS_PER_ADDRESS} an hour.
     *
     * @return QUEUED, or ALREADY_PENDING (the waiting mail carries a fresh link when it goes)
     */
    public AccountMailQueue.LinkRequest sendLink(long accountId, String actor, String client, Instant now)
            throws AdministrationRefusedException {
        Account a = locked(accountId);
        AccountMailQueue.Link kind;
        if (a.state() == AccountState.PENDING) {
            kind = AccountMailQueue.Link.REGISTRATION_LINK;
        } else if (a.state() == AccountState.ACTIVE) {
            kind = AccountMailQueue.Link.PASSWORD_RESET;
        } else {
            throw new AdministrationRefusedException(
                    Reason.NO_LINK_FOR_STATE, a.email().value() + " is " + a.state());
        }
        AccountMailQueue.LinkRequest outcome =
                new AccountMail().requestLink(em, kind, a.email().value(), a.id(), now);
        if (outcome == AccountMailQueue.LinkRequest.ADDRESS_LIMIT) {
            throw new AdministrationRefusedException(
                    Reason.LINK_LIMIT, a.email().value());
        }
        audit(
                actor,
                AuditAction.ACCOUNT_LINK_SENT,
                a,
                client,
                kind + " " + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                now);
        return outcome;
    }

    /** Every session of the account ends on its next request, on whichever node it lives. */
    public void endAllSessions(long accountId, String actor, String client, Instant now)
            throws AdministrationRefusedException {
        Account a = locked(accountId);
        a.endAllSessions(now);
        SessionRegistry.endAll(em, a.id(), null, EndReason.ENDED_BY_ADMINISTRATOR, now);
        audit(
                actor,
                AuditAction.ACCOUNT_SESSIONS_ENDED,
                a,
                client,
                "sessions valid after: "
                        + (a.sessionsValidAfter() == null
                                ? "-"
                                : a.sessionsValidAfter().toInstant()),
                now);
    }

    /**
     * Deletes the account and its messages: every mailbox entry goes as "delete for ever"
     * takes it (a message's content and wrapped key go with its last entry, so it is
     * crypto-shredded; search index documents follow through the index queue), its drafts,
     * links and sessions by the foreign keys' cascade, its rows in the outbound queue here.
     * The audit trail keeps the address, as it keeps every event's actor.
     *
     * @param typedAddress what the administrator typed to confirm; must be the account's address
     * @return the deleted entries, for the caller to drop their decrypted copies from memory
     */
    public List<StoredMessages.Shredded> delete(
            long accountId, String typedAddress, String actor, String client, Instant now)
            throws AdministrationRefusedException {
        Account a = locked(accountId);
        refuseOwn(a, actor);
        if (!sameAddress(a, typedAddress)) {
            throw new AdministrationRefusedException(
                    Reason.CONFIRMATION_MISMATCH, a.email().value());
        }
        String before = shownState(a, now);
        List<StoredMessages.Shredded> shredded = StoredMessages.shredAllOf(em, a.id());
        int undelivered = OutboundQueue.forgetAccount(SharedConnection.of(em), a.id());
        em.remove(a);
        em.flush();
        long contents = shredded.stream()
                .filter(StoredMessages.Shredded::contentDeleted)
                .count();
        audit(
                actor,
                AuditAction.ACCOUNT_DELETED,
                a,
                client,
                "state: " + before + " -> deleted; "
                        + shredded.size() + " mailbox entries deleted, " + contents + " message contents shredded, "
                        + undelivered + " undelivered mails dropped",
                now);
        return shredded;
    }

    private Account locked(long accountId) throws AdministrationRefusedException {
        Account a = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new AdministrationRefusedException(Reason.NOT_FOUND, "account " + accountId);
        }
        return a;
    }

    private static void refuseOwn(Account a, String actor) throws AdministrationRefusedException {
        if (sameAddress(a, actor)) {
            throw new AdministrationRefusedException(
                    Reason.OWN_ACCOUNT, a.email().value());
        }
    }

    private static boolean sameAddress(Account a, String typed) {
        try {
            return typed != null && a.email().equals(EmailAddress.of(typed));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static String shownState(Account a, Instant now) {
        return (a.lockedFor(now) ? AccountState.LOCKED : a.state()).name();
    }

    private void audit(String actor, AuditAction action, Account a, String client, String detail, Instant now) {
        AuditTrail.on(em)
                .record(
                        actor,
                        action,
                        "account",
                        a.id().toString(),
                        client,
                        a.email().value() + ": " + detail,
                        now);
    }
}

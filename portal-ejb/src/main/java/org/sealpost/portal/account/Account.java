package org.sealpost.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.session.SessionCheck;
import org.sealpost.portal.session.SessionVerdict;

/** A person who reads secure messages in the portal, or administers it. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.byEmail", query = "SELECT a FROM Account a WHERE a.email = :email")
// One statement, and a row lock only when the language really changes: a sign-in in the
// language of the last one (nearly every sign-in) writes nothing. The version rises as an
// entity update's would, so a form holding the account at the old version is still refused.
@NamedQuery(
        name = "Account.rememberLanguage",
        query = "UPDATE Account a SET a.language = :language, a.version = a.version + 1"
                + " WHERE a.id = :id AND (a.language IS NULL OR a.language <> :language)")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountState state;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    @Column(name = "sessions_valid_after")
    private OffsetDateTime sessionsValidAfter;

    /** ISO 639-1 code of the pages the owner last signed in with; null before the first sign-in. */
    @Column(name = "language")
    private String language;

    @Version
    private int version;

    protected Account() {
        // for JPA
    }

    private Account(EmailAddress email, Role role, AccountState state) {
        this.email = email.value();
        this.role = role;
        this.state = state;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The account mail for a new address creates: it waits for its owner to register. */
    public static Account pendingRecipient(EmailAddress email) {
        return new Account(email, Role.RECIPIENT, AccountState.PENDING);
    }

    public Long id() {
        return id;
    }

    public EmailAddress email() {
        return EmailAddress.of(email);
    }

    public Role role() {
        return role;
    }

    public AccountState state() {
        return state;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean awaitsRegistration() {
        return state == AccountState.PENDING;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public OffsetDateTime lastSignInAt() {
        return lastLoginAt;
    }

    public OffsetDateTime sessionsValidAfter() {
        return sessionsValidAfter;
    }

    /**
     * The owner registers through their one-time link: PENDING becomes ACTIVE with the given
     * password hash. Only a PENDING account registers; an active one resets its password.
     */
    public void register(String newPasswordHash, Instant now) {
        if (state != AccountState.PENDING) {
            throw new IllegalStateException("account " + email + " is " + state + ", not awaiting registration");
        }
        this.passwordHash = newPasswordHash;
        this.state = AccountState.ACTIVE;
        this.sessionsValidAfter = at(now);
    }

    /** A new password (change or reset): every session that signed in before now ends. */
    public void replacePassword(String newPasswordHash, Instant now) {
        if (state != AccountState.ACTIVE) {
            throw new IllegalStateException(
                    "account " + email + " is " + state + "; only an active account has a password");
        }
        this.passwordHash = newPasswordHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.sessionsValidAfter = at(now);
    }

    /** "Sign out everywhere": every session that signed in before now ends on its next request. */
    public void endAllSessions(Instant now) {
        this.sessionsValidAfter = at(now);
    }

    /** Whether a sign-in may even be tried: active and not in a failure back-off. */
    public boolean mayTrySignIn(Instant now) {
        return state == AccountState.ACTIVE && passwordHash != null && !lockedAt(now);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil.toInstant());
    }

    /**
     * A wrong password. After {@code policy.maxFailures()} in a row the account is locked for
     * {@code policy.lockDuration()}; the count starts afresh after the lock (NIST SP 800-63B
     * §5.2.2 asks for such rate limiting rather than permanent lockout).
     */
    public void recordFailedSignIn(Instant now, SignInPolicy policy) {
        if (lockedUntil != null && !lockedAt(now)) {
            failedLogins = 0;
            lockedUntil = null;
        }
        failedLogins++;
        if (failedLogins >= policy.maxFailures()) {
            lockedUntil = at(now.plus(policy.lockDuration()));
            failedLogins = 0;
        }
    }

    /**
     * Locked, as an administrator sees it: locked by an administrator (state LOCKED), or in the
     * back-off after too many wrong passwords.
     */
    public boolean lockedFor(Instant now) {
        return state == AccountState.LOCKED || lockedAt(now);
    }

    /**
     * An administrator lifts a lock: a LOCKED account is active again, and a failure back-off
     * ends with its count. The owner can sign in at once with their password.
     *
     * @throws IllegalStateException when the account is not locked
     */
    public void unlock(Instant now) {
        if (!lockedFor(now)) {
            throw new IllegalStateException("account " + email + " is not locked");
        }
        if (state == AccountState.LOCKED) {
            state = AccountState.ACTIVE;
        }
        failedLogins = 0;
        lockedUntil = null;
    }

    /**
     * An administrator disables the account: no sign-in, and every session ends on its next
     * request (a session goes on only while the account is ACTIVE). Mail for it is still kept.
     *
     * @throws IllegalStateException when it is disabled already
     */
    public void disable(Instant now) {
        if (state == AccountState.DISABLED) {
            throw new IllegalStateException("account " + email + " is disabled already");
        }
        state = AccountState.DISABLED;
        sessionsValidAfter = at(now);
    }

    /**
     * An administrator enables a disabled account again: ACTIVE if its owner had registered (it
     * has a password), else PENDING, waiting for registration as before.
     *
     * @throws IllegalStateException when it is not disabled
     */
    public void enable() {
        if (state != AccountState.DISABLED) {
            throw new IllegalStateException("account " + email + " is " + state + ", not disabled");
        }
        state = passwordHash == null ? AccountState.PENDING : AccountState.ACTIVE;
        failedLogins = 0;
        lockedUntil = null;
    }

    /**
     * The language the account's mails are written in, if known: the language of the pages its
     * owner last signed in (or registered) with. Empty for an account nobody has used yet; its
     * mails take the organisation's default.
     */
    public Optional<Language> language() {
        return Language.ofCode(language);
    }

    /** The owner just used the portal's pages in {@code pageLanguage}: their mails follow it. */
    public void rememberLanguage(Language pageLanguage) {
        this.language = Objects.requireNonNull(pageLanguage, "pageLanguage").code();
    }

    public void recordSignIn(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = at(now);
    }

    /**
     * Whether a session that signed in at {@code signedInAt} may go on, as far as the account
     * decides it. The rule itself is {@link SessionCheck}'s, which the per-request check applies
     * to the account and the session's registry row read in one query.
     */
    public boolean sessionStillValid(Instant signedInAt) {
        return new SessionCheck(
                                state == AccountState.ACTIVE,
                                sessionsValidAfter == null ? null : sessionsValidAfter.toInstant(),
                                true,
                                null)
                        .verdict(signedInAt)
                == SessionVerdict.GOES_ON;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

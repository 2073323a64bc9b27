package org.sealpost.portal.secondfactor;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.account.ClientThrottle;
import org.sealpost.portal.account.SecondStep;
import org.sealpost.portal.account.SignInPolicy;
import org.sealpost.portal.account.password.PasswordHasher;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;

/**
 * The second factor's flows, as a plain class over the caller's entity manager and
 * transaction: enrolment and its confirmation, the sign-in's second step with an authentication
 * or a recovery code, new recovery codes, turning it off.
 *
 * <p>Every code check locks the account row first, as the password check does, so concurrent
 * wrong codes each count towards the lock, and wrong codes count exactly like wrong passwords
 * ({@link Account#recordFailedSignIn}, {@link ClientThrottle}). The failure count is not reset
 * by a correct password while the second step is open: only a completed sign-in resets it, or
 * someone who knows the password could reset it between guesses.
 */
public final class SecondFactorDesk {

    private final EntityManager em;
    private final SecondFactors factors;
    private final MessageSealer sealer;
    private final PasswordHasher passwords;
    private final ClientThrottle throttle;
    private final SignInPolicy policy;
    private final boolean production;
    private final SecureRandom random;
    private final TotpCodes codes = new TotpCodes();

    public SecondFactorDesk(
            EntityManager em,
            MessageSealer sealer,
            PasswordHasher passwords,
            ClientThrottle throttle,
            SignInPolicy policy,
            boolean production,
            SecureRandom random) {
        this.em = Objects.requireNonNull(em, "em");
        this.factors = new SecondFactors(em);
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.production = production;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Starts setting up an authenticator: a new secret, sealed and stored unconfirmed (in place
     * of an earlier unconfirmed one). Empty when the account already has a confirmed one or
     * does not exist.
     *
     * @param issuer the organisation's name, which the app shows beside the code
     */
    public Optional<Enrolment> startEnrolment(long accountId, String issuer, Instant now) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || factors.confirmedFor(accountId)) {
            return Optional.empty();
        }
        TotpSecret secret = TotpSecret.generate(random);
        try {
            factors.replacePending(SecondFactor.start(accountId, secret, sealer, now));
            return Optional.of(new Enrolment(
                    secret.grouped(), secret.otpauthUri(issuer, account.email().value())));
        } finally {
            secret.erase();
        }
    }

    /**
     * Confirms the enrolment with a code from the app: only then does the authenticator count,
     * and its ten recovery codes are issued (returned once, in {@link CodeCheck.Accepted}).
     * A wrong code here is a typo of someone already past the password, and is not counted.
     *
     * @param completesSignIn the enrolment is the second step of a sign-in (an administrator in
     *                        production): a right code signs in, as a code would
     */
    public CodeCheck confirmEnrolment(
            long accountId, String code, boolean completesSignIn, String client, Instant now) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Optional<SecondFactor> pending = factors.lockedOf(accountId);
        if (account == null || pending.isEmpty() || pending.get().confirmed()) {
            return new CodeCheck.NoSecondFactor();
        }
        OptionalLong step = matchingStep(pending.get(), code, now);
        if (step.isEmpty()) {
            audit(account, AuditAction.SECOND_FACTOR_CHANGE_REFUSED, client, "enrolment: wrong confirming code", now);
            return new CodeCheck.Wrong();
        }
        // The confirming code is used: it must not sign in again within its window.
        factors.claimStep(accountId, step.getAsLong());
        factors.confirm(accountId, now);
        List<String> recovery = issueRecoveryCodes(accountId, now);
        audit(
                account,
                AuditAction.SECOND_FACTOR_ENROLLED,
                client,
                "authenticator app (TOTP); " + RecoveryCodes.COUNT + " recovery codes issued",
                now);
        if (completesSignIn) {
            account.recordSignIn(now);
            audit(account, AuditAction.SIGNED_IN, client, "after enrolling an authenticator", now);
        }
        return new CodeCheck.Accepted(recovery, recovery.size());
    }

    /** The sign-in's second step with the code the app shows now. */
    public CodeCheck signInWithCode(long accountId, String code, String client, Instant now) {
        Optional<Account> account = accountMayTry(accountId, client, now);
        if (account.isEmpty()) {
            return new CodeCheck.Locked();
        }
        Optional<SecondFactor> factor = factors.of(accountId).filter(SecondFactor::confirmed);
        if (factor.isEmpty()) {
            return new CodeCheck.NoSecondFactor();
        }
        OptionalLong step = matchingStep(factor.get(), code, now);
        if (step.isEmpty()) {
            return failed(account.get(), client, "wrong authentication code", now);
        }
        if (!factors.claimStep(accountId, step.getAsLong())) {
            audit(
                    account.get(),
                    AuditAction.SECOND_FACTOR_REPLAYED,
                    client,
                    "code of time step " + step.getAsLong() + " was already used",
                    now);
            return new CodeCheck.Replayed();
        }
        account.get().recordSignIn(now);
        audit(account.get(), AuditAction.SIGNED_IN, client, "with an authentication code", now);
        return new CodeCheck.Accepted(List.of(), factors.recoveryCodesLeft(accountId));
    }

    /** The sign-in's second step with one of the account's recovery codes, which is then spent. */
    public CodeCheck signInWithRecoveryCode(long accountId, String typed, String client, Instant now) {
        Optional<Account> account = accountMayTry(accountId, client, now);
        if (account.isEmpty()) {
            return new CodeCheck.Locked();
        }
        if (!factors.confirmedFor(accountId)) {
            return new CodeCheck.NoSecondFactor();
        }
        String code = RecoveryCodes.normalise(typed);
        if (code == null || !factors.spendRecoveryCode(accountId, RecoveryCodes.hash(accountId, code), now)) {
            return failed(account.get(), client, "wrong or spent recovery code", now);
        }
        int left = factors.recoveryCodesLeft(accountId);
        account.get().recordSignIn(now);
        audit(account.get(), AuditAction.RECOVERY_CODE_USED, client, left + " recovery codes left", now);
        audit(account.get(), AuditAction.SIGNED_IN, client, "with a recovery code", now);
        return new CodeCheck.Accepted(List.of(), left);
    }

    /**
     * A new set of ten recovery codes in place of the old ones, for the account page. The
     * owner proves it is them with a current authentication code or the password, so a
     * session left open is not enough to take the second factor over.
     */
    public Optional<List<String>> replaceRecoveryCodes(long accountId, String proof, String client, Instant now) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Optional<SecondFactor> factor = factors.of(accountId).filter(SecondFactor::confirmed);
        if (account == null || factor.isEmpty()) {
            return Optional.empty();
        }
        if (!proves(account, factor.get(), proof, now)) {
            audit(
                    account,
                    AuditAction.SECOND_FACTOR_CHANGE_REFUSED,
                    client,
                    "new recovery codes: wrong code or password",
                    now);
            return Optional.empty();
        }
        List<String> fresh = issueRecoveryCodes(accountId, now);
        audit(
                account,
                AuditAction.RECOVERY_CODES_REGENERATED,
                client,
                RecoveryCodes.COUNT + " new recovery codes",
                now);
        return Optional.of(fresh);
    }

    /** Turns the second factor off, with a current code or the password as proof. */
    public TurnOffOutcome turnOff(long accountId, String proof, String client, Instant now) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Optional<SecondFactor> factor = factors.of(accountId).filter(SecondFactor::confirmed);
        if (account == null || factor.isEmpty()) {
            return TurnOffOutcome.NOT_ON;
        }
        if (SecondStep.required(account.role(), production)) {
            audit(
                    account,
                    AuditAction.SECOND_FACTOR_CHANGE_REFUSED,
                    client,
                    "turn off: required for administrators",
                    now);
            return TurnOffOutcome.REQUIRED;
        }
        if (!proves(account, factor.get(), proof, now)) {
            audit(account, AuditAction.SECOND_FACTOR_CHANGE_REFUSED, client, "turn off: wrong code or password", now);
            return TurnOffOutcome.WRONG_PROOF;
        }
        factors.remove(accountId);
        audit(account, AuditAction.SECOND_FACTOR_DISABLED, client, null, now);
        return TurnOffOutcome.TURNED_OFF;
    }

    public SecondFactorStatus status(long accountId) {
        Account account = em.find(Account.class, accountId);
        boolean on = factors.confirmedFor(accountId);
        return new SecondFactorStatus(
                on,
                on ? factors.recoveryCodesLeft(accountId) : 0,
                account != null && !SecondStep.required(account.role(), production));
    }

    /**
     * A current code (claimed, so it cannot be used again) or the password. Six digits are
     * taken as a code: a password is at least 12 characters (PasswordPolicy).
     */
    private boolean proves(Account account, SecondFactor factor, String proof, Instant now) {
        if (proof == null || proof.isEmpty()) {
            return false;
        }
        if (codes.looksLikeACode(proof)) {
            OptionalLong step = matchingStep(factor, proof, now);
            return step.isPresent() && factors.claimStep(account.id(), step.getAsLong());
        }
        char[] password = proof.toCharArray();
        try {
            return account.passwordHash() != null && passwords.verify(password, account.passwordHash());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private List<String> issueRecoveryCodes(long accountId, Instant now) {
        List<String> fresh = RecoveryCodes.generate(random);
        factors.replaceRecoveryCodes(
                accountId,
                fresh.stream()
                        .map(c -> RecoveryCodes.hash(accountId, RecoveryCodes.normalise(c)))
                        .toList(),
                now);
        return fresh;
    }

    /** The account, locked, if a code may be tried now: the client not throttled, the account active and unlocked. */
    private Optional<Account> accountMayTry(long accountId, String client, Instant now) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (throttle.exhausted(client, now, policy)) {
            AuditTrail.on(em)
                    .record(
                            account == null ? "" : account.email().value(),
                            AuditAction.SIGN_IN_THROTTLED,
                            "account",
                            Long.toString(accountId),
                            client,
                            "second step",
                            now);
            return Optional.empty();
        }
        if (account == null || !account.mayTrySignIn(now)) {
            if (account != null) {
                audit(
                        account,
                        AuditAction.SECOND_FACTOR_FAILED,
                        client,
                        "account " + account.state() + (account.lockedAt(now) ? ", locked" : ""),
                        now);
            }
            return Optional.empty();
        }
        return Optional.of(account);
    }

    private CodeCheck failed(Account account, String client, String what, Instant now) {
        account.recordFailedSignIn(now, policy);
        throttle.recordFailure(client, now, policy);
        boolean locked = account.lockedAt(now);
        audit(account, AuditAction.SECOND_FACTOR_FAILED, client, locked ? what + "; account locked" : what, now);
        return locked ? new CodeCheck.Locked() : new CodeCheck.Wrong();
    }

    private OptionalLong matchingStep(SecondFactor factor, String code, Instant now) {
        TotpSecret secret;
        try {
            secret = factor.open(sealer);
        } catch (SealBrokenException e) {
            throw new IllegalStateException(
                    "the authenticator secret of account " + factor.accountId() + " cannot be opened: "
                            + e.getMessage(),
                    e);
        }
        byte[] raw = secret.bytes();
        try {
            return codes.matchingStep(raw, code, now);
        } finally {
            Arrays.fill(raw, (byte) 0);
            secret.erase();
        }
    }

    private void audit(Account account, AuditAction action, String client, String detail, Instant now) {
        AuditTrail.on(em)
                .record(account.email().value(), action, "account", account.id().toString(), client, detail, now);
    }
}

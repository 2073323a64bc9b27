package org.sealpost.portal.account.password;

import java.nio.charset.CharacterCodingException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Hashes and verifies passwords with Argon2id (RFC 9106), stored as PHC strings.
 *
 * <p>A new hash uses the current {@link Argon2Settings}, a 16-byte random salt (RFC 9106 section
 * 3.1 recommends 16) and a 32-byte tag. Verification takes every parameter from the stored string,
 * so raising the cost later does not lock anyone out; {@link #needsRehash(String)} says when a
 * successful login should store a new hash.
 *
 * <p>The password is normalised to NFKC and encoded as UTF-8 first (see {@code PasswordText}), the
 * same form {@link PasswordPolicy} screened. The encoded bytes are wiped after use; the caller owns
 * and wipes the {@code char[]}.
 *
 * <p>Thread-safe. Each call allocates the Argon2 memory (19 MiB by default) for its duration; a
 * hasher made with a concurrency computes at most that many at once ({@link HashingTurns}), the
 * other calls wait for a turn in arrival order.
 */
public final class PasswordHasher {

    public static final int SALT_BYTES = 16;
    public static final int TAG_BYTES = 32;

    /** As many hashes at once as there are callers. */
    private static final int UNBOUNDED = HashingTurns.UNBOUNDED;

    private final Argon2Settings settings;
    private final Argon2idFunction argon2id;
    private final HashingTurns turns;
    private final SecureRandom random;
    private final byte[] dummySalt;
    private final byte[] dummyTag;

    /** A hasher with {@link Argon2Settings#OWASP} settings. */
    public PasswordHasher() {
        this(Argon2Settings.OWASP);
    }

    /** A hasher computing Argon2id with BouncyCastle. */
    public PasswordHasher(Argon2Settings settings) {
        this(settings, BouncyCastleArgon2id.INSTANCE);
    }

    /** A hasher computing Argon2id with {@code argon2id} ({@link Argon2idImplementation#function()}), as many at once as called. */
    public PasswordHasher(Argon2Settings settings, Argon2idFunction argon2id) {
        this(settings, argon2id, UNBOUNDED);
    }

    /**
     * A hasher computing Argon2id with {@code argon2id}, at most {@code concurrency} at once
     * (the portal: one per processor, {@code SEALPOST_ARGON2_CONCURRENCY}).
     *
     * @throws IllegalArgumentException if {@code concurrency} is below 1
     */
    public PasswordHasher(Argon2Settings settings, Argon2idFunction argon2id, int concurrency) {
        this(settings, argon2id, concurrency, 0);
    }

    /**
     * As {@link #PasswordHasher(Argon2Settings, Argon2idFunction, int)}, on threads whose nice
     * value is {@code niceness} (0–19; the portal: 10, {@code SEALPOST_ARGON2_NICENESS}), so that
     * the pages being served go first ({@link HashingTurns}).
     *
     * @throws IllegalArgumentException if {@code concurrency} is below 1 or {@code niceness} out of range
     */
    public PasswordHasher(Argon2Settings settings, Argon2idFunction argon2id, int concurrency, int niceness) {
        this(settings, argon2id, new HashingTurns(concurrency, niceness), new SecureRandom());
    }

    PasswordHasher(Argon2Settings settings, SecureRandom random) {
        this(settings, BouncyCastleArgon2id.INSTANCE, random);
    }

    PasswordHasher(Argon2Settings settings, Argon2idFunction argon2id, SecureRandom random) {
        this(settings, argon2id, new HashingTurns(UNBOUNDED), random);
    }

    private PasswordHasher(
            Argon2Settings settings, Argon2idFunction argon2id, HashingTurns turns, SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.argon2id = Objects.requireNonNull(argon2id, "argon2id");
        this.turns = turns;
        this.random = Objects.requireNonNull(random, "random");
        this.dummySalt = randomBytes(SALT_BYTES);
        this.dummyTag = randomBytes(TAG_BYTES);
    }

    /** The settings new hashes are made with. */
    public Argon2Settings settings() {
        return settings;
    }

    /** Who computes Argon2id here. */
    public Argon2idFunction function() {
        return argon2id;
    }

    /** How many Argon2id computations run at once at most ({@link Integer#MAX_VALUE}: unbounded). */
    public int concurrency() {
        return turns.concurrency();
    }

    /** The nice value of the threads that compute the hashes (0: the callers' priority). */
    public int niceness() {
        return turns.niceness();
    }

    /**
     * A new PHC string for {@code password} with a fresh random salt.
     *
     * @throws IllegalArgumentException if the password has an unpaired UTF-16 surrogate, which
     *                                  {@link PasswordPolicy} refuses before it gets here
     */
    public String hash(char[] password) {
        return hash(password, randomBytes(SALT_BYTES));
    }

    /** {@link #hash(char[])} with a given salt, so tests can hold everything but one input fixed. */
    String hash(char[] password, byte[] salt) {
        Objects.requireNonNull(password, "password");
        byte[] bytes;
        try {
            bytes = PasswordText.utf8(password);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the password contains an unpaired UTF-16 surrogate", e);
        }
        try {
            byte[] password8 = bytes;
            byte[] tag = turns.take(() -> argon2id.tag(password8, settings, salt, TAG_BYTES));
            return new PhcString(settings, salt.clone(), tag).format();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Whether {@code password} is the one {@code phc} was made from. The tags are compared in
     * constant time ({@link MessageDigest#isEqual} is, since JDK 6u17), so the time taken does not
     * reveal how many leading bytes matched.
     *
     * @throws InvalidPasswordHashException if {@code phc} is not an Argon2id PHC string
     */
    public boolean verify(char[] password, String phc) {
        Objects.requireNonNull(password, "password");
        PhcString stored = PhcString.parse(phc);
        return matches(password, stored.settings(), stored.salt(), stored.tag());
    }

    /**
     * Spends the time of a {@link #verify} with the current settings and returns {@code false}.
     * A login for an address without an account (or without a password yet) calls this instead of
     * returning at once, so the response time does not tell an attacker which addresses exist
     * (OWASP Authentication Cheat Sheet, "Authentication Responses").
     */
    public boolean verifyAgainstDummy(char[] password) {
        Objects.requireNonNull(password, "password");
        // The full Argon2 run and comparison happen; the outcome is meaningless (a random tag).
        matches(password, settings, dummySalt, dummyTag);
        return false;
    }

    /**
     * Whether {@code phc} was made with other settings (or salt or tag length) than new hashes
     * get now: after a successful {@link #verify}, the caller then stores {@link #hash} of the
     * password it just checked.
     *
     * @throws InvalidPasswordHashException if {@code phc} is not an Argon2id PHC string
     */
    public boolean needsRehash(String phc) {
        PhcString stored = PhcString.parse(phc);
        return !stored.settings().equals(settings)
                || stored.salt().length != SALT_BYTES
                || stored.tag().length != TAG_BYTES;
    }

    private boolean matches(char[] password, Argon2Settings settings, byte[] salt, byte[] expected) {
        byte[] bytes;
        boolean encodable = true;
        try {
            bytes = PasswordText.utf8(password);
        } catch (CharacterCodingException e) {
            // No hash can have been made from it; still do the work so the timing says nothing.
            encodable = false;
            bytes = new byte[0];
        }
        try {
            byte[] password8 = bytes;
            byte[] actual = turns.take(() -> argon2id.tag(password8, settings, salt, expected.length));
            return MessageDigest.isEqual(actual, expected) & encodable;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}

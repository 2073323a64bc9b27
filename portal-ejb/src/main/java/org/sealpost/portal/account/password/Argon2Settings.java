package org.sealpost.portal.account.password;

/**
 * The cost of one Argon2id computation (RFC 9106 section 3.1).
 *
 * <p>The bounds refuse settings that are invalid (RFC 9106: at least 8 KiB per lane, at least one
 * pass) and, since {@link PasswordHasher} also reads settings back from stored hashes, settings no
 * interactive login would use: a stored hash claiming 64 GiB is corrupt or planted and must fail
 * with a clear message, not exhaust the heap.
 *
 * @param memoryKiB   memory in KiB ({@code m}); at least 8 per lane, at most 1 GiB
 * @param iterations  passes over the memory ({@code t}); 1 to 64
 * @param parallelism lanes ({@code p}); 1 to 64. BouncyCastle fills lanes one after another,
 *                    so more lanes only add work here
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

    /** 1 GiB. */
    public static final int MAX_MEMORY_KIB = 1 << 20;

    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 64;

    /**
     * OWASP Password Storage Cheat Sheet, Argon2id: "m=19456 (19 MiB), t=2, p=1". About 40 ms
     * per hash on one core of the machine this was written on; one login costs one hash.
     */
    public static final Argon2Settings OWASP = new Argon2Settings(19_456, 2, 1);

    public Argon2Settings {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(
                    "Argon2 parallelism must be 1 to " + MAX_PARALLELISM + ", not " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "Argon2 iterations must be 1 to " + MAX_ITERATIONS + ", not " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be " + 8 * parallelism + " to " + MAX_MEMORY_KIB
                    + " KiB for " + parallelism + " lane(s), not " + memoryKiB);
        }
    }
}

package org.sealpost.portal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.sealpost.portal.crypto.internal.AesGcm;

/**
 * Drives the AES-GCM path hard enough at start-up that HotSpot compiles it with the AES-GCM
 * intrinsic before the first real message arrives.
 *
 * <p>Why: the intrinsic only takes over once the JIT has compiled the calling methods, which is
 * driven by invocation counts. A JVM that first sees 1 MB messages makes few invocations and was
 * measured at ~60 MB/s for its first ~13 s instead of ~4 GB/s (docs/ARCHITECTURE.md, "Runtime facts"). Many 10 KB
 * operations get the counts up quickly; a few buffers just over 1 MB go first so the profile the
 * JIT compiles from also contains the large-message branches (without them, the first large
 * message deoptimises the compiled code and runs slowly again).
 *
 * <p>The warm-up uses a throw-away random key and the same {@link AesGcm} code path as
 * {@link MessageSealer}; it is bounded by a time budget so start-up never waits long for it.
 */
public final class CryptoWarmUp {

    /** Default budget: well under the application server's own start-up time. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(900);

    static final int SMALL_BYTES = 10 * 1024;
    /** Just over 1 MiB so SunJCE's split-into-1-MiB-chunks branch is profiled too. */
    static final int LARGE_BYTES = (1 << 20) + 4096;
    /*
     * Tiered compilation profiles a method once it runs in C1 (after a few hundred calls) and
     * hands it to C2 after roughly 5,000; the large buffers therefore run after the first 1,000 small
     * ones, while the profile is being collected, and once more at the end.
     */
    private static final int[] PHASE_SMALL = {1000, 5000};
    private static final int[] PHASE_LARGE = {3, 3};
    static final int SMALL_TOTAL = 6000;
    static final int LARGE_TOTAL = 6;

    private CryptoWarmUp() {}

    /** What one warm-up did; for the start-up log line. */
    public record Report(int smallRoundTrips, int largeRoundTrips, Duration elapsed, boolean completed) {}

    /** Runs the warm-up within {@link #DEFAULT_BUDGET}. */
    public static Report run() {
        return run(DEFAULT_BUDGET);
    }

    /**
     * Seals and opens {@value #SMALL_TOTAL} 10 KB and {@value #LARGE_TOTAL} ~1 MB buffers,
     * stopping early when {@code budget} runs out.
     */
    public static Report run(Duration budget) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        SecureRandom random = new SecureRandom();
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        SecretKey key = new SecretKeySpec(keyBytes, "AES");
        byte[] small = new byte[SMALL_BYTES];
        byte[] large = new byte[LARGE_BYTES];
        byte[] context = "sealpost/v1|warm-up".getBytes(StandardCharsets.US_ASCII);

        int smallDone = 0;
        int largeDone = 0;
        for (int phase = 0; phase < PHASE_SMALL.length && before(deadline); phase++) {
            for (int i = 0; i < PHASE_SMALL[phase] && before(deadline); i++, smallDone++) {
                roundTrip(key, small, context, random);
            }
            for (int i = 0; i < PHASE_LARGE[phase] && before(deadline); i++, largeDone++) {
                roundTrip(key, large, context, random);
            }
        }
        return new Report(
                smallDone,
                largeDone,
                Duration.ofNanos(System.nanoTime() - start),
                smallDone == SMALL_TOTAL && largeDone == LARGE_TOTAL);
    }

    private static boolean before(long deadline) {
        return System.nanoTime() - deadline < 0;
    }

    private static void roundTrip(SecretKey key, byte[] plaintext, byte[] context, SecureRandom random) {
        byte[] sealed = AesGcm.seal(key, plaintext, context, random);
        try {
            byte[] opened = AesGcm.open(key, sealed, context);
            if (opened.length != plaintext.length) {
                throw new IllegalStateException("AES-GCM warm-up round trip changed the length");
            }
        } catch (AesGcm.MalformedSealException | AEADBadTagException e) {
            throw new IllegalStateException("AES-GCM warm-up could not open its own ciphertext", e);
        }
    }
}

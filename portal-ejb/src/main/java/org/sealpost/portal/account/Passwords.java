package org.sealpost.portal.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import org.sealpost.portal.account.password.Argon2Settings;
import org.sealpost.portal.account.password.Argon2idImplementation;
import org.sealpost.portal.account.password.PasswordHasher;
import org.sealpost.portal.account.password.PasswordPolicy;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;

/**
 * The password hasher with the Argon2id cost from configuration
 * ({@code SEALPOST_ARGON2_MEMORY_KIB}, {@code _ITERATIONS}, {@code _PARALLELISM}; OWASP's
 * m=19 MiB, t=2, p=1 by default) computed by the implementation {@code SEALPOST_ARGON2_IMPLEMENTATION}
 * names, at most {@code SEALPOST_ARGON2_CONCURRENCY} at once (one per processor by default), and
 * the NIST SP 800-63B policy.
 */
@ApplicationScoped
public class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger LOG = Logger.getLogger(Passwords.class.getName());

    @Inject
    private PortalSettings settings;

    private PasswordHasher hasher;
    private PasswordPolicy policy;

    @PostConstruct
    void configure() {
        Argon2Settings argon2 = new Argon2Settings(
                settings.integer(Setting.ARGON2_MEMORY_KIB, Argon2Settings.OWASP.memoryKiB()),
                settings.integer(Setting.ARGON2_ITERATIONS, Argon2Settings.OWASP.iterations()),
                settings.integer(Setting.ARGON2_PARALLELISM, Argon2Settings.OWASP.parallelism()));
        // NATIVE without the library fails here, so the portal does not start (docs/adr/0019).
        hasher = new PasswordHasher(
                argon2,
                Argon2idImplementation.of(
                                settings.get(Setting.ARGON2_IMPLEMENTATION).orElse(null))
                        .function(),
                concurrency(settings.integer(Setting.ARGON2_CONCURRENCY, defaultConcurrency())),
                niceness(settings.integer(Setting.ARGON2_NICENESS, DEFAULT_NICENESS)));
        policy = new PasswordPolicy();
        LOG.info(() -> "password hashing: Argon2id m=" + argon2.memoryKiB() + " KiB, t=" + argon2.iterations() + ", p="
                + argon2.parallelism() + ", by " + hasher.function().description() + ", at most "
                + hasher.concurrency() + " at once, at nice " + hasher.niceness());
    }

    /**
     * A password for an account no person signs in to (the warm-up's rehearsal and reader, ADR
     * 0027, ADR 0033): 256 random bits, Base64, known only to the caller's memory.
     */
    public static char[] throwAway() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random).toCharArray();
    }

    /**
     * One hash per processor: more at once would not finish sooner (each is one thread's work
     * at p=1), only hold more memory and share the processors with the pages being served.
     */
    public static int defaultConcurrency() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The hashing threads' nice value unless configured: well below the pages' priority (nice 0:
     * a page's thread gets about nine times a hash's share of a contended processor), yet the
     * hashes still take every processor the pages leave (ADR 0032).
     */
    public static final int DEFAULT_NICENESS = 10;

    /** The configured niceness, or a start refused with the setting's name. */
    static int niceness(int configured) {
        if (configured < 0 || configured > 19) {
            throw new IllegalStateException(Setting.ARGON2_NICENESS.environmentVariable()
                    + " must be 0 (the pages' priority) to 19 (the lowest), not " + configured);
        }
        return configured;
    }

    /** The configured concurrency, or a start refused with the setting's name. */
    static int concurrency(int configured) {
        if (configured < 1) {
            throw new IllegalStateException(Setting.ARGON2_CONCURRENCY.environmentVariable()
                    + " must be at least 1 (one password hash at a time), not " + configured);
        }
        return configured;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public PasswordPolicy policy() {
        return policy;
    }
}

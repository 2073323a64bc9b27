package org.sealpost.portal.account;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import org.sealpost.portal.account.password.PasswordHasher;

/**
 * Not a test: the CPU a throttled sign-in costs in the sign-in service, before (the dummy
 * Argon2id verify every refusal used to run) and after (the throttle lookup alone), with the
 * default OWASP parameters. Run as docs/BENCHMARKS.md says; prints one line per variant.
 */
public final class ThrottledSignInCost {

    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ClientThrottle throttle = new ClientThrottle();
        Instant now = Instant.now();
        for (int i = 0; i < SignInPolicy.DEFAULT.maxFailuresPerClient(); i++) {
            throttle.recordFailure("203.0.113.7", now, SignInPolicy.DEFAULT);
        }
        PasswordHasher hasher = new PasswordHasher();
        char[] password = "a wrong password".toCharArray();
        for (int warm = 0; warm < 20; warm++) {
            hasher.verifyAgainstDummy(password);
        }
        int n = 200;
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            if (throttle.exhausted("203.0.113.7", now, SignInPolicy.DEFAULT)) {
                hasher.verifyAgainstDummy(password);
            }
        }
        long before = (cpu.getCurrentThreadCpuTime() - t0) / n;
        int m = 1_000_000;
        int refused = 0;
        t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < m; i++) {
            if (throttle.exhausted("203.0.113.7", now, SignInPolicy.DEFAULT)) {
                refused++;
            }
        }
        long after = (cpu.getCurrentThreadCpuTime() - t0) / m;
        System.out.printf(
                "before (throttle check + dummy Argon2id verify): %.1f ms CPU per throttled attempt (%d attempts)%n",
                before / 1e6, n);
        System.out.printf(
                "after (throttle check only): %.2f µs CPU per throttled attempt (%d attempts, %d refused)%n",
                after / 1e3, m, refused);
    }
}

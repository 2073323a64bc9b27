package org.sealpost.portal.account;

import java.time.Duration;

/**
 * How hard the portal pushes back on wrong passwords: per account, a lock of
 * {@code lockDuration} after {@code maxFailures} failures in a row; per client address, at
 * most {@code maxFailuresPerClient} failures in {@code clientWindow}, so one address cannot
 * try a common password against every account.
 */
public record SignInPolicy(int maxFailures, Duration lockDuration, int maxFailuresPerClient, Duration clientWindow) {

    public static final SignInPolicy DEFAULT = new SignInPolicy(5, Duration.ofMinutes(15), 30, Duration.ofMinutes(15));

    public SignInPolicy {
        if (maxFailures < 1 || maxFailuresPerClient < 1 || lockDuration.isNegative() || clientWindow.isNegative()) {
            throw new IllegalArgumentException("sign-in limits must be positive");
        }
    }
}

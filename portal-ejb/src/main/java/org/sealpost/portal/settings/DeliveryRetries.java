package org.sealpost.portal.settings;

import java.time.Duration;

/**
 * When the outbound queue tries a deferred mail again, and when it gives up. The interval is
 * the first wait and doubles after each failure (up to six hours); a mail still undelivered
 * after the give-up age is marked failed, as RFC 5321 §4.5.4.1 suggests (4–5 days).
 *
 * <p>Bounds: the interval from 1 second (tests and development use a few seconds; the doubling
 * keeps a smarthost from being hammered) to 6 hours (the longest wait anyway); the age from 10
 * minutes to 30 days, and longer than the interval.
 */
public record DeliveryRetries(Duration interval, Duration maxAge) {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofHours(6);
    public static final Duration MIN_AGE = Duration.ofMinutes(10);
    public static final Duration MAX_AGE = Duration.ofDays(30);

    /** @throws SettingsRefusedException naming the value out of range */
    public DeliveryRetries {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new SettingsRefusedException(SettingsProblem.RETRY_INTERVAL_OUT_OF_RANGE, String.valueOf(interval));
        }
        if (maxAge == null || maxAge.compareTo(MIN_AGE) < 0 || maxAge.compareTo(MAX_AGE) > 0) {
            throw new SettingsRefusedException(SettingsProblem.RETRY_MAX_AGE_OUT_OF_RANGE, String.valueOf(maxAge));
        }
        if (maxAge.compareTo(interval) <= 0) {
            throw new SettingsRefusedException(SettingsProblem.RETRY_MAX_AGE_BELOW_INTERVAL, maxAge.toString());
        }
    }
}

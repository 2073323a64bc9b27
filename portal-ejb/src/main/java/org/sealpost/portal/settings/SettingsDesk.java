package org.sealpost.portal.settings;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.language.Language;

/**
 * Reads and changes the runtime settings in the caller's transaction, recording every change
 * (and the first-start seeding) in the audit trail with the old and the new value. Plain Java
 * over an entity manager, so tests and operator commands run it without the container; {@link
 * RuntimeSettingsService} is its transaction in Payara.
 *
 * <p>None of these settings is a secret, so the audit shows every value; the logo is named by
 * its type and the first 12 hex digits of its SHA-256.
 */
public final class SettingsDesk {

    static final String TARGET = "runtime_settings";

    private final EntityManager em;
    private final RuntimeSettingsStore store;
    private final Supplier<RuntimeSettingsSeed.Values> seed;

    public SettingsDesk(EntityManager em, Supplier<RuntimeSettingsSeed.Values> seed) {
        this.em = Objects.requireNonNull(em, "em");
        this.store = new RuntimeSettingsStore(em);
        this.seed = Objects.requireNonNull(seed, "seed");
    }

    /** The settings in force, seeded from the environment when the database holds none yet. */
    public RuntimeSettings current() {
        RuntimeSettingsStore.Current current = store.current(seed);
        if (current.seeded()) {
            RuntimeSettings s = current.settings();
            AuditTrail.on(em)
                    .record(
                            "system",
                            AuditAction.RUNTIME_SETTINGS_CHANGED,
                            TARGET,
                            "1",
                            null,
                            "seeded from the environment: " + s.branding() + ", " + s.bridgeRules() + ", "
                                    + s.deliveryRetries() + ", default language "
                                    + s.defaultLanguage().code(),
                            Instant.now());
        }
        return current.settings();
    }

    /** @throws SettingsChangedMeanwhileException the form's version is not the row's */
    public void changeBranding(
            String actor, String clientAddress, int expectedVersion, Branding branding, Instant now) {
        change(actor, clientAddress, expectedVersion, row -> row.change(branding, now), now);
    }

    /** @throws SettingsChangedMeanwhileException the form's version is not the row's */
    public void changeBridgeRules(
            String actor, String clientAddress, int expectedVersion, BridgeRules rules, Instant now) {
        change(actor, clientAddress, expectedVersion, row -> row.change(rules, now), now);
    }

    /** @throws SettingsChangedMeanwhileException the form's version is not the row's */
    public void changeDeliveryRetries(
            String actor, String clientAddress, int expectedVersion, DeliveryRetries retries, Instant now) {
        change(actor, clientAddress, expectedVersion, row -> row.change(retries, now), now);
    }

    /** @throws SettingsChangedMeanwhileException the form's version is not the row's */
    public void changeDefaultLanguage(
            String actor, String clientAddress, int expectedVersion, Language language, Instant now) {
        change(actor, clientAddress, expectedVersion, row -> row.change(language, now), now);
    }

    /**
     * Replaces the logo, or removes it with {@code null}.
     *
     * @throws SettingsChangedMeanwhileException the form's version is not the row's
     */
    public void replaceLogo(String actor, String clientAddress, int expectedVersion, LogoImage logo, Instant now) {
        current();
        Optional<RuntimeSettings.LogoReference> before = store.replaceLogo(expectedVersion, logo, now);
        String old = before.map(r -> r.mediaType() + " " + r.sha256().substring(0, 12))
                .orElse("none");
        String fresh =
                logo == null ? "none" : logo.mediaType() + " " + logo.sha256().substring(0, 12);
        record(actor, clientAddress, List.of("logo: " + old + " → " + fresh), now);
    }

    /** The logo's bytes, if there is one. */
    public Optional<LogoImage> logo() {
        return store.logo();
    }

    /**
     * One change of the row: seeded first if need be, refused when the form's version is stale,
     * recorded with what it changed (old → new), and flushed so that a conflict shows here.
     */
    private void change(
            String actor,
            String clientAddress,
            int expectedVersion,
            Function<RuntimeSettings, List<String>> change,
            Instant now) {
        current();
        RuntimeSettings row = store.forChange(expectedVersion);
        record(actor, clientAddress, change.apply(row), now);
        store.flush();
    }

    private void record(String actor, String clientAddress, List<String> changes, Instant now) {
        if (!changes.isEmpty()) {
            AuditTrail.on(em)
                    .record(
                            actor,
                            AuditAction.RUNTIME_SETTINGS_CHANGED,
                            TARGET,
                            "1",
                            clientAddress,
                            String.join("; ", changes),
                            now);
        }
    }
}

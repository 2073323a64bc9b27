package org.sealpost.portal.settings;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The owner of table {@code runtime_settings}: every statement about it is here. Reads the row in
 * the caller's transaction on every call (the shared cache is off), so a change saved on one node
 * is what the next read on any node sees; a primary-key read costs little beside the page or
 * mail it serves.
 *
 * <p>A change names the version its form was loaded with. The row is locked for the change
 * ({@code SELECT … FOR UPDATE}), its version compared, and the change written with the version
 * raised, all in the caller's transaction: two administrators saving at once are serialised, and
 * the second is told the settings changed meanwhile instead of undoing the first's change.
 */
public final class RuntimeSettingsStore {

    private final EntityManager em;

    public RuntimeSettingsStore(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** The settings, and whether this call seeded them (then worth an audit event). */
    public record Current(RuntimeSettings settings, boolean seeded) {}

    /**
     * The settings, seeded from {@code seed} when the database holds none yet. Two nodes seeding
     * at once do not collide: the insert does nothing when the row exists (ON CONFLICT).
     */
    public Current current(Supplier<RuntimeSettingsSeed.Values> seed) {
        RuntimeSettings stored = em.find(RuntimeSettings.class, RuntimeSettings.THE_SETTINGS);
        if (stored != null && stored.lacksDefaultLanguage()) {
            // A row from before V18: the default language is seeded like every setting was,
            // once, and only where no one has set it meanwhile.
            em.createNativeQuery("""
                    UPDATE runtime_settings SET default_language = ? WHERE id = ? AND default_language IS NULL""")
                    .setParameter(1, seed.get().defaultLanguage().code())
                    .setParameter(2, RuntimeSettings.THE_SETTINGS)
                    .executeUpdate();
            em.refresh(stored);
        }
        if (stored != null) {
            return new Current(stored, false);
        }
        RuntimeSettingsSeed.Values values = seed.get();
        Branding b = values.branding();
        BridgeRules r = values.bridgeRules();
        int inserted = em.createNativeQuery("""
                INSERT INTO runtime_settings (id, organisation_name, accent_colour, show_original_subject,
                    flag_header_name, flag_header_value, accept_unflagged, allowed_clients,
                    retry_interval_seconds, retry_max_age_seconds, changed_at, default_language, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, RuntimeSettings.THE_SETTINGS)
                .setParameter(2, b.organisationName())
                .setParameter(3, b.accentColour().hex())
                .setParameter(4, b.showOriginalSubject())
                .setParameter(5, r.flagHeaderName())
                .setParameter(6, r.flagHeaderValue())
                .setParameter(7, r.acceptUnflagged())
                .setParameter(8, String.join(" ", r.allowedClients()))
                .setParameter(9, values.retries().interval().toSeconds())
                .setParameter(10, values.retries().maxAge().toSeconds())
                .setParameter(11, Instant.now().atOffset(ZoneOffset.UTC))
                .setParameter(12, values.defaultLanguage().code())
                .executeUpdate();
        RuntimeSettings now = em.find(RuntimeSettings.class, RuntimeSettings.THE_SETTINGS);
        if (now == null) {
            throw new IllegalStateException("the runtime settings were neither found nor inserted");
        }
        return new Current(now, inserted == 1);
    }

    /**
     * The row, locked for this transaction, if its version is still {@code expectedVersion}.
     *
     * @throws SettingsChangedMeanwhileException when another change was saved since the form loaded
     */
    public RuntimeSettings forChange(int expectedVersion) {
        RuntimeSettings row =
                em.find(RuntimeSettings.class, RuntimeSettings.THE_SETTINGS, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new IllegalStateException("the runtime settings are read (and seeded) before they are changed");
        }
        if (row.version() != expectedVersion) {
            throw new SettingsChangedMeanwhileException("the settings");
        }
        return row;
    }

    /**
     * Writes a change made on {@link #forChange}'s row now, so that a conflict surfaces here as a
     * sentence rather than at commit.
     */
    public void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new SettingsChangedMeanwhileException("the settings");
        }
    }

    /**
     * Replaces the logo (or removes it, with {@code null}) if the version is still {@code
     * expectedVersion}; raises the version.
     *
     * @return the previous logo's reference, for the audit
     */
    public Optional<RuntimeSettings.LogoReference> replaceLogo(int expectedVersion, LogoImage logo, Instant now) {
        RuntimeSettings row = forChange(expectedVersion);
        Optional<RuntimeSettings.LogoReference> before = row.logo();
        int updated = em.createNativeQuery("""
                UPDATE runtime_settings SET logo = ?, logo_media_type = ?, logo_sha256 = ?, changed_at = ?,
                    version = version + 1
                WHERE id = ? AND version = ?""")
                .setParameter(1, logo == null ? null : logo.bytes())
                .setParameter(2, logo == null ? null : logo.mediaType())
                .setParameter(3, logo == null ? null : logo.sha256())
                .setParameter(4, now.atOffset(ZoneOffset.UTC))
                .setParameter(5, RuntimeSettings.THE_SETTINGS)
                .setParameter(6, expectedVersion)
                .executeUpdate();
        if (updated != 1) {
            throw new SettingsChangedMeanwhileException("the settings");
        }
        // The managed row no longer matches the table; later reads in this transaction re-read it.
        em.detach(row);
        return before;
    }

    /** The logo's bytes and type, if there is one. */
    public Optional<LogoImage> logo() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT logo_media_type, logo FROM runtime_settings WHERE id = ? AND logo IS NOT NULL")
                .setParameter(1, RuntimeSettings.THE_SETTINGS)
                .getResultList();
        return rows.stream().findFirst().map(r -> new LogoImage((String) r[0], (byte[]) r[1]));
    }
}

package org.sealpost.portal.settings;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealpost.portal.language.Language;

/**
 * The one row of runtime settings. Holds the rules of a change: each {@code change…} method
 * takes values already checked ({@link Branding}, {@link BridgeRules}, {@link DeliveryRetries}),
 * applies them and says what changed, old and new, for the audit trail.
 */
@Entity
// Never served from a cache: another node may have changed it (the shared cache is off too).
@Cacheable(false)
@Table(name = "runtime_settings")
public class RuntimeSettings {

    /** The id of the one row. */
    public static final int THE_SETTINGS = 1;

    @Id
    private int id;

    @Column(name = "organisation_name", nullable = false)
    private String organisationName;

    @Column(name = "accent_colour", nullable = false)
    private String accentColour;

    @Column(name = "show_original_subject", nullable = false)
    private boolean showOriginalSubject;

    /** Written only by {@link RuntimeSettingsStore}'s logo statements, with the bytes. */
    @Column(name = "logo_media_type", insertable = false, updatable = false)
    private String logoMediaType;

    @Column(name = "logo_sha256", insertable = false, updatable = false)
    private String logoSha256;

    @Column(name = "flag_header_name", nullable = false)
    private String flagHeaderName;

    @Column(name = "flag_header_value", nullable = false)
    private String flagHeaderValue;

    @Column(name = "accept_unflagged", nullable = false)
    private boolean acceptUnflagged;

    /** CIDR blocks separated by single spaces. */
    @Column(name = "allowed_clients", nullable = false)
    private String allowedClients;

    @Column(name = "retry_interval_seconds", nullable = false)
    private long retryIntervalSeconds;

    @Column(name = "retry_max_age_seconds", nullable = false)
    private long retryMaxAgeSeconds;

    /**
     * The language of mails to an account that has never signed in; null only in a row written
     * before V18, which {@link RuntimeSettingsStore#current} seeds on its first read.
     */
    @Column(name = "default_language")
    private String defaultLanguage;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    private int version;

    protected RuntimeSettings() {
        // JPA
    }

    public Branding branding() {
        return new Branding(organisationName, new AccentColour(accentColour), showOriginalSubject);
    }

    public BridgeRules bridgeRules() {
        return new BridgeRules(List.of(allowedClients.split(" ")), flagHeaderName, flagHeaderValue, acceptUnflagged);
    }

    public DeliveryRetries deliveryRetries() {
        return new DeliveryRetries(Duration.ofSeconds(retryIntervalSeconds), Duration.ofSeconds(retryMaxAgeSeconds));
    }

    /** The organisation's default language: of mails to accounts that have never signed in. */
    public Language defaultLanguage() {
        return Language.ofCode(defaultLanguage).orElse(Language.ENGLISH);
    }

    /** Whether the row predates the default language (V18) and still needs its seed. */
    boolean lacksDefaultLanguage() {
        return defaultLanguage == null;
    }

    /** The logo's media type and digest, if there is one (its bytes: {@link RuntimeSettingsStore#logo()}). */
    public Optional<LogoReference> logo() {
        return logoMediaType == null ? Optional.empty() : Optional.of(new LogoReference(logoMediaType, logoSha256));
    }

    /** The version a form loaded with these settings must name when it saves. */
    public int version() {
        return version;
    }

    public Instant changedAt() {
        return changedAt.toInstant();
    }

    /** @return what changed, as "name: old → new" lines; empty when nothing did */
    public List<String> change(Branding branding, Instant now) {
        Branding old = branding();
        List<String> changes = new ArrayList<>();
        note(changes, "organisation name", old.organisationName(), branding.organisationName());
        note(
                changes,
                "accent colour",
                old.accentColour().hex(),
                branding.accentColour().hex());
        note(changes, "show original subject", old.showOriginalSubject(), branding.showOriginalSubject());
        organisationName = branding.organisationName();
        accentColour = branding.accentColour().hex();
        showOriginalSubject = branding.showOriginalSubject();
        return touched(changes, now);
    }

    /** @return what changed, as "name: old → new" lines; empty when nothing did */
    public List<String> change(BridgeRules rules, Instant now) {
        BridgeRules old = bridgeRules();
        List<String> changes = new ArrayList<>();
        note(
                changes,
                "allowed clients",
                String.join(" ", old.allowedClients()),
                String.join(" ", rules.allowedClients()));
        note(
                changes,
                "encrypt-flag header",
                old.flagHeaderName() + ": " + old.flagHeaderValue(),
                rules.flagHeaderName() + ": " + rules.flagHeaderValue());
        note(changes, "accept unflagged mail", old.acceptUnflagged(), rules.acceptUnflagged());
        allowedClients = String.join(" ", rules.allowedClients());
        flagHeaderName = rules.flagHeaderName();
        flagHeaderValue = rules.flagHeaderValue();
        acceptUnflagged = rules.acceptUnflagged();
        return touched(changes, now);
    }

    /** @return what changed, as "name: old → new" lines; empty when nothing did */
    public List<String> change(DeliveryRetries retries, Instant now) {
        DeliveryRetries old = deliveryRetries();
        List<String> changes = new ArrayList<>();
        note(changes, "retry interval", old.interval(), retries.interval());
        note(changes, "give-up age", old.maxAge(), retries.maxAge());
        retryIntervalSeconds = retries.interval().toSeconds();
        retryMaxAgeSeconds = retries.maxAge().toSeconds();
        return touched(changes, now);
    }

    /** @return what changed, as "name: old → new" lines; empty when nothing did */
    public List<String> change(Language language, Instant now) {
        List<String> changes = new ArrayList<>();
        note(changes, "default language", defaultLanguage().code(), language.code());
        defaultLanguage = language.code();
        return touched(changes, now);
    }

    private List<String> touched(List<String> changes, Instant now) {
        if (!changes.isEmpty()) {
            changedAt = now.atOffset(ZoneOffset.UTC);
        }
        return List.copyOf(changes);
    }

    private static void note(List<String> changes, String name, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.add(name + ": " + quoted(old) + " → " + quoted(now));
        }
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    /** A stored logo's media type and SHA-256, without its bytes. */
    public record LogoReference(String mediaType, String sha256) {}
}

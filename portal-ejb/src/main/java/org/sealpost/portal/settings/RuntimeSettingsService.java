package org.sealpost.portal.settings;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.language.Language;

/**
 * The runtime settings in Payara: each call one transaction around {@link SettingsDesk}. After a
 * change commits, {@link RuntimeSettingsChanged} is fired so that this node's copy
 * ({@link RuntimeSettingsCache}) and mail bridge take it at once; other nodes read the row again
 * when the database's change notification reaches them (ADR 0023), and their bridge within its
 * next refresh.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RuntimeSettingsService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalSettings settings;

    @Inject
    private Event<RuntimeSettingsChanged> changed;

    @Inject
    private RuntimeSettingsCache copy;

    private SettingsDesk desk() {
        return new SettingsDesk(em, () -> RuntimeSettingsSeed.fromSettings(settings::get));
    }

    /** The settings in force (seeded on first use), from this node's copy while it is current. */
    public RuntimeSettingsView current() {
        return copy.current(() -> RuntimeSettingsView.of(desk().current()));
    }

    public Optional<LogoImage> logo() {
        return desk().logo();
    }

    public void changeBranding(String actor, String clientAddress, int expectedVersion, Branding branding) {
        desk().changeBranding(actor, clientAddress, expectedVersion, branding, Instant.now());
        changed.fire(new RuntimeSettingsChanged());
    }

    public void changeBridgeRules(String actor, String clientAddress, int expectedVersion, BridgeRules rules) {
        desk().changeBridgeRules(actor, clientAddress, expectedVersion, rules, Instant.now());
        changed.fire(new RuntimeSettingsChanged());
    }

    public void changeDeliveryRetries(
            String actor, String clientAddress, int expectedVersion, DeliveryRetries retries) {
        desk().changeDeliveryRetries(actor, clientAddress, expectedVersion, retries, Instant.now());
        changed.fire(new RuntimeSettingsChanged());
    }

    public void changeDefaultLanguage(String actor, String clientAddress, int expectedVersion, Language language) {
        desk().changeDefaultLanguage(actor, clientAddress, expectedVersion, language, Instant.now());
        changed.fire(new RuntimeSettingsChanged());
    }

    /** @param logo the checked logo, or null to remove it */
    public void replaceLogo(String actor, String clientAddress, int expectedVersion, LogoImage logo) {
        desk().replaceLogo(actor, clientAddress, expectedVersion, logo, Instant.now());
        changed.fire(new RuntimeSettingsChanged());
    }
}

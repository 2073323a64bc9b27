package org.sealpost.portal.settings;

import java.util.Optional;
import org.sealpost.portal.language.Language;

/**
 * The runtime settings as read in one transaction, detached from it: what pages, the bridge and
 * the outbound worker use, with the version a form must name when it saves.
 */
public record RuntimeSettingsView(
        Branding branding,
        BridgeRules bridgeRules,
        DeliveryRetries deliveryRetries,
        Optional<RuntimeSettings.LogoReference> logo,
        Language defaultLanguage,
        int version) {

    static RuntimeSettingsView of(RuntimeSettings s) {
        return new RuntimeSettingsView(
                s.branding(), s.bridgeRules(), s.deliveryRetries(), s.logo(), s.defaultLanguage(), s.version());
    }
}

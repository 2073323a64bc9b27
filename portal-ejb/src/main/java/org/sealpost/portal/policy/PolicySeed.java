package org.sealpost.portal.policy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.Setting;

/**
 * The policy the settings describe, written to the database only when it holds none yet. After
 * that the database wins: an administrator's change must not be undone by a restart with the
 * old environment.
 */
public final class PolicySeed {

    private static final Map<PortalAction, Setting> SETTINGS = Map.of(
            PortalAction.REPLY, Setting.POLICY_REPLY,
            PortalAction.REPLY_ALL, Setting.POLICY_REPLY_ALL,
            PortalAction.FORWARD, Setting.POLICY_FORWARD,
            PortalAction.COMPOSE, Setting.POLICY_COMPOSE,
            PortalAction.ATTACH, Setting.POLICY_ATTACH);

    /** The defaults of the product: answering and writing inside the organisation, no forwarding. */
    private static final Map<PortalAction, Scope> DEFAULTS = Map.of(
            PortalAction.REPLY, Scope.INTERNAL_ONLY,
            PortalAction.REPLY_ALL, Scope.INTERNAL_ONLY,
            PortalAction.FORWARD, Scope.DISABLED,
            PortalAction.COMPOSE, Scope.INTERNAL_ONLY,
            PortalAction.ATTACH, Scope.INTERNAL_ONLY);

    private PolicySeed() {}

    /**
     * The policy from the settings, defaults where a setting is absent.
     *
     * @param settings a setting's value if given ({@code PortalSettings::get})
     * @throws InvalidSettingException for a scope other than disabled, internal or external, or a
     *                                 domain that is not a host name
     */
    public static PortalPolicy fromSettings(Function<Setting, Optional<String>> settings, Instant now) {
        Map<PortalAction, Scope> scopes = new EnumMap<>(PortalAction.class);
        for (PortalAction action : PortalAction.values()) {
            Setting setting = SETTINGS.get(action);
            scopes.put(
                    action,
                    settings.apply(setting)
                            .map(v -> {
                                try {
                                    return Scope.ofSetting(v);
                                } catch (IllegalArgumentException e) {
                                    throw new InvalidSettingException(setting, v, "disabled, internal or external");
                                }
                            })
                            .orElse(DEFAULTS.get(action)));
        }
        List<String> domains = settings.apply(Setting.INTERNAL_DOMAINS)
                .map(v -> List.of(v.split(",")).stream()
                        .map(String::trim)
                        .filter(d -> !d.isEmpty())
                        .toList())
                .orElse(List.of());
        try {
            return PortalPolicy.of(
                    scopes,
                    domains,
                    false,
                    PortalPolicy.DEFAULT_MAX_ATTACHMENT_BYTES,
                    PortalPolicy.DEFAULT_MAX_ATTACHMENT_COUNT,
                    now);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(
                    Setting.INTERNAL_DOMAINS,
                    settings.apply(Setting.INTERNAL_DOMAINS).orElse(""),
                    "comma-separated domain names");
        }
    }
}

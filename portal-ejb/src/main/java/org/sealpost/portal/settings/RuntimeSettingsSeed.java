package org.sealpost.portal.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.sealpost.bridge.BridgeSettings;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.language.Language;

/**
 * The runtime settings the environment describes, written to the database only when it holds
 * none yet (the first start). After that the database wins, exactly as for the portal policy:
 * an administrator's change must not be undone by a restart with the old environment. The
 * environment settings named here are therefore first-start seeds.
 */
public final class RuntimeSettingsSeed {

    /** The seeds, with the defaults a portal without them starts with. */
    public record Values(
            Branding branding, BridgeRules bridgeRules, DeliveryRetries retries, Language defaultLanguage) {}

    private RuntimeSettingsSeed() {}

    /**
     * @param settings a setting's value if given ({@code PortalSettings::get})
     * @throws InvalidSettingException naming the setting whose value cannot be a runtime setting
     */
    public static Values fromSettings(Function<Setting, Optional<String>> settings) {
        String name = settings.apply(Setting.ORGANISATION_NAME).orElse("Sealpost");
        boolean showSubject = flag(settings, Setting.NOTIFY_SHOW_SUBJECT);
        Branding branding =
                checked(Setting.ORGANISATION_NAME, name, () -> new Branding(name, AccentColour.DEFAULT, showSubject));

        String flag = settings.apply(Setting.SMTP_FLAG_HEADER)
                .orElse(BridgeSettings.DEFAULT_FLAG_HEADER_NAME + ": " + BridgeSettings.DEFAULT_FLAG_HEADER_VALUE);
        int colon = flag.indexOf(':');
        if (colon <= 0 || colon == flag.length() - 1) {
            throw new InvalidSettingException(Setting.SMTP_FLAG_HEADER, flag, "'Header-Name: value'");
        }
        List<String> clients = settings.apply(Setting.SMTP_ALLOWED_CLIENTS)
                .map(v -> List.of(v.split(",")))
                .orElse(BridgeSettings.DEFAULT_ALLOWED_CLIENTS);
        boolean acceptUnflagged = flag(settings, Setting.SMTP_ACCEPT_UNFLAGGED);
        BridgeRules bridge;
        try {
            bridge = new BridgeRules(clients, flag.substring(0, colon), flag.substring(colon + 1), acceptUnflagged);
        } catch (SettingsRefusedException e) {
            Setting wrong = e.problem() == SettingsProblem.FLAG_HEADER_NAME_INVALID
                            || e.problem() == SettingsProblem.FLAG_HEADER_VALUE_INVALID
                    ? Setting.SMTP_FLAG_HEADER
                    : Setting.SMTP_ALLOWED_CLIENTS;
            throw new InvalidSettingException(
                    wrong,
                    e.value(),
                    wrong == Setting.SMTP_FLAG_HEADER
                            ? "'Header-Name: value' (RFC 5322 field name, printable value)"
                            : "comma-separated CIDR blocks such as 10.1.2.0/24 or 2001:db8::/32");
        }

        Duration interval = duration(settings, Setting.RETRY_INTERVAL, Duration.ofMinutes(5));
        Duration maxAge = duration(settings, Setting.RETRY_MAX_AGE, Duration.ofDays(5));
        DeliveryRetries retries =
                checked(Setting.RETRY_INTERVAL, interval + " / " + maxAge, () -> new DeliveryRetries(interval, maxAge));
        Language defaultLanguage = settings.apply(Setting.DEFAULT_LANGUAGE)
                .map(v -> Language.ofCode(v)
                        .orElseThrow(() -> new InvalidSettingException(Setting.DEFAULT_LANGUAGE, v, "en or de")))
                .orElse(Language.ENGLISH);
        return new Values(branding, bridge, retries, defaultLanguage);
    }

    private static <T> T checked(Setting setting, String value, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (SettingsRefusedException e) {
            throw new InvalidSettingException(
                    setting, value, "a value the administrator could set too (" + e.problem() + ")");
        }
    }

    private static boolean flag(Function<Setting, Optional<String>> settings, Setting setting) {
        return settings.apply(setting)
                .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> true;
                    case "false", "no", "off", "0" -> false;
                    default -> throw new InvalidSettingException(setting, v, "true or false");
                })
                .orElse(false);
    }

    private static Duration duration(Function<Setting, Optional<String>> settings, Setting setting, Duration fallback) {
        return settings.apply(setting)
                .map(v -> {
                    try {
                        return Duration.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new InvalidSettingException(setting, v, "an ISO-8601 duration such as PT5M or P5D");
                    }
                })
                .orElse(fallback);
    }
}

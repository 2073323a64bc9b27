package org.sealpost.portal.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's settings, read at run time through MicroProfile Config (environment
 * variables, system properties), with the development defaults in one place.
 */
@ApplicationScoped
public class PortalSettings {

    private final Config config = ConfigProvider.getConfig();

    public Optional<String> get(Setting setting) {
        return config.getOptionalValue(setting.property(), String.class)
                .filter(v -> !v.isBlank())
                .map(String::trim);
    }

    /** By property name, for the production checks (ProductionReadiness), which walk the catalogue the launcher shares. */
    public Optional<String> lookup(String property) {
        return config.getOptionalValue(property, String.class).filter(v -> !v.isBlank());
    }

    public boolean production() {
        return ProductionReadiness.isProduction(this::lookup);
    }

    public Path dataDirectory() {
        return Path.of(get(Setting.DATA_DIR).orElse("data")).toAbsolutePath();
    }

    public int httpPort() {
        return integer(Setting.HTTP_PORT, 8080);
    }

    public HttpListenerAddress httpListener() {
        return HttpListenerAddress.parse(get(Setting.HTTP_BIND).orElse(HttpListenerAddress.DEFAULT));
    }

    public String publicUrl() {
        return get(Setting.PUBLIC_URL).orElse("http://localhost:" + httpPort());
    }

    public int integer(Setting setting, int fallback) {
        return get(setting).map(v -> parseInt(setting, v)).orElse(fallback);
    }

    public long longValue(Setting setting, long fallback) {
        return get(setting)
                .map(v -> {
                    try {
                        return Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new InvalidSettingException(setting, v, "a whole number");
                    }
                })
                .orElse(fallback);
    }

    public boolean flag(Setting setting, boolean fallback) {
        return get(setting)
                .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> true;
                    case "false", "no", "off", "0" -> false;
                    default -> throw new InvalidSettingException(setting, v, "true or false");
                })
                .orElse(fallback);
    }

    /** An ISO-8601 duration such as {@code PT5M} or {@code P5D}. */
    public java.time.Duration duration(Setting setting, java.time.Duration fallback) {
        return get(setting)
                .map(v -> {
                    try {
                        return java.time.Duration.parse(v);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new InvalidSettingException(setting, v, "an ISO-8601 duration such as PT5M or P5D");
                    }
                })
                .orElse(fallback);
    }

    /** A comma-separated list, blanks dropped. */
    public List<String> list(Setting setting, List<String> fallback) {
        return get(setting)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(fallback);
    }

    /** The zone dates are shown in: {@link Setting#DISPLAY_ZONE}, else the server's. */
    public java.time.ZoneId displayZone() {
        return get(Setting.DISPLAY_ZONE)
                .map(v -> {
                    try {
                        return java.time.ZoneId.of(v);
                    } catch (java.time.DateTimeException e) {
                        throw new InvalidSettingException(
                                Setting.DISPLAY_ZONE, v, "a time zone such as Europe/Berlin or UTC");
                    }
                })
                .orElse(java.time.ZoneId.systemDefault());
    }

    private static int parseInt(Setting setting, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting, value, "a whole number");
        }
    }
}

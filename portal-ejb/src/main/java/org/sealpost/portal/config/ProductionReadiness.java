package org.sealpost.portal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a start may go ahead. Plain Java on purpose: the launcher runs it before
 * any server starts (a clear line and exit code beat a stack trace in a server log), and the
 * portal runs it again at deployment, for operators who deploy the WAR on their own Payara.
 */
public final class ProductionReadiness {

    private ProductionReadiness() {
    }

    /** Whether the configured mode is production; anything but an explicit "dev" is. */
    public static boolean isProduction(Function<String, Optional<String>> settings) {
        return !settings.apply(Setting.MODE.property()).map(m -> m.trim().toLowerCase(Locale.ROOT))
                .orElse("prod").equals("dev");
    }

    /**
     * One line per required setting that is missing or blank, naming the environment
     * variable, the property and what it is for; empty when the start may go ahead.
     */
    public static List<String> missingSettings(Function<String, Optional<String>> settings) {
        if (!isProduction(settings)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Setting s : Setting.values()) {
            boolean present = settings.apply(s.property()).filter(v -> !v.isBlank()).isPresent();
            if (s.requiredInProduction() && !present) {
                lines.add("missing setting " + s.environmentVariable() + " (" + s.property() + "): " + s.purpose());
            }
        }
        return List.copyOf(lines);
    }
}

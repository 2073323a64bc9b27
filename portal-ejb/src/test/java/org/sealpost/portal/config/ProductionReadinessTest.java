package org.sealpost.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProductionReadinessTest {

    private final Map<String, String> configured = new HashMap<>();
    private final Function<String, Optional<String>> settings = k -> Optional.ofNullable(configured.get(k));

    @Test
    void anUnsetModeIsProductionSoAForgottenSettingNeverRunsOnThrowAwayKeys() {
        assertThat(ProductionReadiness.isProduction(settings)).isTrue();
    }

    @Test
    void devModeNeedsNothing() {
        configured.put("sealpost.mode", " DEV ");

        assertThat(ProductionReadiness.missingSettings(settings)).isEmpty();
    }

    @Test
    void productionNamesEachMissingSettingOnItsOwnLineByItsEnvironmentVariable() {
        configured.put("sealpost.mode", "prod");
        configured.put("sealpost.db.url", "jdbc:postgresql://db.internal/sealpost");
        configured.put("sealpost.db.user", "sealpost");
        configured.put("sealpost.db.password", "   ");

        assertThat(ProductionReadiness.missingSettings(settings))
                .anySatisfy(line -> assertThat(line).startsWith("missing setting SEALPOST_DB_PASSWORD (sealpost.db.password)"))
                .anySatisfy(line -> assertThat(line).startsWith("missing setting SEALPOST_KEYSTORE (sealpost.keystore)"))
                .anySatisfy(line -> assertThat(line).startsWith("missing setting SEALPOST_KEYSTORE_PASSWORD"))
                .anySatisfy(line -> assertThat(line).startsWith("missing setting SEALPOST_SMARTHOST"))
                .anySatisfy(line -> assertThat(line).startsWith("missing setting SEALPOST_PUBLIC_URL"))
                .noneSatisfy(line -> assertThat(line).contains("SEALPOST_DB_URL"))
                .noneSatisfy(line -> assertThat(line).contains("SEALPOST_DB_USER "));
    }

    @Test
    void productionWithEverySecretGivenMayStart() {
        configured.put("sealpost.mode", "prod");
        for (Setting s : Setting.values()) {
            if (s.requiredInProduction()) {
                configured.put(s.property(), "value");
            }
        }

        assertThat(ProductionReadiness.missingSettings(settings)).isEmpty();
    }

    @Test
    void environmentVariableNamesFollowTheMicroProfileConfigMapping() {
        assertThat(Setting.SMTP_FLAG_HEADER.environmentVariable()).isEqualTo("SEALPOST_SMTP_FLAG_HEADER");
        assertThat(Setting.DATA_DIR.environmentVariable()).isEqualTo("SEALPOST_DATA_DIR");
    }
}

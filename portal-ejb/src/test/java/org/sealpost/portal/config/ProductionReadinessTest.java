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
                .anySatisfy(line ->
                        assertThat(line).startsWith("missing setting SEALPOST_DB_PASSWORD (sealpost.db.password)"))
                .anySatisfy(
                        line -> assertThat(line).startsWith("missing setting SEALPOST_KEYSTORE (sealpost.keystore)"))
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

    private void productionWithEveryRequiredSetting() {
        configured.put("sealpost.mode", "prod");
        for (Setting s : Setting.values()) {
            if (s.requiredInProduction()) {
                configured.put(s.property(), "value");
            }
        }
        configured.put("sealpost.public.url", "https://secure.bank.example");
    }

    @Test
    void productionRefusesAPlainHttpPublicUrlBecauseLinksAndPasswordsWouldTravelInTheClear() {
        productionWithEveryRequiredSetting();
        configured.put("sealpost.public.url", "http://secure.bank.example");

        assertThat(ProductionReadiness.unsafeSettings(settings, false))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("unsafe setting SEALPOST_PUBLIC_URL (sealpost.public.url)")
                        .contains("http://secure.bank.example", "https://"));
    }

    @Test
    void productionRefusesAPublicUrlThatIsNoAbsoluteHttpsAddress() {
        productionWithEveryRequiredSetting();
        for (String url :
                new String[] {"secure.bank.example", "https:secure", "ftp://secure.bank.example", "https://"}) {
            configured.put("sealpost.public.url", url);

            assertThat(ProductionReadiness.unsafeSettings(settings, false))
                    .as(url)
                    .hasSize(1);
        }
    }

    @Test
    void productionAcceptsAnHttpsPublicUrlInAnyCase() {
        productionWithEveryRequiredSetting();
        configured.put("sealpost.public.url", " HTTPS://secure.bank.example:8443/portal ");

        assertThat(ProductionReadiness.unsafeSettings(settings, false)).isEmpty();
    }

    @Test
    void productionRefusesToStartClusteredUnlessTheOperatorSaysClusteringIsMeant() {
        productionWithEveryRequiredSetting();

        assertThat(ProductionReadiness.unsafeSettings(settings, true))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(
                                "Hazelcast clustering is on",
                                "--nohazelcast (or --nocluster)",
                                "SEALPOST_CLUSTER=hazelcast"));

        configured.put("sealpost.cluster", "none");
        assertThat(ProductionReadiness.unsafeSettings(settings, true)).hasSize(1);

        configured.put("sealpost.cluster", "hazelcast");
        assertThat(ProductionReadiness.unsafeSettings(settings, true)).isEmpty();
    }

    @Test
    void productionUnclusteredNeedsNoClusterSetting() {
        productionWithEveryRequiredSetting();

        assertThat(ProductionReadiness.unsafeSettings(settings, false)).isEmpty();
    }

    @Test
    void anUnknownClusterValueIsRefusedRatherThanGuessed() {
        productionWithEveryRequiredSetting();
        configured.put("sealpost.cluster", "yes");

        assertThat(ProductionReadiness.unsafeSettings(settings, false))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("unsafe setting SEALPOST_CLUSTER"));
    }

    @Test
    void developmentMayUsePlainHttpAndClustering() {
        configured.put("sealpost.mode", "dev");
        configured.put("sealpost.public.url", "http://localhost:8080");

        assertThat(ProductionReadiness.unsafeSettings(settings, true)).isEmpty();
    }

    @Test
    void productionRefusesAKeystoreFileTheGroupOrOthersMayReadOrWrite(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path keystore = java.nio.file.Files.createFile(dir.resolve("kek.p12"));
        configured.put("sealpost.mode", "prod");
        configured.put("sealpost.public.url", "https://secure.bank.example");
        configured.put("sealpost.keystore", keystore.toString());

        java.nio.file.Files.setPosixFilePermissions(
                keystore, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(ProductionReadiness.unsafeSettings(settings, false)).isEmpty();

        java.nio.file.Files.setPosixFilePermissions(
                keystore, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ProductionReadiness.unsafeSettings(settings, false))
                .singleElement()
                .asString()
                .startsWith("unsafe keystore file " + keystore + " (SEALPOST_KEYSTORE) is readable by group or others"
                        + " (rw-r--r--)")
                .endsWith("chmod 600 " + keystore);

        java.nio.file.Files.setPosixFilePermissions(
                keystore, java.nio.file.attribute.PosixFilePermissions.fromString("rw--w----"));
        assertThat(ProductionReadiness.unsafeSettings(settings, false))
                .singleElement()
                .asString()
                .contains("is writable by group or others (rw--w----)");

        configured.put("sealpost.mode", "dev");
        assertThat(ProductionReadiness.unsafeSettings(settings, false))
                .as("development does not check")
                .isEmpty();
    }
}

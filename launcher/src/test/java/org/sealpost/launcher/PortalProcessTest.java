package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.config.HttpListenerAddress;

class PortalProcessTest {

    private static final Distribution DIST = new Distribution(Path.of("payara-micro.jar"), Path.of("portal.war"));

    @Test
    void thePortalJvmGrantsNativeAccessToTheClassPathAlsoWithTheOperatorsOwnOptions() {
        for (List<String> jvmOptions : List.of(Main.DEFAULT_PORTAL_JVM_OPTIONS, List.of("-XX:+UseZGC", "-Xmx2g"))) {
            List<String> command = PortalProcess.command(DIST, Path.of("preboot.asadmin"), 8080, Map.of(), jvmOptions);

            assertThat(command).contains("--enable-native-access=ALL-UNNAMED");
            assertThat(command.indexOf("--enable-native-access=ALL-UNNAMED"))
                    .as("a JVM option, so before -jar")
                    .isLessThan(command.indexOf("-jar"));
            assertThat(command).containsAll(jvmOptions);
        }
    }

    @Test
    void payaraMicroRunsWithoutHazelcastNotMerelyUnclustered() {
        List<String> command = PortalProcess.command(
                DIST, Path.of("preboot.asadmin"), 8080, Map.of(), Main.DEFAULT_PORTAL_JVM_OPTIONS);

        // Payara Micro checks --nocluster first: given both, Hazelcast would still run.
        assertThat(command).contains("--nohazelcast").doesNotContain("--nocluster");
    }

    @Test
    void theHttpListenerBindsWhereTheSettingSaysAndNowhereElse() {
        String listener = "set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=";

        assertThat(PortalProcess.preboot(HttpListenerAddress.parse(HttpListenerAddress.DEFAULT)))
                .containsOnlyOnce(listener)
                .contains(listener + "127.0.0.1\n");
        assertThat(PortalProcess.preboot(HttpListenerAddress.parse("10.0.0.11")))
                .contains(listener + "10.0.0.11\n");
    }
}

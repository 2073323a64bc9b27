package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The WAR as {@code package} built it, the one that ships. */
class WarContentsIT {

    @Test
    void theWarBindsSlf4jToTheServersLoggingAtTheVersionOfItsSlf4jApi() throws Exception {
        File war = new File(System.getProperty("sealpost.it.war", "target/portal.war"));
        try (ZipFile zip = new ZipFile(war)) {
            List<String> libraries = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("WEB-INF/lib/slf4j-"))
                    .toList();
            String api = libraries.stream()
                    .filter(n -> n.startsWith("WEB-INF/lib/slf4j-api-"))
                    .findFirst()
                    .orElseThrow();
            String version = api.substring("WEB-INF/lib/slf4j-api-".length());

            // Without a binding SLF4J says "Defaulting to no-operation (NOP) logger" and the
            // mail bridge's refusals and SubEthaSMTP's warnings are lost.
            assertThat(libraries).containsExactlyInAnyOrder(api, "WEB-INF/lib/slf4j-jdk14-" + version);
        }
    }
}

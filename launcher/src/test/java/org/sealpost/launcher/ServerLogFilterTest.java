package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines as Payara Micro 6 writes them (colour codes included), taken from a real start. */
class ServerLogFilterTest {

    private static final String ESC = "\u001B";

    private static String odl(String level, String logger, String message) {
        String colour = level.equals("INFO") ? "1;92" : level.equals("WARNING") ? "1;93" : "1;91";
        return "[2026-12-03T08:48:51.612+0000] [] [" + ESC + "[" + colour + "m" + level + ESC + "[0m] [] [" + ESC
                + "[1;94m"
                + logger + ESC
                + "[0m] [tid: _ThreadID=3 _ThreadName=main] [timeMillis: 1796287731612] [levelValue: 900] "
                + message;
    }

    private final ServerLogFilter filter = new ServerLogFilter();

    private List<String> feed(String... lines) {
        List<String> shown = new ArrayList<>();
        for (String line : lines) {
            shown.addAll(filter.accept(ServerLogFilter.withoutColour(line)));
        }
        return shown;
    }

    @Test
    void infoRecordsAndTheLinesAfterThemAreNotShown() {
        assertThat(feed(
                        odl("INFO", "PayaraMicro", "Deployed 1 archive(s)"),
                        "",
                        odl("INFO", "PayaraMicro", "[["),
                        "  ",
                        "Payara Micro URLs:",
                        "http://localhost:18461/",
                        "]]",
                        "Payara Micro URLs:"))
                .isEmpty();
    }

    @Test
    void aSevereRecordIsShownWithoutColourCodesThreadOrTimestampNoise() {
        assertThat(feed(odl("SEVERE", "org.sealpost.portal.platform.StartupGate", "Schema migration failed")))
                .containsExactly(
                        "2026-12-03T08:48:51.612+0000 SEVERE [org.sealpost.portal.platform.StartupGate] Schema migration failed");
    }

    @Test
    void warningsAreHiddenWhileStartingAndShownOnceReady() {
        String warning = odl("WARNING", "com.hazelcast.instance.impl.Node", "Some of the ports seem occupied!");
        assertThat(feed(warning)).isEmpty();

        filter.showWarningsFromNowOn();

        assertThat(feed(warning))
                .singleElement()
                .asString()
                .contains("WARNING [com.hazelcast.instance.impl.Node] Some of the ports");
    }

    @Test
    void aMultiLineRecordShowsItsBodyUntilItClosesAndNothingAfter() {
        assertThat(feed(
                        odl("SEVERE", "fish.payara.microprofile.healthcheck.HealthCheckService", "[["),
                        "  Exception executing HealthCheck",
                        "jakarta.ejb.EJBException: Attempt to invoke when container is in Initializing",
                        "\tat com.sun.ejb.containers.BaseContainer.postInvoke(BaseContainer.java:2109)",
                        "]]",
                        "",
                        "Payara Micro URLs:"))
                .containsExactly(
                        "2026-12-03T08:48:51.612+0000 SEVERE [fish.payara.microprofile.healthcheck.HealthCheckService]",
                        "  Exception executing HealthCheck",
                        "jakarta.ejb.EJBException: Attempt to invoke when container is in Initializing",
                        "\tat com.sun.ejb.containers.BaseContainer.postInvoke(BaseContainer.java:2109)");
    }

    @Test
    void aHiddenMultiLineRecordHidesItsWholeBody() {
        assertThat(feed(
                        odl("WARNING", "javax.enterprise.system.security.ssl", "[["),
                        "  The SSL certificate with alias trustcenterclass4caii has expired: [",
                        "[",
                        "  Version: V3",
                        "]]]",
                        ""))
                .isEmpty();
    }

    @Test
    void aLongRecordIsCutWithAPointerToTheFullLog() {
        List<String> lines = new ArrayList<>(List.of(odl("SEVERE", "x", "[[")));
        for (int i = 0; i < 100; i++) {
            lines.add("\tat frame" + i);
        }
        lines.add("]]");

        List<String> shown = feed(lines.toArray(String[]::new));

        assertThat(shown).hasSize(ServerLogFilter.MAX_LINES_PER_RECORD);
        assertThat(shown.getLast()).contains("the rest of this record is in the full log");
    }

    @Test
    void simpleFormatterRecordsAreShownWithTheirHeaderAtSevereOnly() {
        assertThat(feed(
                        "Dec 03, 2026 8:48:39 AM org.example.Thing start",
                        "INFO: all fine",
                        "Dec 03, 2026 8:48:40 AM org.example.Thing start",
                        "SEVERE: cannot bind",
                        "java.net.BindException: Address already in use",
                        "",
                        "something unrelated"))
                .containsExactly(
                        "Dec 03, 2026 8:48:40 AM org.example.Thing start",
                        "SEVERE: cannot bind",
                        "java.net.BindException: Address already in use");
    }

    @Test
    void theJvmsOwnWarningsWhileStartingAreHidden() {
        assertThat(
                        feed(
                                "WARNING: A restricted method in java.lang.foreign.Linker has been called",
                                "WARNING: Use --enable-native-access=ALL-UNNAMED to avoid a warning for callers in this module"))
                .isEmpty();
    }
}

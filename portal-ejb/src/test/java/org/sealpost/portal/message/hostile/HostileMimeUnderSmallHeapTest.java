package org.sealpost.portal.message.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 finding 3: the generated hostile-MIME set goes through intake's metadata
 * extraction, the message page (body, inline images, downloads) and the search indexer in a
 * JVM of its own with {@code -Xmx256m}, each message within a hang guard of a minute. Not a
 * speed test: the timeout only tells a hang from a slow machine.
 */
class HostileMimeUnderSmallHeapTest {

    @Test
    void everyHostileMessageIsReadRenderedAndIndexedIn256MiBOfHeap() throws IOException, InterruptedException {
        List<String> names = List.copyOf(HostileMime.set().keySet());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Surefire may run tests through a manifest-only jar; this property has the real classpath.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath, HostileMimeRun.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(HostileMimeRun.TIMEOUT_SECONDS * names.size() + 60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);

        assertThat(ended).as("the forked JVM ended").isTrue();
        assertThat(process.exitValue())
                .as("exit status of the forked JVM; its output:%n%s", output)
                .isZero();
        for (String name : names) {
            assertThat(output).as("output of the forked JVM").containsPattern("(?m)^OK " + name + " ");
        }
    }
}

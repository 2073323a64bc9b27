package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped systemd unit ({@code deploy/systemd/sealpost.service}) is one systemd accepts
 * without a single complaint, and it runs the launcher the way the launcher expects: exit
 * status 2 (refused to start) is not restarted.
 */
class SystemdUnitTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path UNIT = REPOSITORY.resolve("deploy/systemd/sealpost.service");

    @TempDir
    Path work;

    @Test
    void systemdAnalyzeVerifiesTheUnitWithoutAWarning() throws Exception {
        // verify checks that ExecStart's program exists: point the install prefix at this checkout.
        Path unit = work.resolve("sealpost.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/opt/sealpost", REPOSITORY.toString()));

        Verification result = verify(unit);

        assertThat(result.output()).isEmpty();
        assertThat(result.exitStatus()).isZero();
    }

    @Test
    void aMistakeInAUnitIsWhatVerifyReports() throws Exception {
        // The check above can fail: systemd-analyze names a bad directive (and still exits 0).
        Path unit = work.resolve("broken.service");
        Files.writeString(unit, "[Service]\nExecStart=" + REPOSITORY.resolve("sealpost") + " run\nKillMode=bogus\n");

        assertThat(verify(unit).output()).contains("broken.service:3", "bogus");
    }

    @Test
    void theUnitRunsTheLauncherAndDoesNotRestartARefusalToStart() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);

        assertThat(lines)
                .contains(
                        "ExecStart=/opt/sealpost/sealpost run",
                        "Environment=SEALPOST_MODE=prod",
                        "RestartPreventExitStatus=2",
                        "KillMode=mixed");
    }

    private record Verification(int exitStatus, String output) {}

    private static Verification verify(Path unit) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true);
        // Its findings on stderr, whatever it guesses from how it was started (a build's fork
        // is neither a terminal nor a service).
        pb.environment().put("SYSTEMD_LOG_TARGET", "console");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Verification(p.waitFor(), output);
    }
}

package org.sealpost.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.sealpost.testsupport.TestDatabase;

/**
 * Runs once when Failsafe opens its JUnit session, before Arquillian reads
 * {@code arquillian.xml}: creates the database the containers use and publishes its
 * coordinates, and a free port for the mail bridge, as system properties that
 * {@code arquillian.xml} passes on to Payara Micro.
 */
public class ContainerTestEnvironment implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("sealpost.it.db.url") != null) {
            return;
        }
        TestDatabase.Database db = TestDatabase.server().createDatabase("portal_it");
        System.setProperty("sealpost.it.db.url", db.jdbcUrl());
        System.setProperty("sealpost.it.db.user", db.user());
        System.setProperty("sealpost.it.db.password", db.password().isEmpty() ? "trust" : db.password());
        System.setProperty("sealpost.it.smtp.port", Integer.toString(freeLoopbackPort()));
        System.setProperty("sealpost.it.metrics.port", Integer.toString(freeLoopbackPort()));
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("sealpost.it.data.dir", "target/it-data"))
                    .resolve("smarthost"));
            CapturedMail.start(dir).forEach(System::setProperty);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test smarthost", e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

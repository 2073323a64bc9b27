package org.sealpost.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port free on loopback now, for a server the launcher starts a moment later. */
final class FreePort {

    private FreePort() {}

    static int onLoopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("no free loopback port for the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}

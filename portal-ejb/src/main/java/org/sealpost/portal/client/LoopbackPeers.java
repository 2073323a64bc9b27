package org.sealpost.portal.client;

import org.sealpost.bridge.net.IpLiteral;

/**
 * Whether a connection's peer is this machine's loopback (127.0.0.0/8, ::1; RFC 1122 section
 * 3.2.1.3, RFC 4291 section 2.5.3), for what only the node itself may reach, such as the
 * warm-up's pages (ADR 0027). The peer must be the literal the container reports: a name is
 * never looked up, and anything that is not a literal is not loopback.
 */
public final class LoopbackPeers {

    private LoopbackPeers() {}

    public static boolean isLoopback(String peer) {
        try {
            return peer != null && IpLiteral.parse(peer).isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }
}

package org.sealpost.portal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the portal's HTTP listener binds ({@link Setting#HTTP_BIND}), and how the node reaches
 * that listener itself: the launcher's readiness probe and the warm-up's page requests. The
 * default is loopback, so that nothing listens beyond the host unless the operator says so; a
 * proxy on another host needs the node's address or {@code 0.0.0.0}. An IP literal or
 * {@code localhost} only: a host name would be looked up in DNS at every start, and the
 * listener would move with its answer.
 */
public record HttpListenerAddress(InetAddress address) {

    public static final String DEFAULT = "127.0.0.1";

    public static HttpListenerAddress parse(String value) {
        String host = value.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equalsIgnoreCase("localhost")) {
            return new HttpListenerAddress(InetAddress.getLoopbackAddress());
        }
        // getByName parses a literal, but takes anything else for a host name and asks DNS: only
        // a dotted quad, or an IPv6 literal in brackets (which it never resolves), reach it.
        String literal;
        if (host.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}")) {
            literal = host;
        } else if (host.contains(":") && host.matches("[0-9A-Fa-f:.]+")) {
            literal = "[" + host + "]";
        } else {
            throw notAnAddress(value);
        }
        try {
            return new HttpListenerAddress(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            throw notAnAddress(value);
        }
    }

    private static InvalidSettingException notAnAddress(String value) {
        return new InvalidSettingException(Setting.HTTP_BIND, value, "an IP address, e.g. 127.0.0.1 or 0.0.0.0");
    }

    /** As Payara's network listener takes it. */
    public String bindAddress() {
        return address.getHostAddress();
    }

    /** Whether the listener takes connections to loopback: it is loopback, or every address. */
    public boolean reachableOverLoopback() {
        return address.isAnyLocalAddress() || address.isLoopbackAddress();
    }

    /**
     * The node's own way to its listener: loopback when the listener takes every address (or is
     * loopback already), otherwise the one address it was given.
     */
    public String selfUrl(int port) {
        if (reachableOverLoopback()) {
            return "http://127.0.0.1:" + port;
        }
        String host = address.getHostAddress().toLowerCase(Locale.ROOT);
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

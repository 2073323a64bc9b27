package org.sealpost.portal.account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.sealpost.bridge.net.IpLiteral;

/**
 * The key a per-client limit counts under. An IPv4 address is one client. An IPv6 client is
 * its /64: one subscriber's network is at least a /64 (RFC 6177, RFC 7421) and a host may
 * pick a new address in it for every request (RFC 8981), so keying on the full address would
 * give one client 2^64 fresh allowances.
 */
final class ClientKey {

    private static final int IPV6_CLIENT_PREFIX_BYTES = 8;

    private ClientKey() {}

    static String of(String clientAddress) {
        if (clientAddress == null || clientAddress.indexOf(':') < 0) {
            return clientAddress;
        }
        InetAddress address;
        try {
            address = IpLiteral.parse(clientAddress);
        } catch (IllegalArgumentException notAnAddress) {
            return clientAddress;
        }
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress(); // an IPv4-mapped address arrives as IPv4
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, IPV6_CLIENT_PREFIX_BYTES, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

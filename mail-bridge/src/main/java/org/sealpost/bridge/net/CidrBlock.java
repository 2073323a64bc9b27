package org.sealpost.bridge.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 network in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3). Immutable. */
public final class CidrBlock {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private CidrBlock(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code 10.0.0.0/8}, {@code ::1/128}, or a bare address (a single host).
     *
     * @throws IllegalArgumentException naming the problem, e.g. host bits set after the prefix
     */
    public static CidrBlock parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty CIDR block");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address;
        try {
            address = IpLiteral.parse(addressPart).getAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a CIDR block: " + e.getMessage(), e);
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixPart = trimmed.substring(slash + 1);
            if (prefixPart.isEmpty()
                    || prefixPart.length() > 3
                    || !prefixPart.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length after '/'");
            }
            prefix = Integer.parseInt(prefixPart);
            if (prefix > bits) {
                throw new IllegalArgumentException(
                        "'" + text + "' has prefix length " + prefix + "; at most " + bits + " allowed");
            }
        }
        byte[] network = mask(address, prefix);
        // A block like 10.0.0.1/8 usually means the operator expected something else; say so
        // rather than guess.
        if (!Arrays.equals(network, address)) {
            throw new IllegalArgumentException(
                    "'" + text + "' has host bits set; did you mean " + format(network) + "/" + prefix + "?");
        }
        return new CidrBlock(network, prefix, trimmed);
    }

    /** True if {@code address} lies in this block; IPv4-mapped IPv6 addresses count as IPv4. */
    public boolean contains(InetAddress address) {
        byte[] candidate = unmapIpv4(address.getAddress());
        if (candidate.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(candidate, prefixLength), network);
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsInThisByte = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xFF << (8 - bitsInThisByte));
        }
        return masked;
    }

    // RFC 4291 §2.5.5.2: ::ffff:a.b.c.d is the IPv4 host a.b.c.d seen through an IPv6 socket.
    private static byte[] unmapIpv4(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return address;
        }
        return Arrays.copyOfRange(address, 12, 16);
    }

    private static String format(byte[] network) {
        try {
            return InetAddress.getByAddress(network).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

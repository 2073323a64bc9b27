package org.sealpost.portal.client;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.sealpost.bridge.net.CidrBlock;
import org.sealpost.bridge.net.IpLiteral;

/**
 * The proxies whose forwarding headers are believed, as CIDR blocks, and the rule that picks
 * the client out of a forwarded chain: walking from the right (the hop the last proxy saw) past
 * every trusted proxy, the first address that is not one is the client. Everything left of it
 * was written by that client or by proxies nobody vouches for, so it is never read: a client
 * cannot choose its address by sending the header itself.
 */
public final class TrustedProxies {

    private final List<CidrBlock> blocks;

    private TrustedProxies(List<CidrBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** @throws IllegalArgumentException naming the entry that is not a CIDR block */
    public static TrustedProxies of(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream().map(CidrBlock::parse).toList());
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    /**
     * The client address of a request whose socket peer is {@code peer} and whose chosen
     * forwarding header lists {@code hops} (leftmost first).
     */
    public InetAddress client(InetAddress peer, List<String> hops) {
        if (!trusts(peer)) {
            return peer;
        }
        InetAddress nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // "unknown" or an obfuscated identifier (RFC 7239 §6.3): the trusted proxy that
                // wrote it could not name its client, so that proxy is the best we know.
                return nearest;
            }
            if (!trusts(hop.get())) {
                return hop.get();
            }
            nearest = hop.get();
        }
        // Every hop is one of ours: the leftmost is the client (e.g. a health check from a proxy).
        return nearest;
    }

    private static Optional<InetAddress> literal(String text) {
        try {
            return Optional.of(IpLiteral.parse(text));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}

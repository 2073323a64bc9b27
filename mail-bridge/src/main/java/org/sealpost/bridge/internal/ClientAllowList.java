package org.sealpost.bridge.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.sealpost.bridge.net.CidrBlock;

/**
 * Only the organisation's gateway may talk to the bridge: clients outside the configured CIDR
 * blocks are refused at connect, before the banner (RFC 5321 §3.1 allows a 554 greeting; the
 * client then sends only QUIT, and we close anyway).
 */
public final class ClientAllowList {

    private final List<CidrBlock> blocks;

    private ClientAllowList(List<CidrBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @throws IllegalArgumentException naming the offending entry
     */
    public static ClientAllowList parse(List<String> cidrs) {
        if (cidrs == null || cidrs.isEmpty()) {
            throw new IllegalArgumentException("no CIDR block given; nobody could connect");
        }
        List<CidrBlock> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            blocks.add(CidrBlock.parse(cidr));
        }
        return new ClientAllowList(blocks);
    }

    public Decision decide(InetAddress client) {
        for (CidrBlock block : blocks) {
            if (block.contains(client)) {
                return Decision.PROCEED;
            }
        }
        return Decision.refuse(new SmtpReply(
                554, "5.7.1", "Client host [" + client.getHostAddress() + "] is not allowed to use this mail bridge"));
    }

    @Override
    public String toString() {
        return blocks.toString();
    }
}

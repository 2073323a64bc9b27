package org.sealpost.bridge.internal;

import java.net.InetAddress;
import java.util.function.Supplier;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Applies the {@link ClientAllowList} in force when a connection opens, before the banner: a
 * changed list applies to the next connection.
 */
public final class AllowListSessionHandler implements SessionHandler {

    private final Supplier<ClientAllowList> allowLists;

    public AllowListSessionHandler(ClientAllowList allowList) {
        this(() -> allowList);
    }

    public AllowListSessionHandler(Supplier<ClientAllowList> allowLists) {
        this.allowLists = allowLists;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        // The socket's own peer, not a PROXY-protocol claim: we enable no proxy handling.
        InetAddress client = session.getRealRemoteAddress().getAddress();
        ClientAllowList allowList = allowLists.get();
        Decision decision = allowList.decide(client);
        if (decision.proceeds()) {
            return SessionAcceptance.success();
        }
        SmtpReply reply = decision.reply();
        SessionLog.refusedConnection(client, reply, "not in the allowed clients " + allowList);
        return SessionAcceptance.failure(reply.code(), reply.enhancedStatus() + " " + reply.text());
    }

    @Override
    public void onSessionEnd(Session session) {
        SessionLog.end(session);
    }
}

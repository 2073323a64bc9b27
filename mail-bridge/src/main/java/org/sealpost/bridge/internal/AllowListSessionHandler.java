package org.sealpost.bridge.internal;

import java.net.InetAddress;

import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/** Applies the {@link ClientAllowList} when a connection opens, before the banner. */
public final class AllowListSessionHandler implements SessionHandler {

    private final ClientAllowList allowList;

    public AllowListSessionHandler(ClientAllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        // The socket's own peer, not a PROXY-protocol claim: we enable no proxy handling.
        InetAddress client = session.getRealRemoteAddress().getAddress();
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

package org.sealpost.bridge.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;

/**
 * The operator's view of the bridge: one INFO line per session that was refused or failed,
 * written when it ends, naming the client's address, how many replies were refusals, the last
 * refusal's reply code and reason, and how many messages were accepted. Accepted messages are
 * logged one line each at DEBUG only. Neither ever names a recipient nor shows content: the
 * log is read by more people than the mail (an address in a reason is masked).
 *
 * <p>Every reply the bridge's commands send goes through {@link #send}, so no refusal escapes
 * the count; SubEthaSMTP calls {@link #end} from the session handler however the session ends.
 */
public final class SessionLog {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLog.class);

    /** Anything that looks like a mailbox (RFC 5321 §4.1.2 local-part@domain). */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    private static final Map<Session, Outcome> OPEN = new ConcurrentHashMap<>();

    private SessionLog() {
    }

    /** Sends a reply, remembering it if it is a refusal (4xx or 5xx, RFC 5321 §4.2.1). */
    public static void send(Session session, String replyLine) throws IOException {
        session.sendResponse(replyLine);
        if (isRefusal(replyLine)) {
            OPEN.computeIfAbsent(session, s -> new Outcome()).refused(replyLine);
        }
    }

    /** A session that failed without a reply of ours (a TLS handshake that did not complete). */
    public static void failed(Session session, String reason) {
        OPEN.computeIfAbsent(session, s -> new Outcome()).failed(reason);
    }

    /** Counts a message accepted with 250 (its own line is DEBUG, in the transaction). */
    public static void accepted(Session session) {
        OPEN.computeIfAbsent(session, s -> new Outcome()).accepted();
    }

    /** A connection refused before the banner: the session never starts, so log it now. */
    public static void refusedConnection(InetAddress client, SmtpReply reply, String why) {
        LOG.info("SMTP connection from {} refused: {} {} {} ({})", client.getHostAddress(), reply.code(),
                reply.enhancedStatus(), maskAddresses(reply.text()), why);
    }

    /** Writes the session's line, if it was refused or failed, and forgets it. */
    public static void end(Session session) {
        Outcome outcome = OPEN.remove(session);
        if (outcome == null || (outcome.refusals == 0 && outcome.failure == null)) {
            return;
        }
        String client = session.getRealRemoteAddress().getAddress().getHostAddress();
        if (outcome.failure != null) {
            LOG.info("SMTP session {} from {} failed: {}; {} refusal(s){}, {} message(s) accepted",
                    session.getSessionId(), client, outcome.failure, outcome.refusals,
                    outcome.lastRefusal == null ? "" : ", last " + outcome.lastRefusal, outcome.accepted);
        } else {
            LOG.info("SMTP session {} from {} refused: {}; {} refusal(s), {} message(s) accepted",
                    session.getSessionId(), client, outcome.lastRefusal, outcome.refusals, outcome.accepted);
        }
    }

    static boolean isRefusal(String replyLine) {
        return replyLine.length() >= 3 && (replyLine.charAt(0) == '4' || replyLine.charAt(0) == '5')
                && Character.isDigit(replyLine.charAt(1)) && Character.isDigit(replyLine.charAt(2));
    }

    static String maskAddresses(String text) {
        return ADDRESS.matcher(text).replaceAll("<address>");
    }

    /** Written by the session's own thread only; read at its end by the same thread. */
    private static final class Outcome {
        private int refusals;
        private int accepted;
        private String lastRefusal;
        private String failure;

        void refused(String replyLine) {
            refusals++;
            // A multi-line reply's first line carries the code and the gist.
            int end = replyLine.indexOf('\r');
            lastRefusal = maskAddresses(end < 0 ? replyLine : replyLine.substring(0, end));
        }

        void failed(String reason) {
            failure = maskAddresses(reason);
        }

        void accepted() {
            accepted++;
        }
    }
}

package org.sealpost.bridge.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.sealpost.bridge.BridgeObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;
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

    /** Each running bridge's observer; several bridges may share a JVM (tests, two listeners). */
    private static final Map<SMTPServer, BridgeObserver> OBSERVERS = new ConcurrentHashMap<>();

    /** The RFC 3463 enhanced status code after the reply code: class.subject.detail. */
    private static final Pattern ENHANCED_STATUS = Pattern.compile("^[245]\\.[0-9]{1,3}\\.[0-9]{1,3}$");

    private SessionLog() {}

    /** From now on, {@code server}'s replies are also told to {@code observer}. */
    public static void observe(SMTPServer server, BridgeObserver observer) {
        OBSERVERS.put(server, observer);
    }

    /** The server stopped: forget its observer. */
    public static void forget(SMTPServer server) {
        OBSERVERS.remove(server);
    }

    private static BridgeObserver observerOf(Session session) {
        return OBSERVERS.getOrDefault(session.getServer(), BridgeObserver.NONE);
    }

    /** Sends a reply, remembering it if it is a refusal (4xx or 5xx, RFC 5321 §4.2.1). */
    public static void send(Session session, String replyLine) throws IOException {
        session.sendResponse(replyLine);
        if (isRefusal(replyLine)) {
            OPEN.computeIfAbsent(session, s -> new Outcome()).refused(replyLine);
            observerOf(session).refused(Integer.parseInt(replyLine.substring(0, 3)), enhancedStatus(replyLine));
        }
    }

    /** A session that failed without a reply of ours (a TLS handshake that did not complete). */
    public static void failed(Session session, String reason) {
        OPEN.computeIfAbsent(session, s -> new Outcome()).failed(reason);
        observerOf(session).handshakeFailed();
    }

    /** Counts a message accepted with 250 (its own line is DEBUG, in the transaction). */
    public static void accepted(Session session) {
        OPEN.computeIfAbsent(session, s -> new Outcome()).accepted();
        observerOf(session).accepted();
    }

    /** "550 5.7.1 Relaying denied" → "5.7.1"; "" when the reply has none (RFC 2034 §4 makes it optional). */
    static String enhancedStatus(String replyLine) {
        if (replyLine.length() < 5 || (replyLine.charAt(3) != ' ' && replyLine.charAt(3) != '-')) {
            return "";
        }
        int end = 4;
        while (end < replyLine.length() && !Character.isWhitespace(replyLine.charAt(end))) {
            end++;
        }
        String candidate = replyLine.substring(4, end);
        return ENHANCED_STATUS.matcher(candidate).matches() ? candidate : "";
    }

    /** A connection refused before the banner: the session never starts, so log it now. */
    public static void refusedConnection(InetAddress client, SmtpReply reply, String why) {
        LOG.info(
                "SMTP connection from {} refused: {} {} {} ({})",
                client.getHostAddress(),
                reply.code(),
                reply.enhancedStatus(),
                maskAddresses(reply.text()),
                why);
    }

    /** Writes the session's line, if it was refused or failed, and forgets it. */
    public static void end(Session session) {
        Outcome outcome = OPEN.remove(session);
        if (outcome == null || (outcome.refusals == 0 && outcome.failure == null)) {
            return;
        }
        String client = session.getRealRemoteAddress().getAddress().getHostAddress();
        if (outcome.failure != null) {
            LOG.info(
                    "SMTP session {} from {} failed: {}; {} refusal(s){}, {} message(s) accepted",
                    session.getSessionId(),
                    client,
                    outcome.failure,
                    outcome.refusals,
                    outcome.lastRefusal == null ? "" : ", last " + outcome.lastRefusal,
                    outcome.accepted);
        } else {
            LOG.info(
                    "SMTP session {} from {} refused: {}; {} refusal(s), {} message(s) accepted",
                    session.getSessionId(),
                    client,
                    outcome.lastRefusal,
                    outcome.refusals,
                    outcome.accepted);
        }
    }

    static boolean isRefusal(String replyLine) {
        return replyLine.length() >= 3
                && (replyLine.charAt(0) == '4' || replyLine.charAt(0) == '5')
                && Character.isDigit(replyLine.charAt(1))
                && Character.isDigit(replyLine.charAt(2));
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

package org.sealpost.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * {@code ./sealpost bench mail-lookup}: what Jakarta Mail's look-ups cost a send, per call, in
 * this thread's CPU time (so that neighbours on a shared machine stretch the wall time, not the
 * figure). A send used to create a new {@link Session} three times (building the reply, and
 * reading two headers of the original by parsing all of it), and Jakarta Mail calls
 * {@link StreamProvider#provider()} for every header block and part. The modes run
 * interleaved, each round in turn:
 *
 * <ul>
 * <li><b>new-session</b>: {@code Session.getInstance(new Properties())};
 * <li><b>header-by-message</b>: a 4 KB message parsed in a new session, one header read (before);
 * <li><b>header-section-only</b>: the same header read from the header section alone (now);
 * <li><b>stream-provider-lookup</b>: {@code StreamProvider.provider()} found through the
 *     ServiceLoader, and <b>stream-provider-named</b> with the system property
 *     {@code jakarta.mail.util.StreamProvider} set, as the launcher now sets it.
 * </ul>
 */
public final class MailLookupBenchmark {

    private static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private MailLookupBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions a = BenchOptions.parse(args);
        int rounds = a.number("rounds", 5);
        int calls = a.number("calls", 300);
        byte[] mime = message();
        System.out.printf(
                "mail-lookup: %d rounds of %d calls per mode, CPU time of this thread per call%n", rounds, calls);
        for (int r = 0; r < rounds; r++) {
            String label = r == 0 ? "round 1 (warm-up)" : "round " + (r + 1);
            double session = perCall(calls, () -> Session.getInstance(new Properties()));
            double byMessage = perCall(calls, () -> headerByMessage(mime));
            double sectionOnly = perCall(calls, () -> headerSectionOnly(mime));
            System.clearProperty(PROPERTY);
            double lookup = perCall(calls, StreamProvider::provider);
            System.setProperty(PROPERTY, ANGUS);
            double named = perCall(calls, StreamProvider::provider);
            System.clearProperty(PROPERTY);
            System.out.printf(
                    "%s: new-session %.1f us; header-by-message %.1f us; header-section-only %.1f us; "
                            + "stream-provider-lookup %.1f us; stream-provider-named %.1f us%n",
                    label, session, byMessage, sectionOnly, lookup, named);
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /** Microseconds of this thread's CPU per call; the results are kept alive so nothing is optimised away. */
    private static double perCall(int calls, Call call) throws Exception {
        Object[] keep = new Object[calls];
        long t = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            keep[i] = call.run();
        }
        long spent = CPU.getCurrentThreadCpuTime() - t;
        if (keep[calls - 1] == null && keep[0] == null) {
            System.out.print("");
        }
        return spent / 1e3 / calls;
    }

    private static String headerByMessage(byte[] mime) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime))
                .getHeader("References", " ");
    }

    private static String headerSectionOnly(byte[] mime) throws MessagingException {
        return new InternetHeaders(new ByteArrayInputStream(mime)).getHeader("References", " ");
    }

    /** A 4 KB text message with the threading headers a reply reads. */
    private static byte[] message() {
        StringBuilder m = new StringBuilder("""
                From: Advisor <advisor@bank.example>\r
                To: writer@client.example\r
                Subject: Your statement\r
                Message-ID: <orig-1@bank.example>\r
                In-Reply-To: <root@bank.example>\r
                References: <root@bank.example>\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                """);
        while (m.length() < 4096) {
            m.append("Please find the figures of the last quarter below; call me with any question.\r\n");
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package org.sealpost.web.warmup;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealpost.portal.account.SignInRehearsal;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.platform.WarmUpGate;
import org.sealpost.portal.platform.WarmUpState;
import org.sealpost.portal.warmup.ReadingWarmUp;
import org.sealpost.portal.warmup.WarmUpReader;

/**
 * Starts with the application and, while {@link WarmUpGate} holds readiness DOWN, runs the
 * portal's pages through its own HTTP listener (over loopback unless {@code SEALPOST_HTTP_BIND} names
 * one address), as its first users will: the sign-in
 * page, its form posted with an address and no password (JSF's whole postback, stopped by the
 * required password before any sign-in is attempted), the forgotten-password page and a protected
 * page that answers with the redirect to sign in; and, signed in through that same form as the
 * warm-up's reader ({@link WarmUpReader}, ADR 0033), the inbox and the message page themselves.
 * Facelets, EL, PrimeFaces' renderers, the security filters, the session check and Grizzly then
 * run the code, and the types, the first users' requests run, so what the JIT compiled for the
 * warm-up still holds when they arrive (the stand-in pages it rendered before, ADR 0027, left
 * much of it to be compiled again).
 *
 * <p>{@code SEALPOST_WARM_UP_WORKERS} workers (one per processor by default) run rounds at once,
 * each as its own anonymous visitor and with its own reader: one at a time left a processor
 * idle and gave the JIT half the calls. The rounds run until the JIT compiler has settled or
 * {@code SEALPOST_WARM_UP_TIME} is up, whichever comes first ({@link WarmUpGate#roundsGoOn()});
 * then each worker deletes its reader.
 *
 * <p>The readers sign out through the inbox's button and in again through the form, one sign-in
 * per round, until they have signed in {@code SEALPOST_WARM_UP_SIGN_INS} times in all (200 by
 * default): about as often as the first minute's users sign in at once after a restart. Once per
 * reader left the sign-in POST's own path (the form's parameters, the Argon2id call, the new
 * session, the redirect's flash) to be compiled among those users (ADR 0037). Each of these
 * sign-ins is real and audited; the audit page leaves them out unless asked and {@code /metrics}
 * counts them apart ({@code sealpost_warm_up_sign_ins_total}, ADR 0039).
 *
 * <p>Each round also rehearses a sign-in's service path and then opens a freshly sealed message
 * ({@link ReadingWarmUp}) in one transaction that is always rolled back ({@link
 * SignInRehearsal}): the reader's pages open its few messages once and then serve them from the
 * opened-message cache, where a real user's first minute decrypts, parses and sanitises each.
 */
@ApplicationScoped
public class PageWarmUp {

    private static final Logger LOG = Logger.getLogger(PageWarmUp.class.getName());
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** PrimeFaces' CSP script adds the page's nonce to every form, and the server checks it. */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    /** How the inbox's lines link their messages. */
    private static final Pattern MESSAGE_LINK = Pattern.compile("message\\.xhtml\\?id=(\\d+)");

    /**
     * How many times the readers sign in per start, by default: about as often as the first
     * minute's users do at once after a restart (fifty to two hundred), so that the sign-in
     * POST's own path (the form's parameters, the Argon2id call, the new session, the redirect's
     * flash) is compiled before them rather than among them (ADR 0037, ADR 0039).
     */
    static final int DEFAULT_SIGN_INS = 200;

    @Inject
    private WarmUpGate gate;

    @Inject
    private ReadingWarmUp reading;

    @Inject
    private SignInRehearsal signIn;

    @Inject
    private WarmUpReader reader;

    @Inject
    private PortalSettings settings;

    /** Managed, so the container knows the threads; the warm-up's own, since they run for its whole time. */
    @Resource
    private ManagedThreadFactory threads;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (gate.enabled()) {
            int workers = workers(settings.integer(
                    Setting.WARM_UP_WORKERS, Runtime.getRuntime().availableProcessors()));
            Rounds rounds = new Rounds(
                    workers, signIns(settings.integer(Setting.WARM_UP_SIGN_INS, DEFAULT_SIGN_INS)), System.nanoTime());
            for (int i = 1; i <= workers; i++) {
                Thread worker = threads.newThread(() -> run(rounds));
                worker.setName("warm-up-" + i);
                worker.start();
            }
        }
    }

    /** The configured number of workers, or a start refused with the setting's name. */
    static int workers(int configured) {
        if (configured < 1) {
            throw new IllegalStateException(Setting.WARM_UP_WORKERS.environmentVariable()
                    + " must be at least 1 (one round at a time), not " + configured);
        }
        return configured;
    }

    /** The configured number of sign-ins, or a start refused with the setting's name. */
    static int signIns(int configured) {
        if (configured < 0) {
            throw new IllegalStateException(Setting.WARM_UP_SIGN_INS.environmentVariable()
                    + " must be 0 or more (0: each worker's reader signs in once), not " + configured);
        }
        return configured;
    }

    /**
     * The workers' shared count: the last to stop ends the warm-up (the first failure ends it at
     * once, and the others stop at their next round).
     */
    private static final class Rounds {
        private final AtomicInteger running;
        private final AtomicInteger done = new AtomicInteger();
        /** Sign-ins still to do after each worker's first, taken one per round until none is left. */
        private final AtomicInteger signInsLeft;
        /** Sign-ins done after each worker's first. */
        private final AtomicInteger signIns = new AtomicInteger();

        private final long startNanos;

        Rounds(int workers, int signIns, long startNanos) {
            this.running = new AtomicInteger(workers);
            this.signInsLeft = new AtomicInteger(Math.max(0, signIns - workers));
            this.startNanos = startNanos;
        }
    }

    private void run(Rounds rounds) {
        String base = settings.httpListener().selfUrl(settings.httpPort());
        WarmUpReader.Visit visit = null;
        // One client per worker for the public pages, a visitor who has not signed in (and so
        // has no session, ADR 0034), and one with a cookie jar for the worker's reader, signed
        // in; a new one for each sign-in after the first.
        HttpClient signedIn = client();
        try (HttpClient http = client()) {
            long[] messages = null;
            while (gate.roundsGoOn()) {
                try {
                    pages(http, base);
                } catch (NotServingYet | IOException e) {
                    // Deployment has not finished: the listener does not serve the portal yet.
                    Thread.sleep(100);
                    continue;
                }
                if (visit == null) {
                    gate.roundsStarted();
                    visit = reader.arrive(Instant.now());
                    messages = signIn(signedIn, base, visit);
                }
                String inbox = read(signedIn, base, messages, rounds.done.get());
                if (rounds.signInsLeft.getAndDecrement() > 0) {
                    // Signed out through the page's button and in again through the form, as
                    // the first minute's storm of users signs in (ADR 0039).
                    signOut(signedIn, base, inbox);
                    signedIn.close();
                    signedIn = client();
                    signIn(signedIn, base, visit);
                    rounds.signIns.incrementAndGet();
                }
                if (!signIn.round(reading)) {
                    throw new IllegalStateException("the rehearsed sign-in did not sign in");
                }
                rounds.done.incrementAndGet();
            }
            leave(visit);
            // The last worker out ends it, unless another one's failure already has.
            if (rounds.running.decrementAndGet() == 0 && gate.state() != WarmUpState.FAILED) {
                gate.ended(WarmUpState.DONE);
                LOG.info(() -> String.format(
                        "warm-up done: %d rounds and %d sign-ins in %.1f s, ended by %s (the compiler's last 5 s: %.0f %% compiling); readiness no longer waits for it",
                        rounds.done.get(),
                        rounds.signIns.get(),
                        (System.nanoTime() - rounds.startNanos) / 1e9,
                        gate.timeLeft() ? "the compiler settling" : "its time bound",
                        100 * gate.compilerShare()));
            }
        } catch (InterruptedException e) {
            rounds.running.decrementAndGet();
            gate.ended(WarmUpState.FAILED);
            leaveQuietly(visit);
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            rounds.running.decrementAndGet();
            gate.ended(WarmUpState.FAILED);
            leaveQuietly(visit);
            LOG.log(Level.WARNING, "warm-up stopped after " + rounds.done.get() + " rounds; the portal starts cold", e);
        } finally {
            signedIn.close();
        }
    }

    /**
     * A client that speaks HTTP/1.1, as the first users' requests arrive: through the proxy
     * (nginx speaks HTTP/1.x to its upstreams) or from a browser without one. The JDK's client
     * would otherwise ask every new connection to upgrade to HTTP/2 (RFC 7540, section 3.2,
     * {@code Upgrade: h2c}), Grizzly would accept, and the warm-up would compile the listener's
     * HTTP/2 code: at readiness the first HTTP/1.1 requests then threw away what C2 had compiled
     * of Grizzly's HTTP/1.1 filters for the warm-up's types, and the JIT spent the first users'
     * minute compiling it again (docs/BENCHMARKS.md, "Session of 2026-12-06, seventh").
     */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
    }

    private void leave(WarmUpReader.Visit visit) {
        if (visit != null) {
            reader.leave(visit, Instant.now());
        }
    }

    /** After a failure: the reader goes if it can; if not, the next start's warm-up deletes it. */
    private void leaveQuietly(WarmUpReader.Visit visit) {
        try {
            leave(visit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the warm-up's reader " + visit + " stays until a later warm-up deletes it", e);
        }
    }

    /** The pages anyone may see, as a browser that has not signed in asks for them. */
    private static void pages(HttpClient http, String base) throws IOException, InterruptedException, NotServingYet {
        HttpResponse<String> login = get(http, base + "/login.xhtml");
        if (login.statusCode() != 200) {
            throw new NotServingYet();
        }
        // An address but no password: the address goes through its validators (Bean
        // Validation's, as a real sign-in's does) and the empty password stops the post at its
        // required field, before any sign-in is attempted.
        post(http, base + "/login.xhtml", login.body(), "nobody@warm-up.invalid", "");
        get(http, base + "/forgot.xhtml");
        get(http, base + "/inbox.xhtml");
    }

    /**
     * Signs the reader in through the sign-in page, as a recipient does.
     *
     * @return the ids the reader's inbox links its messages by
     */
    private static long[] signIn(HttpClient signedIn, String base, WarmUpReader.Visit visit)
            throws IOException, InterruptedException {
        HttpResponse<String> login = get(signedIn, base + "/login.xhtml");
        HttpResponse<String> answer =
                post(signedIn, base + "/login.xhtml", login.body(), visit.address(), new String(visit.password()));
        if (answer.statusCode() != 302
                || !answer.headers().firstValue("Location").orElse("").contains("/inbox.xhtml")) {
            throw new IllegalStateException(
                    "the warm-up's reader was not signed in: the sign-in page answered " + answer.statusCode());
        }
        Matcher links =
                MESSAGE_LINK.matcher(expect(get(signedIn, base + "/inbox.xhtml"), "inbox", "message.xhtml?id="));
        long[] ids = links.results()
                .mapToLong(m -> Long.parseLong(m.group(1)))
                .distinct()
                .toArray();
        if (ids.length == 0) {
            throw new IllegalStateException("the warm-up reader's inbox links no message");
        }
        return ids;
    }

    /**
     * The signed-in reader's round: its inbox, then one of its messages, through the real pages.
     *
     * @return the inbox page, whose sign-out button the next sign-in presses
     */
    private static String read(HttpClient signedIn, String base, long[] messages, int round)
            throws IOException, InterruptedException {
        String inbox = expect(get(signedIn, base + "/inbox.xhtml"), "inbox", "message.xhtml?id=");
        expect(
                get(signedIn, base + "/message.xhtml?id=" + messages[round % messages.length]),
                "message page",
                // The HTML body's frame or the text body: the reader's messages have either
                // (SampleMail's shapes).
                "id=\"body-");
        return inbox;
    }

    /** Presses the sign-out button of {@code page}: the session ends and the sign-in page follows. */
    private static void signOut(HttpClient signedIn, String base, String page)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = post(signedIn, base + "/inbox.xhtml", page, "signout=signout&signout%3Asubmit=");
        if (answer.statusCode() != 302
                || !answer.headers().firstValue("Location").orElse("").contains("/login.xhtml")) {
            throw new IllegalStateException(
                    "the warm-up's reader was not signed out: the sign-out button answered " + answer.statusCode());
        }
    }

    /** A signed-in page without {@code expected} is a broken warm-up, which ends here rather than warm nothing. */
    private static String expect(HttpResponse<String> page, String what, String expected) {
        if (page.statusCode() != 200 || !page.body().contains(expected)) {
            throw new IllegalStateException("the warm-up reader's " + what + " answered " + page.statusCode()
                    + " without \"" + expected + "\"");
        }
        return page.body();
    }

    /** Posts the sign-in form of {@code page} (its view state and CSP nonce) with these fields. */
    private static HttpResponse<String> post(HttpClient http, String url, String page, String email, String password)
            throws IOException, InterruptedException {
        return post(
                http,
                url,
                page,
                "signin=signin&signin%3Aemail=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&signin%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&signin%3Asubmit=");
    }

    /** Posts a form of {@code page} with these fields, its view state and its CSP nonce. */
    private static HttpResponse<String> post(HttpClient http, String url, String page, String fields)
            throws IOException, InterruptedException {
        Matcher viewState = VIEW_STATE.matcher(page);
        if (!viewState.find()) {
            throw new IllegalStateException("the page has no view state");
        }
        Matcher nonce = NONCE.matcher(page);
        String form = fields + "&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)
                + (nonce.find()
                        ? "&primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8)
                        : "");
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The listener answers, but not yet with the portal's page (deployment still running). */
    private static final class NotServingYet extends Exception {
        private static final long serialVersionUID = 1L;
    }
}

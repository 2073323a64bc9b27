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

/**
 * Starts with the application and, while {@link WarmUpGate} holds readiness DOWN, renders the
 * pages anyone may see through the portal's own HTTP listener on loopback: the sign-in page, its
 * form posted with an address and no password (JSF's whole postback, stopped by the required
 * password before any sign-in is attempted: no throttle, no audit entry), the forgotten-password page, and a protected page
 * that answers with the redirect to sign in. Facelets, EL, PrimeFaces' renderers, the security
 * filters and Grizzly are the same code the inbox and message pages run, so they are compiled
 * when the first user arrives.
 *
 * <p>{@code SEALPOST_WARM_UP_WORKERS} workers (one per processor by default) run rounds at once,
 * each its own anonymous HTTP session: one at a time left a processor idle and gave the JIT half
 * the calls. The rounds run until the JIT compiler has settled or {@code SEALPOST_WARM_UP_TIME}
 * is up, whichever comes first ({@link WarmUpGate#roundsGoOn()}).
 *
 * <p>Each round also renders the inbox's own table with sample rows made in memory ({@code
 * /warm-up/inbox.xhtml}, which {@link WarmUpPageFilter} keeps to this warm-up) and the message
 * page showing the sample message the previous round opened ({@code /warm-up/message.xhtml},
 * {@link WarmUpMessage}), and rehearses a sign-in's service path and then a signed-in
 * recipient's reading paths ({@link ReadingWarmUp}) in one transaction that is always rolled
 * back ({@link SignInRehearsal}); ADR 0027.
 */
@ApplicationScoped
public class PageWarmUp {

    private static final Logger LOG = Logger.getLogger(PageWarmUp.class.getName());
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** PrimeFaces' CSP script adds the page's nonce to every form, and the server checks it. */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    @Inject
    private WarmUpGate gate;

    @Inject
    private ReadingWarmUp reading;

    @Inject
    private SignInRehearsal signIn;

    @Inject
    private PortalSettings settings;

    /** Managed, so the container knows the threads; the warm-up's own, since they run for its whole time. */
    @Resource
    private ManagedThreadFactory threads;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (gate.enabled()) {
            int workers = workers(settings.integer(
                    Setting.WARM_UP_WORKERS, Runtime.getRuntime().availableProcessors()));
            Rounds rounds = new Rounds(workers, System.nanoTime());
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

    /**
     * The workers' shared count: the last to stop ends the warm-up (the first failure ends it at
     * once, and the others stop at their next round).
     */
    private static final class Rounds {
        private final AtomicInteger running;
        private final AtomicInteger done = new AtomicInteger();
        private final long startNanos;

        Rounds(int workers, long startNanos) {
            this.running = new AtomicInteger(workers);
            this.startNanos = startNanos;
        }
    }

    private void run(Rounds rounds) {
        String base = "http://127.0.0.1:" + settings.httpPort();
        // One client and cookie jar per worker: each is one anonymous HTTP session, as each
        // first visitor is.
        try (HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(1))
                .build()) {
            boolean served = false;
            while (gate.roundsGoOn()) {
                try {
                    pages(http, base, gate, reading.lastOpened() != null);
                } catch (NotServingYet | IOException e) {
                    // Deployment has not finished: the listener does not serve the portal yet.
                    Thread.sleep(100);
                    continue;
                }
                if (!served) {
                    served = true;
                    gate.roundsStarted();
                }
                if (!signIn.round(reading)) {
                    throw new IllegalStateException("the rehearsed sign-in did not sign in");
                }
                rounds.done.incrementAndGet();
            }
            // The last worker out ends it, unless another one's failure already has.
            if (rounds.running.decrementAndGet() == 0 && gate.state() != WarmUpState.FAILED) {
                gate.ended(WarmUpState.DONE);
                LOG.info(() -> String.format(
                        "warm-up done: %d rounds in %.1f s, ended by %s (the compiler's last 5 s: %.0f %% compiling); readiness no longer waits for it",
                        rounds.done.get(),
                        (System.nanoTime() - rounds.startNanos) / 1e9,
                        gate.timeLeft() ? "the compiler settling" : "its time bound",
                        100 * gate.compilerShare()));
            }
        } catch (InterruptedException e) {
            rounds.running.decrementAndGet();
            gate.ended(WarmUpState.FAILED);
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            rounds.running.decrementAndGet();
            gate.ended(WarmUpState.FAILED);
            LOG.log(Level.WARNING, "warm-up stopped after " + rounds.done.get() + " rounds; the portal starts cold", e);
        }
    }

    private static void pages(HttpClient http, String base, WarmUpGate gate, boolean sampleOpened)
            throws IOException, InterruptedException, NotServingYet {
        HttpResponse<String> login = get(http, base + "/login.xhtml");
        if (login.statusCode() != 200) {
            throw new NotServingYet();
        }
        Matcher viewState = VIEW_STATE.matcher(login.body());
        Matcher nonce = NONCE.matcher(login.body());
        if (viewState.find()) {
            // An address but no password: the address goes through its validators (Bean
            // Validation's, as a real sign-in's does) and the empty password stops the post at
            // its required field, before any sign-in is attempted.
            String form =
                    "signin=signin&signin%3Aemail=nobody%40warm-up.invalid&signin%3Apassword=&signin%3Asubmit=&jakarta.faces.ViewState="
                            + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)
                            + (nonce.find()
                                    ? "&primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8)
                                    : "");
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        get(http, base + "/forgot.xhtml");
        get(http, base + "/inbox.xhtml");
        // The inbox's table with sample lines, then the message page with the sample the
        // previous round opened (ADR 0027); the first round has none yet.
        if (warmUpPage(http, base, gate, "inbox.xhtml", "Your statement 0") && sampleOpened) {
            warmUpPage(http, base, gate, "message.xhtml", "body-html");
        }
    }

    /**
     * One of the warm-up's own pages. A page without {@code expected} is a broken warm-up, which
     * ends here rather than warm nothing for its whole time.
     *
     * @return false if the warm-up ended during this round (its time, the compiler settled, or
     *     another worker) and the page closed with it, as it must
     */
    private static boolean warmUpPage(HttpClient http, String base, WarmUpGate gate, String page, String expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + WarmUpPageFilter.PAGES + page))
                        .header(WarmUpPageFilter.KEY_HEADER, gate.pageKey())
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404 && gate.state() != WarmUpState.RUNNING) {
            return false;
        }
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException(
                    "the warm-up's " + page + " answered " + response.statusCode() + " without \"" + expected + "\"");
        }
        return true;
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

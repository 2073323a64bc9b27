package org.sealpost.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed-in recipients replying: S sessions (one account each, one message from an internal
 * advisor in each inbox) open the reply page ({@code compose.xhtml?reply=}) and send the reply,
 * R rounds each after W unmeasured ones; every tenth session first attaches a 100 KB file (the
 * page's own upload request). Measured: the compose page and the send at the portal, and the time
 * from the start of Send until the reply is a file in the development mailbox (the smarthost),
 * seen through a directory watch. Seeds its own data through the bridge and registers through
 * the development mailbox, like the inbox benchmark. With {@code --request-log FILE}
 * ({@code BENCH_REQUEST_LOG}) every measured page and send is written as "start (epoch ms),
 * page|send, milliseconds", to lay the slow ones beside the portal's GC log and access log.
 */
public final class ComposeBenchmark {

    private static final Pattern MESSAGE_LINK = Pattern.compile("message\\.xhtml\\?id=(\\d+)");
    private static final Pattern MARKER = Pattern.compile("bench-reply-([0-9a-f]{32})");
    private static final String PASSWORD = "compose benchmark passphrase";
    private static final int ATTACHMENT_BYTES = 100 * 1024;

    private final String base;
    private final Map<String, Long> sendStarted = new ConcurrentHashMap<>();
    private final List<Long> delivery = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> page = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> send = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> attach = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errors = new AtomicInteger();
    private volatile boolean measuring;
    /** Every measured request as "start epoch ms, kind, ms", for matching the tail with the server's logs. */
    private final Queue<String> requestLog = new ConcurrentLinkedQueue<>();

    private ComposeBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions a = BenchOptions.parse(args);
        int sessions = a.number("sessions", 50);
        int rounds = a.number("rounds", 10);
        int warmUp = a.number("warm-up-rounds", 3);
        long think = a.longNumber("think-ms", 1000);
        int bigUploads = a.number("big-uploads", 10);
        int bigBytes = a.number("big-upload-bytes", 25 * 1024 * 1024 - 4096);
        ComposeBenchmark bench = new ComposeBenchmark(a.base());
        List<HttpClient> clients = bench.run(a.smtpPort(), a.mailbox(), sessions, rounds, warmUp, think);
        if (a.has("request-log")) {
            Files.write(Path.of(a.get("request-log")), bench.requestLog);
        }
        if (bigUploads > 0) {
            bench.bigUploads(clients.subList(0, Math.min(bigUploads, clients.size())), bigBytes);
        }
    }

    /**
     * N sessions each upload one file just under the default 25 MiB limit at the same moment (the
     * issue's "ten concurrent 25 MiB uploads under -Xmx1g"): each must be stored, and the portal
     * must answer its readiness check afterwards.
     */
    private void bigUploads(List<HttpClient> clients, int bytes) throws Exception {
        byte[] file = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(file);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger stored = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(clients.size());
        CountDownLatch done = new CountDownLatch(clients.size());
        for (HttpClient http : clients) {
            Thread.ofPlatform().start(() -> {
                try {
                    String html = PortalHttp.get(http, base + "/compose.xhtml");
                    Map<String, String> form = new LinkedHashMap<>();
                    form.put("compose", "compose");
                    form.put("compose:to_input", "");
                    form.put("compose:cc_input", "");
                    form.put("compose:subject", "big upload");
                    form.put("compose:body", "");
                    form.put("jakarta.faces.ViewState", PortalHttp.viewState(html));
                    ready.countDown();
                    ready.await();
                    long t = System.nanoTime();
                    HttpResponse<String> up = upload(http, html, form, file);
                    times.add(System.nanoTime() - t);
                    if (up.statusCode() == 200 && up.body().contains("bench-attachment.bin")) {
                        stored.incrementAndGet();
                    } else {
                        report("big upload " + up.statusCode() + ": " + excerpt(up.body()));
                    }
                } catch (Exception e) {
                    report("big upload: " + e);
                } finally {
                    ready.countDown();
                    done.countDown();
                }
            });
        }
        done.await();
        int health = PortalHttp.client()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        System.out.printf(
                "compose: %d concurrent uploads of %.1f MiB: %d stored, slowest %.1f s; /health/ready then %d%n",
                clients.size(),
                bytes / 1048576.0,
                stored.get(),
                times.stream().mapToLong(Long::longValue).max().orElse(0) / 1e9,
                health);
    }

    private List<HttpClient> run(int smtpPort, Path mailbox, int sessions, int rounds, int warmUp, long think)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            users.add("writer" + i + "." + run + "@client.example");
        }
        try (SmtpClient smtp = SmtpClient.connectWithStartTls("127.0.0.1", smtpPort)) {
            for (int i = 0; i < sessions; i++) {
                String advisor = "advisor" + i + "." + run + "@bank.example";
                smtp.send(
                        advisor,
                        users.get(i),
                        TestMail.build(
                                UUID.randomUUID() + "@bench.invalid",
                                advisor,
                                users.get(i),
                                "X-Sealpost-Encrypt: yes",
                                4096));
            }
        }
        List<HttpClient> clients = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        for (String user : users) {
            HttpClient http = PortalHttp.register(
                    base, PortalHttp.registrationLink(mailbox, user, Duration.ofMinutes(2)), PASSWORD);
            clients.add(http);
            Matcher m = MESSAGE_LINK.matcher(PortalHttp.get(http, base + "/inbox.xhtml"));
            if (!m.find()) {
                throw new IllegalStateException("no message in the inbox of " + user);
            }
            entries.add(Long.parseLong(m.group(1)));
        }
        System.out.printf("compose: %d sessions registered (run %s)%n", sessions, run);

        Thread watcher = Thread.ofPlatform().daemon().start(() -> watch(mailbox));
        CountDownLatch warmedUp = new CountDownLatch(sessions);
        CountDownLatch done = new CountDownLatch(sessions);
        for (int s = 0; s < sessions; s++) {
            HttpClient http = clients.get(s);
            long entry = entries.get(s);
            boolean withAttachment = s % 10 == 0;
            Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(think + 1));
                    for (int r = 0; r < warmUp + rounds; r++) {
                        if (r == warmUp) {
                            warmedUp.countDown();
                            warmedUp.await();
                            measuring = true;
                            // The latch releases every session in the same millisecond: without a
                            // fresh random start, S compose pages arrive at once, a herd no group of
                            // people makes, and its queue was most of the measured p95 (BENCHMARKS.md,
                            // "the herd"). Each session starts its measured rounds as it started the
                            // warm-up ones: at a random point of one think time.
                            Thread.sleep(ThreadLocalRandom.current().nextLong(think + 1));
                        }
                        reply(http, entry, withAttachment);
                        Thread.sleep(ThreadLocalRandom.current().nextLong(think / 2, think * 3 / 2 + 1));
                    }
                } catch (Exception e) {
                    report("session: " + e);
                } finally {
                    warmedUp.countDown();
                    done.countDown();
                }
            });
        }
        long t0 = System.nanoTime();
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        // Every measured send should arrive; wait for the stragglers, then report what came.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!sendStarted.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        watcher.interrupt();
        System.out.printf(
                "compose: %d sessions x %d rounds (after %d warm-up rounds), think %d ms, %.0f s: "
                        + "compose page p50 %.0f / p95 %.0f / p99 %.0f ms (%d); send p50 %.0f / p95 %.0f / p99 %.0f ms (%d); "
                        + "100 KB upload p50 %.0f / p95 %.0f ms (%d); Send to smarthost p50 %.0f / p95 %.0f / p99 %.0f ms "
                        + "(%d arrived, %d missing); %d errors%n",
                sessions,
                rounds,
                warmUp,
                think,
                elapsed,
                pct(page, 50),
                pct(page, 95),
                pct(page, 99),
                page.size(),
                pct(send, 50),
                pct(send, 95),
                pct(send, 99),
                send.size(),
                pct(attach, 50),
                pct(attach, 95),
                attach.size(),
                pct(delivery, 50),
                pct(delivery, 95),
                pct(delivery, 99),
                delivery.size(),
                sendStarted.size(),
                errors.get());
        return clients;
    }

    /** One reply: the page, optionally an upload, the send (a redirect to Sent when it went). */
    private void reply(HttpClient http, long entry, boolean withAttachment) throws Exception {
        boolean measured = measuring;
        long t = System.nanoTime();
        HttpResponse<String> opened = http.send(
                HttpRequest.newBuilder(URI.create(base + "/compose.xhtml?reply=" + entry))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (measured) {
            page.add(System.nanoTime() - t);
            logRequest("page", t);
        }
        String html = opened.body();
        if (opened.statusCode() != 200 || !html.contains("compose:send")) {
            report("compose page " + opened.statusCode());
            return;
        }
        String marker = "bench-reply-" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("compose", "compose");
        form.put("compose:to_input", PageFields.input(html, "compose:to_input"));
        form.put("compose:cc_input", PageFields.input(html, "compose:cc_input"));
        form.put("compose:subject", PageFields.input(html, "compose:subject"));
        form.put(
                "compose:body",
                marker + "\r\nThank you, that is fine.\r\n\r\n" + PageFields.textarea(html, "compose:body"));
        form.put("jakarta.faces.ViewState", PortalHttp.viewState(html));
        if (withAttachment) {
            t = System.nanoTime();
            byte[] file = new byte[ATTACHMENT_BYTES];
            ThreadLocalRandom.current().nextBytes(file);
            HttpResponse<String> up = upload(http, html, form, file);
            if (measured) {
                attach.add(System.nanoTime() - t);
            }
            if (up.statusCode() != 200 || !up.body().contains("bench-attachment.bin")) {
                report("upload " + up.statusCode() + ": " + excerpt(up.body()));
                return;
            }
        }
        form.put("compose:send", "");
        t = System.nanoTime();
        if (measured) {
            sendStarted.put(marker.substring("bench-reply-".length()), t);
        }
        HttpResponse<String> sent = PortalHttp.post(http, base + "/compose.xhtml?reply=" + entry, form);
        if (measured) {
            send.add(System.nanoTime() - t);
            logRequest("send", t);
        }
        if (sent.statusCode() != 302
                || !sent.headers().firstValue("Location").orElse("").contains("/sent.xhtml")) {
            sendStarted.remove(marker.substring("bench-reply-".length()));
            report("send " + sent.statusCode() + ": " + excerpt(sent.body()));
        }
    }

    private void logRequest(String kind, long startNanos) {
        long now = System.nanoTime();
        long startMillis = System.currentTimeMillis() - (now - startNanos) / 1_000_000;
        requestLog.add(startMillis + "," + kind + "," + (now - startNanos) / 1_000_000.0);
    }

    /** The page's own upload request (PrimeFaces' advanced p:fileUpload): multipart, partial AJAX. */
    private HttpResponse<String> upload(HttpClient http, String html, Map<String, String> form, byte[] file)
            throws Exception {
        String input = PageFields.fileInputName(html);
        String component = input.endsWith("_input") ? input.substring(0, input.length() - "_input".length()) : input;
        Map<String, String> fields = new LinkedHashMap<>(form);
        // PrimeFaces' CSP mode refuses an AJAX post without the page's nonce (the browser's
        // PrimeFaces.csp.init adds it to every form as primefaces.nonce).
        fields.put("primefaces.nonce", PageFields.cspNonce(html));
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.partial.execute", component);
        fields.put("jakarta.faces.source", component);
        fields.put(component + "_totalFilesCount", "1");
        fields.put("jakarta.faces.partial.render", "compose:attachments compose:draft-status");
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        // The file goes under the component's client id (fileupload.js: paramName is the widget's id).
        head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + component
                        + "\"; filename=\"bench-attachment.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/compose.xhtml"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Faces-Request", "partial/ajax")
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.toByteArray(), file, tail)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The development mailbox moves each finished mail into its directory under its final name,
     * so a create event means the whole mail is there; its marker ties it to the send it came from.
     */
    private void watch(Path mailbox) {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            mailbox.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watch.take();
                long now = System.nanoTime();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && name.toString().endsWith(".eml")) {
                        Matcher m =
                                MARKER.matcher(Files.readString(mailbox.resolve(name), StandardCharsets.ISO_8859_1));
                        if (m.find()) {
                            Long started = sendStarted.remove(m.group(1));
                            if (started != null) {
                                delivery.add(now - started);
                            }
                        }
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            report("mailbox watch: " + e);
        }
    }

    private void report(String what) {
        if (errors.incrementAndGet() <= 3) {
            System.err.println("compose: error: " + what);
        }
    }

    private static String excerpt(String html) {
        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        return text.substring(0, Math.min(400, text.length()));
    }

    private static double pct(List<Long> values, int p) {
        long[] sorted;
        synchronized (values) {
            sorted = values.stream().mapToLong(Long::longValue).toArray();
        }
        if (sorted.length == 0) {
            return 0;
        }
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}

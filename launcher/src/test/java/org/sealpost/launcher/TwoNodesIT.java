package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sealpost.portal.account.password.PasswordHasher;
import org.sealpost.testsupport.LoopbackNginx;
import org.sealpost.testsupport.TestDatabase;

/**
 * Two portal nodes, each started by {@code ./sealpost run}'s launcher with its own bridge and
 * search index, on one PostgreSQL, behind Debian's nginx running the shipped
 * {@code deploy/nginx/sealpost.conf} (TLS, sticky on the session id's node suffix, failover):
 * what the design counts on when it says the database is the only thing nodes share.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final String PASSWORD = "correct horse battery staple 42";
    private static final int RECIPIENTS = 8;

    private static TestDatabase.Database database;
    private static Path work;
    private static DevMailbox smarthost;
    private static Node nodeA;
    private static Node nodeB;
    private static LoopbackNginx nginx;

    @BeforeAll
    static void startTwoNodesBehindNginx() throws Exception {
        database = TestDatabase.server().createDatabase("two-nodes");
        work = Files.createTempDirectory("sealpost-two-nodes");
        smarthost = DevMailbox.start(work.resolve("smarthost"), FreePort.onLoopback());
        // One after the other: the first creates the shared keystore the second opens.
        nodeA = Node.start("node-a", work, database, smarthost);
        nodeA.awaitReady();
        nodeB = Node.start("node-b", work, database, smarthost);
        nodeB.awaitReady();
        nginx = Nginx.inFrontOf(work.resolve("nginx"), nodeA.httpPort, nodeB.httpPort);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (Node node : new Node[] {nodeA, nodeB}) {
            if (node != null) {
                node.kill();
            }
        }
        if (smarthost != null) {
            smarthost.close();
        }
    }

    @Test
    @Order(1)
    void mailIntoBothBridgesAtOnceGivesEveryRecipientItsNotificationExactlyOnce() throws Exception {
        ExecutorService gateways = Executors.newFixedThreadPool(2);
        List<Future<Integer>> sent = new ArrayList<>();
        for (Node node : List.of(nodeA, nodeB)) {
            sent.add(gateways.submit(() -> {
                int accepted = 0;
                for (int i = 0; i < 12; i++) {
                    List<String> to = new ArrayList<>();
                    for (int r = 0; r < RECIPIENTS; r++) {
                        if ((r + i) % 2 == 0) {
                            to.add(recipient(r));
                        }
                    }
                    sendOverTls(node.smtpPort, "shared" + i + " via " + node.name, "zephyr" + i + " marmalade", to);
                    accepted++;
                }
                return accepted;
            }));
        }
        for (Future<Integer> f : sent) {
            assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(12);
        }
        gateways.shutdown();

        // Both nodes' outbound workers compete for the same queue; each arrival notification
        // goes once (later arrivals wait out the recipient's quiet period, so one mail each).
        awaitTrue(Duration.ofMinutes(3), () -> notificationsTo().size() == RECIPIENTS);
        Thread.sleep(10_000); // a duplicate from the other node would arrive within this
        Map<String, Integer> perRecipient = notificationsTo();
        assertThat(perRecipient).hasSize(RECIPIENTS);
        assertThat(perRecipient.values()).allMatch(count -> count == 1);
    }

    /**
     * A browser signed in through nginx whose session is on a node {@code wanted} accepts, or null
     * after eight tries. The sign-in page keeps nothing on a node (ADR 0034), so its GET and its
     * POST, both without a session cookie, are each routed round-robin; a browser that only
     * signs in would land on the same node every time. Every other try first opens the landing
     * page once more, which moves the round-robin by one.
     */
    private Browser signedInThroughNginx(String address, Predicate<String> wanted) throws Exception {
        for (int attempt = 0; attempt < 8; attempt++) {
            Browser candidate = Browser.through(nginx);
            if (attempt % 2 == 1) {
                assertThat(candidate.get("").statusCode()).isEqualTo(200);
            }
            assertThat(candidate.signIn(address, PASSWORD)).isTrue();
            if (wanted.test(candidate.node().orElseThrow())) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    @Order(2)
    void aSessionStaysOnItsNodeAndSigningOutEverywhereFromTheOtherNodeEndsIt() throws Exception {
        activate(recipient(0));
        Browser first = Browser.through(nginx);
        assertThat(first.signIn(recipient(0), PASSWORD)).isTrue();
        String firstNode = first.node().orElseThrow();
        Browser second = signedInThroughNginx(recipient(0), node -> !node.equals(firstNode));
        assertThat(second)
                .as("a second sign-in through nginx landed on the other node")
                .isNotNull();
        // Sticky: ten more pages of the first session all come from its node, signed in.
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> inbox = first.get("inbox.xhtml");
            assertThat(inbox.statusCode()).isEqualTo(200);
            assertThat(first.node()).hasValue(firstNode);
        }

        HttpResponse<String> everywhere =
                second.submit("account/settings.xhtml", "everywhere", Map.of("everywhere:signout-everywhere", ""));
        assertThat(everywhere.statusCode()).isIn(200, 302, 303);

        HttpResponse<String> after = first.get("inbox.xhtml");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("login.xhtml");
    }

    @Test
    @Order(3)
    void bothSearchIndexesCatchUpWithMailEitherBridgeAccepted() throws Exception {
        activate(recipient(1));
        long stored = entriesOf(recipient(1));
        assertThat(stored).as("six messages through each bridge").isEqualTo(12);
        // Each node's index follows the whole shared queue (ADR 0017): a search on either node
        // finds the mail both bridges accepted, whichever node's indexer got to a row first.
        for (Node node : List.of(nodeA, nodeB)) {
            Browser direct = Browser.direct(node);
            assertThat(direct.signIn(recipient(1), PASSWORD)).isTrue();
            long[] seen = {-2};
            awaitTrue(
                    Duration.ofMinutes(2),
                    () -> {
                        try {
                            seen[0] = searchTotal(
                                    direct.get("search.xhtml?q=marmalade").body());
                            return seen[0] == stored;
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    () -> node.name + " finds " + seen[0] + " of " + stored);
        }
    }

    @Test
    @Order(4)
    void aPolicyChangeMadeThroughOneNodeHoldsOnTheOtherAtOnce() throws Exception {
        String admin = "two-nodes-admin@bank.example";
        createAdministrator(admin);
        activate(recipient(3));
        long entry = firstEntryOf(recipient(3));
        Browser reader = Browser.direct(nodeB);
        assertThat(reader.signIn(recipient(3), PASSWORD)).isTrue();
        // Forward is off by default: node B offers no Forward button.
        assertThat(reader.get("message.xhtml?id=" + entry).body())
                .contains("id=\"actions:reply\"")
                .doesNotContain("id=\"actions:forward\"");

        Browser administrator = Browser.direct(nodeA);
        assertThat(administrator.signIn(admin, PASSWORD)).isTrue();
        HttpResponse<String> saved = administrator.submitWhole(
                "admin/permissions.xhtml",
                "permissions",
                Map.of("permissions:actions:2:scope", "INTERNAL_ONLY", "permissions:save", ""));
        assertThat(saved.statusCode()).isIn(200, 302, 303);
        assertThat(policyScope("forward_scope")).isEqualTo("INTERNAL_ONLY");

        // The very next page on node B, in the session that was already open, offers Forward.
        assertThat(reader.get("message.xhtml?id=" + entry).body()).contains("id=\"actions:forward\"");
    }

    @Test
    @Order(5)
    void killingANodeMidStreamLosesNoAcknowledgedMessageAndTheOtherNodeKeepsServing() throws Exception {
        activate(recipient(2));
        Browser onB = signedInThroughNginx(recipient(2), "node-b"::equals);
        assertThat(onB).isNotNull();
        Browser onA = signedInThroughNginx(recipient(2), "node-a"::equals);
        assertThat(onA).isNotNull();

        String victim = "kill-" + Instant.now().toEpochMilli() + "@client.example";
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread gateway = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    sendOverTls(nodeA.smtpPort, "stream " + i, "stream body " + i, List.of(victim));
                    acknowledged.add("stream " + i);
                } catch (MessagingException refusedOrDead) {
                    // Not acknowledged: a real gateway keeps it and retries elsewhere.
                }
            }
        });
        awaitTrue(Duration.ofMinutes(1), () -> acknowledged.size() >= 5);
        nodeA.kill();
        Thread.sleep(1000);
        stop.set(true);
        gateway.join(60_000);

        assertThat(acknowledged).isNotEmpty();
        // None lost; at most the one in flight more: stored and committed, but the node died
        // before its 250 left (the gateway sends it again: at least once, RFC 5321 §6.1).
        assertThat(entriesOf(victim))
                .as("every 250'd message is stored")
                .isBetween((long) acknowledged.size(), acknowledged.size() + 1L);

        // The other node keeps serving its sessions; the dead node's session signs in again on it.
        assertThat(onB.get("inbox.xhtml").statusCode()).isEqualTo(200);
        HttpResponse<String> orphan = onA.get("inbox.xhtml");
        assertThat(orphan.statusCode()).isEqualTo(302);
        assertThat(orphan.headers().firstValue("Location").orElse("")).contains("login.xhtml");
        assertThat(onA.signIn(recipient(2), PASSWORD)).isTrue();
        assertThat(onA.node()).hasValue("node-b");
        assertThat(onA.get("inbox.xhtml").statusCode()).isEqualTo(200);
    }

    private static String recipient(int i) {
        return "two-nodes-" + i + "@client.example";
    }

    private static void sendOverTls(int port, String subject, String body, List<String> to) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        // Each node generated its own bridge certificate; the bridge's own tests verify it.
        p.put("mail.smtp.ssl.trust", "127.0.0.1");
        p.put("mail.smtp.ssl.checkserveridentity", "false");
        p.put("mail.smtp.localhost", "gateway.bank.example");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("advisor@bank.example"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject);
        message.setText(body, "UTF-8");
        message.setHeader("X-Sealpost-Encrypt", "yes");
        Transport.send(message);
    }

    /** Notification mails the smarthost received, by recipient. */
    private static Map<String, Integer> notificationsTo() {
        Map<String, Integer> counts = new TreeMap<>();
        try (var files = Files.list(work.resolve("smarthost/dev-mailbox/mail"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
                    for (var a : m.getAllRecipients()) {
                        String address = ((InternetAddress) a).getAddress();
                        if (address.startsWith("two-nodes-")) {
                            counts.merge(address, 1, Integer::sum);
                        }
                    }
                }
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** The account registered with {@link #PASSWORD}, as the registration page would leave it. */
    private static void activate(String address) throws Exception {
        String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
        try (Connection c = db();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE account SET state = 'ACTIVE', password_hash = ? WHERE email = ?")) {
            ps.setString(1, hash);
            ps.setString(2, address);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** An administrator as the invitation would leave it, registered with {@link #PASSWORD}. */
    private static void createAdministrator(String address) throws Exception {
        String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO account (email, role, state, password_hash) VALUES (?, 'ADMIN', 'ACTIVE', ?)")) {
            ps.setString(1, address);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
    }

    private static long firstEntryOf(String address) throws Exception {
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("""
                SELECT min(e.id) FROM mailbox_entry e JOIN account a ON a.id = e.account_id WHERE a.email = ?""")) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String policyScope(String column) throws Exception {
        try (Connection c = db();
                ResultSet rs =
                        c.createStatement().executeQuery("SELECT " + column + " FROM portal_policy WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long entriesOf(String address) throws Exception {
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM mailbox_entry e JOIN account a ON a.id = e.account_id WHERE a.email = ?""")) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long searchTotal(String page) {
        Matcher m =
                Pattern.compile("id=\"search-total\"[^>]*>\\s*[^0-9]*([0-9]+)").matcher(page);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void awaitTrue(Duration within, BooleanSupplier condition) throws InterruptedException {
        awaitTrue(within, condition, () -> "");
    }

    private static void awaitTrue(Duration within, BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(condition.getAsBoolean())
                .as("condition within " + within + ": " + what.get())
                .isTrue();
    }

    /** One portal node: the launcher as a child process with its own ports and data directory. */
    private static final class Node {
        final String name;
        final int httpPort;
        final int smtpPort;
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        private Node(String name, int httpPort, int smtpPort, Process process) {
            this.name = name;
            this.httpPort = httpPort;
            this.smtpPort = smtpPort;
            this.process = process;
        }

        static Node start(String name, Path work, TestDatabase.Database db, DevMailbox smarthost) throws IOException {
            int http = FreePort.onLoopback();
            int smtp = FreePort.onLoopback();
            ProcessBuilder pb = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Dsealpost.home=" + Path.of("target").toAbsolutePath(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "run")
                    .redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("SEALPOST_"));
            env.put("SEALPOST_NODE_NAME", name);
            env.put("SEALPOST_DATA_DIR", work.resolve(name).toString());
            env.put("SEALPOST_HTTP_PORT", Integer.toString(http));
            env.put("SEALPOST_SMTP_PORT", Integer.toString(smtp));
            env.put("SEALPOST_DB_URL", db.jdbcUrl());
            env.put("SEALPOST_DB_USER", db.user());
            env.put("SEALPOST_DB_PASSWORD", db.password().isEmpty() ? "trust" : db.password());
            env.put("SEALPOST_KEYSTORE", work.resolve("shared-kek.p12").toString());
            env.put("SEALPOST_KEYSTORE_PASSWORD", "two-nodes-keystore");
            env.put("SEALPOST_SMARTHOST", "localhost:" + smarthost.port());
            env.put("SEALPOST_SMARTHOST_TRUSTSTORE", smarthost.trustStore().toString());
            env.put("SEALPOST_SMARTHOST_TRUSTSTORE_PASSWORD", DevMailbox.TRUSTSTORE_PASSWORD);
            env.put("SEALPOST_INTERNAL_DOMAINS", "bank.example");
            env.put("SEALPOST_TRUSTED_PROXIES", "127.0.0.1/32");
            env.put("SEALPOST_RETRY_INTERVAL", "PT5S");
            env.put("SEALPOST_JAVA_OPTS", "-XX:+UseSerialGC -Xmx512m -XX:TieredStopAtLevel=1");
            Node node = new Node(name, http, smtp, pb.start());
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(node.process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        node.lines.add(line);
                    }
                } catch (IOException ended) {
                    // the node is gone
                }
            });
            return node;
        }

        void awaitReady() throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(deadline)) {
                if (lines.stream().anyMatch(l -> l.startsWith("sealpost: ready"))) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited: " + String.join("\n", lines));
                }
                Thread.sleep(500);
            }
            throw new AssertionError(name + " not ready within 5 minutes: " + String.join("\n", lines));
        }

        /** SIGKILL to the portal and its launcher: no shutdown hook, no graceful stop. */
        void kill() throws InterruptedException {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** nginx with the shipped configuration, its example addresses replaced by the two nodes. */
    private static final class Nginx {

        static LoopbackNginx inFrontOf(Path dir, int portA, int portB) throws Exception {
            return LoopbackNginx.start(dir, (port, cert, key) -> {
                String shipped = Files.readString(Path.of("..", "deploy", "nginx", "sealpost.conf"));
                String site = shipped.replace("10.0.0.11:8080", "127.0.0.1:" + portA)
                        .replace("10.0.0.12:8080", "127.0.0.1:" + portB)
                        .replace("listen 443 ssl;", "listen 127.0.0.1:" + port + " ssl;")
                        .replace("/etc/ssl/sealpost/portal.crt", cert.toString())
                        .replace("/etc/ssl/sealpost/portal.key", key.toString());
                assertThat(site).doesNotContain("10.0.0.", "/etc/ssl");
                return site;
            });
        }
    }

    /** A browser's worth of HTTP: its own cookies, forms submitted with their view state. */
    private static final class Browser {
        private static final Pattern VIEW_STATE =
                Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
        final String base;
        final CookieManager cookies = new CookieManager();
        final HttpClient http;

        private Browser(String base, SSLContext tls) {
            this.base = base;
            HttpClient.Builder b = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10));
            if (tls != null) {
                b.sslContext(tls);
            }
            http = b.build();
        }

        static Browser through(LoopbackNginx nginx) {
            return new Browser("https://127.0.0.1:" + nginx.port() + "/", nginx.trust());
        }

        static Browser direct(Node node) {
            return new Browser("http://127.0.0.1:" + node.httpPort + "/", null);
        }

        /** The node that holds this browser's session, from its session id's suffix. */
        Optional<String> node() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue)
                    .filter(v -> v.contains("."))
                    .map(v -> v.substring(v.lastIndexOf('.') + 1))
                    .findFirst();
        }

        boolean signIn(String address, String password) throws Exception {
            HttpResponse<String> answer = submit(
                    "login.xhtml",
                    "signin",
                    Map.of("signin:email", address, "signin:password", password, "signin:submit", ""));
            // An administrator may be sent on to the second factor's page instead of the inbox.
            String location = answer.headers().firstValue("Location").orElse("");
            return answer.statusCode() == 302 && !location.contains("login.xhtml");
        }

        HttpResponse<String> get(String page) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + page))
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Submits form {@code formId} of {@code page} as a browser would with every field as shown
         * (text, hidden, text areas, the checked radio buttons and boxes), {@code changes} applied.
         */
        HttpResponse<String> submitWhole(String page, String formId, Map<String, String> changes) throws Exception {
            String html = get(page).body();
            int start = html.indexOf("<form id=\"" + formId + "\"");
            assertThat(start).as("form " + formId + " on " + page).isNotNegative();
            String form = html.substring(start, html.indexOf("</form>", start));
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(form);
            while (input.find()) {
                String tag = input.group();
                String type = attribute(tag, "type").orElse("text");
                Optional<String> name = attribute(tag, "name");
                if (name.isEmpty()
                        || type.equals("submit")
                        || type.equals("button")
                        || type.equals("file")
                        || name.get().equals("jakarta.faces.ViewState")) {
                    continue;
                }
                if ((type.equals("radio") || type.equals("checkbox")) && !tag.contains("checked")) {
                    continue;
                }
                fields.put(name.get(), attribute(tag, "value").orElse(type.equals("checkbox") ? "on" : ""));
            }
            Matcher area = Pattern.compile("<textarea\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
                    .matcher(form);
            while (area.find()) {
                fields.put(area.group(1), unescape(area.group(2)));
            }
            // PrimeFaces' CSP script adds the page's nonce to every form; the server checks it.
            Matcher nonce =
                    Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(html);
            if (nonce.find()) {
                fields.put("primefaces.nonce", nonce.group(1));
            }
            fields.putAll(changes);
            fields.remove(formId);
            // The same page's view state and nonce: a second GET would bring new ones.
            return post(html, page, formId, fields);
        }

        private static Optional<String> attribute(String tag, String name) {
            Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
            return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
        }

        private static String unescape(String html) {
            return html.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
        }

        HttpResponse<String> submit(String page, String formId, Map<String, String> fields) throws Exception {
            return post(get(page).body(), page, formId, fields);
        }

        private HttpResponse<String> post(String html, String page, String formId, Map<String, String> fields)
                throws Exception {
            Matcher action = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"")
                    .matcher(html);
            if (!action.find()) {
                throw new AssertionError("no form " + formId + " on " + page);
            }
            Matcher state = VIEW_STATE.matcher(html.substring(action.start()));
            assertThat(state.find()).as("view state of " + formId).isTrue();
            Map<String, String> form = new LinkedHashMap<>();
            form.put(formId, formId);
            form.putAll(fields);
            form.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(
                                    URI.create(base).resolve(action.group(1).replace("&amp;", "&")))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

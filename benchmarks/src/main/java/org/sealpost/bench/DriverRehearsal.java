package org.sealpost.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the portal on loopback, with pages of the real ones' shape (a sign-in form
 * with its view state and nonce, a redirect with a session cookie, an inbox of message links,
 * a message), so that a driver can run its own code until the JIT has compiled it before it
 * measures a portal's first minute. It answers nothing a test could mistake for the portal:
 * it is a bench helper, started and stopped by the driver, bound to 127.0.0.1 only.
 */
final class DriverRehearsal implements AutoCloseable {

    private static final byte[] LOGIN = page(
            "<form id=\"signin\"><input type=\"hidden\" name=\"jakarta.faces.ViewState\" "
                    + "id=\"j_id1:jakarta.faces.ViewState:0\" value=\"-1234567890123456789:987654321\" />"
                    + "</form><script>PrimeFaces.csp.init('bm9uY2Utb2YtdGhlLXN0YW5kLWlu');</script>",
            8_000);
    private static final byte[] INBOX = inbox();
    private static final byte[] MESSAGE = page("<div class=\"body\">body-stand-in</div>", 12_000);

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLong sessions = new AtomicLong();

    private DriverRehearsal(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static DriverRehearsal start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Daemon threads, shut down on close: the driver's JVM must end when its run does.
        ExecutorService threads = Executors.newFixedThreadPool(
                4, Thread.ofPlatform().daemon().name("stand-in-", 0).factory());
        DriverRehearsal standIn = new DriverRehearsal(server, threads);
        server.createContext("/", standIn::answer);
        server.setExecutor(threads);
        server.start();
        return standIn;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/login.xhtml") && exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Location", base() + "/inbox.xhtml");
                exchange.getResponseHeaders()
                        .add("Set-Cookie", "JSESSIONID=stand-in-" + sessions.incrementAndGet() + "; Path=/; HttpOnly");
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body = switch (path) {
                case "/login.xhtml" -> LOGIN;
                case "/inbox.xhtml" -> INBOX;
                default -> MESSAGE;
            };
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] inbox() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            rows.append("<tr><td><a href=\"message.xhtml?id=")
                    .append(i)
                    .append("\">Subject ")
                    .append(i)
                    .append("</a></td><td>sender@bank.example</td><td>3 Dec 2026</td></tr>");
        }
        return page("<table>" + rows + "</table>", 30_000);
    }

    private static byte[] page(String content, int size) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>stand-in</title></head><body>");
        html.append(content);
        while (html.length() < size) {
            html.append("<p class=\"filler\">The portal's pages are about this long.</p>");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

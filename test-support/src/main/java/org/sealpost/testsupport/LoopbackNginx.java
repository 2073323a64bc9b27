package org.sealpost.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real nginx (Debian's package) terminating TLS on a free loopback port, for the tests that
 * put the portal behind a proxy: a self-signed certificate made for the test (openssl), the
 * caller's site configuration inside an {@code http} block whose every file nginx writes stays
 * in {@code dir}, and an {@link SSLContext} that trusts that certificate and nothing else.
 * Stopped by {@link #close()}.
 */
public final class LoopbackNginx implements AutoCloseable {

    /** The site's part of the {@code http} block, listening on {@code 127.0.0.1:port} with the given certificate. */
    @FunctionalInterface
    public interface Site {
        String configuration(int port, Path certificate, Path key) throws IOException;
    }

    private final Path dir;
    private final int port;
    private final Process process;
    private final SSLContext trust;

    private LoopbackNginx(Path dir, int port, Process process, SSLContext trust) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.trust = trust;
    }

    /** Starts nginx in {@code dir} (created if missing) and waits until it listens. */
    public static LoopbackNginx start(Path dir, Site site) throws Exception {
        Files.createDirectories(dir);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        run(
                dir,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString());
        int port = freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(dir, site.configuration(port, cert, key)));
        // Files nginx's workers (nobody, when the master runs as root) must read or write.
        for (Path p : List.of(dir, cert, conf)) {
            p.toFile().setReadable(true, false);
        }
        dir.toFile().setWritable(true, false);
        dir.toFile().setExecutable(true, false);
        Process nginx = new ProcessBuilder(
                        "nginx",
                        "-c",
                        conf.toString(),
                        "-p",
                        dir.toString(),
                        "-g",
                        "daemon off; pid " + dir.resolve("nginx.pid") + ";")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        LoopbackNginx proxy = new LoopbackNginx(dir, port, nginx, trusting(cert));
        proxy.awaitListening();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Trusts the proxy's certificate and nothing else. */
    public SSLContext trust() {
        return trust;
    }

    /** What nginx printed and logged, for a failure's message. */
    public String log() {
        try {
            StringBuilder s = new StringBuilder();
            for (String f : List.of("nginx.out", "error.log")) {
                Path p = dir.resolve(f);
                if (Files.exists(p)) {
                    s.append(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
            return s.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitListening() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + log());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + ": " + log());
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            store.setCertificateEntry(
                    "nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.out").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed: " + Files.readString(dir.resolve("openssl.out")));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

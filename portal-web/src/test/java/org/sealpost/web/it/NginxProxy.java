package org.sealpost.web.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real nginx (Debian's package) terminating TLS on loopback in front of the portal, as the
 * README deploys it: a self-signed certificate made for the test, a free port, a configuration
 * and every file nginx writes in a temporary directory, stopped by {@link #close()}.
 */
final class NginxProxy implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;
    private final SSLContext trust;
    private final String contextPath;

    private NginxProxy(Path dir, int port, Process process, SSLContext trust, String contextPath) {
        this.contextPath = contextPath;
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.trust = trust;
    }

    /** Starts nginx proxying to {@code portal}, passing X-Forwarded-For and -Proto as the README says. */
    static NginxProxy inFrontOf(URL portal) throws Exception {
        Path dir = Files.createTempDirectory("sealpost-nginx");
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
        String upstream = "http://127.0.0.1:" + portal.getPort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                error_log %1$s/error.log warn;
                events { worker_connections 128; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %3$s;
                        ssl_certificate_key %4$s;
                        ssl_protocols TLSv1.2 TLSv1.3;
                        location / {
                            proxy_pass %5$s;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }
                """.formatted(dir, port, cert, key, upstream));
        // Files nginx's workers (nobody, when the master runs as root) must read or write.
        dir.toFile().setReadable(true, false);
        dir.toFile().setWritable(true, false);
        dir.toFile().setExecutable(true, false);
        cert.toFile().setReadable(true, false);
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
        NginxProxy proxy = new NginxProxy(dir, port, nginx, trusting(cert), portal.getPath());
        proxy.awaitListening();
        return proxy;
    }

    /** The portal's address through the proxy. */
    String base() {
        return "https://127.0.0.1:" + port + (contextPath.endsWith("/") ? contextPath : contextPath + "/");
    }

    /** Trusts the proxy's certificate and nothing else. */
    SSLContext sslContext() {
        return trust;
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

    String log() {
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
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            store.setCertificateEntry("nginx", (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(in));
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

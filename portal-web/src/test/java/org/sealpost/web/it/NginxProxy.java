package org.sealpost.web.it;

import java.net.URL;
import java.nio.file.Files;
import javax.net.ssl.SSLContext;
import org.sealpost.testsupport.LoopbackNginx;

/**
 * A real nginx (Debian's package) terminating TLS on loopback in front of the portal, as the
 * README deploys it, passing X-Forwarded-For and -Proto; stopped by {@link #close()}.
 */
final class NginxProxy implements AutoCloseable {

    private final LoopbackNginx nginx;
    private final String contextPath;

    private NginxProxy(LoopbackNginx nginx, String contextPath) {
        this.nginx = nginx;
        this.contextPath = contextPath;
    }

    /** Starts nginx proxying to {@code portal}, passing X-Forwarded-For and -Proto as the README says. */
    static NginxProxy inFrontOf(URL portal) throws Exception {
        String upstream = "http://127.0.0.1:" + portal.getPort();
        LoopbackNginx nginx = LoopbackNginx.start(Files.createTempDirectory("sealpost-nginx"), (port, cert, key) ->
                """
                server {
                    listen 127.0.0.1:%1$d ssl;
                    ssl_certificate %2$s;
                    ssl_certificate_key %3$s;
                    ssl_protocols TLSv1.2 TLSv1.3;
                    location / {
                        proxy_pass %4$s;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
                """.formatted(port, cert, key, upstream));
        return new NginxProxy(nginx, portal.getPath());
    }

    /** The portal's address through the proxy. */
    String base() {
        return "https://127.0.0.1:" + nginx.port() + (contextPath.endsWith("/") ? contextPath : contextPath + "/");
    }

    /** Trusts the proxy's certificate and nothing else. */
    SSLContext sslContext() {
        return nginx.trust();
    }

    String log() {
        return nginx.log();
    }

    @Override
    public void close() throws Exception {
        nginx.close();
    }
}

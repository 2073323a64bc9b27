package org.sealpost.web.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's number of workers: at least one, or the start is refused and names the setting;
 * and its requests arrive as the first users' do.
 */
class PageWarmUpTest {

    @Test
    void anyPositiveNumberOfWorkersIsTaken() {
        assertThat(PageWarmUp.workers(1)).isEqualTo(1);
        assertThat(PageWarmUp.workers(4)).isEqualTo(4);
    }

    @Test
    void noWorkerAtAllRefusesTheStartAndNamesTheSetting() {
        assertThatThrownBy(() -> PageWarmUp.workers(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SEALPOST_WARM_UP_WORKERS")
                .hasMessageContaining("not 0");
    }

    @Test
    void noSignInBeyondEachWorkersFirstIsTakenAndANegativeNumberRefusesTheStart() {
        assertThat(PageWarmUp.signIns(0)).isZero();
        assertThat(PageWarmUp.signIns(PageWarmUp.DEFAULT_SIGN_INS)).isEqualTo(200);
        assertThatThrownBy(() -> PageWarmUp.signIns(-1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SEALPOST_WARM_UP_SIGN_INS")
                .hasMessageContaining("not -1");
    }

    /**
     * A proxy speaks HTTP/1.x to the portal: a warm-up that upgraded its connections to HTTP/2
     * (h2c) would compile the listener's HTTP/2 code instead of the code its users' requests run.
     */
    @Test
    void warmUpRequestsArriveAsHttp11AndNeverAskForAnUpgradeToHttp2() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getProtocol() + " upgrade="
                    + exchange.getRequestHeaders().getFirst("Upgrade"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (HttpClient http = PageWarmUp.client()) {
            URI page = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/login.xhtml");
            for (int i = 0; i < 2; i++) {
                http.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            server.stop(0);
        }
        assertThat(seen).containsExactly("HTTP/1.1 upgrade=null", "HTTP/1.1 upgrade=null");
    }
}

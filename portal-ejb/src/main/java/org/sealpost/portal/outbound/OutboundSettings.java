package org.sealpost.portal.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;

/**
 * The outbound side's settings, read once at start. The retry interval and give-up age are
 * runtime settings (the database's, read per delivery: {@code settings.DeliveryRetries}); their
 * environment settings only seed them.
 */
@ApplicationScoped
public class OutboundSettings {

    @Inject
    private PortalSettings settings;

    /** From the settings (SEALPOST_SMARTHOST_TRUSTSTORE or the JDK's CAs). */
    private SmarthostTransport configuredTransport;
    /** What new smarthost sessions use: the configured one, or one trusting the imported anchors. */
    private volatile SmarthostTransport transport;

    private String host;
    private int port;
    private Duration quietPeriod;
    private String smarthost;

    @PostConstruct
    void read() {
        // Production requires SEALPOST_SMARTHOST (StartupGate); dev mode's launcher points it
        // at the development mailbox.
        smarthost = settings.get(Setting.SMARTHOST).orElse("localhost:2526");
        int colon = smarthost.lastIndexOf(':');
        if (colon <= 0) {
            throw new InvalidSettingException(Setting.SMARTHOST, smarthost, "host:port");
        }
        int port;
        try {
            port = Integer.parseInt(smarthost.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(Setting.SMARTHOST, smarthost, "host:port");
        }
        this.host = smarthost.substring(0, colon);
        this.port = port;
        configuredTransport = new SmarthostTransport(
                host,
                port,
                settings.get(Setting.SMARTHOST_TRUSTSTORE).map(Path::of),
                settings.get(Setting.SMARTHOST_TRUSTSTORE_PASSWORD).orElse("").toCharArray());
        transport = configuredTransport;
        quietPeriod = settings.duration(Setting.NOTIFY_QUIET_PERIOD, Duration.ofMinutes(10));
    }

    /** The transport for the next outbound pass; a pass under way keeps the one it started with. */
    public SmarthostTransport transport() {
        return transport;
    }

    /**
     * New smarthost sessions trust exactly {@code anchors} (the administrator's imported trust
     * anchors), or, when empty, what the settings say again.
     */
    public void trustAnchors(Optional<KeyStore> anchors) {
        transport =
                anchors.map(store -> new SmarthostTransport(host, port, store)).orElse(configuredTransport);
    }

    public Duration quietPeriod() {
        return quietPeriod;
    }

    public String smarthost() {
        return smarthost;
    }
}

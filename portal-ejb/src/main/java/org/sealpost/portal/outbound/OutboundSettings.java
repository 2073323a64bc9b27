package org.sealpost.portal.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
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

    private SmarthostTransport transport;
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
        transport = new SmarthostTransport(smarthost.substring(0, colon), port,
                settings.get(Setting.SMARTHOST_TRUSTSTORE).map(Path::of),
                settings.get(Setting.SMARTHOST_TRUSTSTORE_PASSWORD).orElse("").toCharArray());
        quietPeriod = settings.duration(Setting.NOTIFY_QUIET_PERIOD, Duration.ofMinutes(10));
    }

    public SmarthostTransport transport() {
        return transport;
    }

    public Duration quietPeriod() {
        return quietPeriod;
    }

    public String smarthost() {
        return smarthost;
    }
}

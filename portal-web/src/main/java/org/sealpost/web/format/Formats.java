package org.sealpost.web.format;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.sealpost.portal.config.PortalSettings;

/**
 * {@code #{fmt.brief(line.receivedAt())}}, {@code #{fmt.full(...)}}, {@code #{fmt.size(...)}}:
 * the pages' only way to show a date or a size, in the viewer's locale and the configured
 * display zone ({@code SEALPOST_DISPLAY_ZONE}).
 */
@Named("fmt")
@RequestScoped
public class Formats {

    static final String BUNDLE = "org.sealpost.web.messages";

    @Inject
    private PortalSettings settings;

    private HumanDates dates;
    private HumanSizes sizes;
    private final Instant now = Instant.now();

    @PostConstruct
    void setUp() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null
                ? faces.getViewRoot().getLocale()
                : Locale.ENGLISH;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale);
        dates = new HumanDates(
                settings.displayZone(),
                locale,
                texts.getString("format.date.today"),
                texts.getString("format.date.thisYear"),
                texts.getString("format.date.older"),
                texts.getString("format.date.full"));
        sizes = new HumanSizes(
                locale,
                texts.getString("format.size.bytes"),
                texts.getString("format.size.kilobytes"),
                texts.getString("format.size.megabytes"));
    }

    public String brief(Instant when) {
        return dates.brief(when, now);
    }

    public String full(Instant when) {
        return dates.full(when);
    }

    public String iso(Instant when) {
        return HumanDates.iso(when);
    }

    public String size(long bytes) {
        return sizes.format(bytes);
    }
}

package org.sealpost.web.warmup;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Typed;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.sealpost.portal.message.MessageNotFoundException;
import org.sealpost.portal.message.OpenedMessage;
import org.sealpost.portal.warmup.ReadingWarmUp;
import org.sealpost.web.mailbox.MessagePage;

/**
 * The message page's bean for the warm-up's copy of the message page ({@code
 * /warm-up/message.xhtml}, ADR 0027): the same bean and page, showing the sample message the
 * latest signed-in round opened for real and then rolled back ({@link ReadingWarmUp}); nothing
 * is read here. {@code @Typed} keeps it out of every injection point of {@link MessagePage}.
 */
@Named("warmUpMessage")
@ViewScoped
@Typed(WarmUpMessage.class)
public class WarmUpMessage extends MessagePage {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReadingWarmUp reading;

    /**
     * Opens the sample when the page first asks for this bean. The message page opens its
     * message in an {@code f:viewAction}, and the warm-up's copy uses that page as its template:
     * the copy's view metadata then runs no action (its page rendered without a message, title
     * "(no subject)", until this was added), so the bean opens the sample itself.
     */
    @PostConstruct
    void openSample() {
        OpenedMessage sample = reading.lastOpened();
        if (sample != null) {
            setId(sample.entry().id());
            try {
                open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    protected OpenedMessage opened(long id, boolean showImages, Function<String, String> inlineImageUrl)
            throws MessageNotFoundException {
        // The id is the sample's own (openSample): there is nothing else to find.
        OpenedMessage sample = reading.lastOpened();
        if (sample == null) {
            throw new MessageNotFoundException(id);
        }
        return sample;
    }
}

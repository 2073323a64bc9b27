package org.sealpost.web.compose;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.sealpost.portal.policy.Refusal;

/**
 * A refusal's sentence in the reader's language: {@code compose.refusal.<reason>.<action>} where
 * the sentence depends on the action ("Replies may only go to …", "Forwarding is turned off"),
 * else {@code compose.refusal.<reason>}, filled with the refusal's arguments; prefixed with the
 * address it concerns ("anna@client.example: …") where it names one.
 */
final class RefusalTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    RefusalTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The sentence alone, without the address. */
    String sentence(Refusal refusal) {
        String key = "compose.refusal." + refusal.reason().name();
        if (!refusal.arguments().isEmpty()
                && bundle.containsKey(key + "." + refusal.arguments().get(0))) {
            key = key + "." + refusal.arguments().get(0);
        }
        return new MessageFormat(bundle.getString(key), locale)
                .format(refusal.arguments().toArray());
    }

    /** What is shown next to the field: the address and the sentence. */
    String line(Refusal refusal) {
        String sentence = sentence(refusal);
        return refusal.aboutAnAddress()
                ? new MessageFormat(bundle.getString("compose.refused.address"), locale)
                        .format(new Object[] {refusal.address(), sentence})
                : sentence;
    }
}

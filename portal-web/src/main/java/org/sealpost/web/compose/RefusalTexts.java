package org.sealpost.web.compose;

import org.sealpost.portal.policy.Refusal;
import org.sealpost.web.format.BundleTexts;

/**
 * A refusal's sentence in the reader's language: {@code compose.refusal.<reason>.<action>} where
 * the sentence depends on the action ("Replies may only go to …", "Forwarding is turned off"),
 * else {@code compose.refusal.<reason>}, filled with the refusal's arguments; prefixed with the
 * address it concerns ("anna@client.example: …") where it names one.
 */
final class RefusalTexts {

    private final BundleTexts texts;

    RefusalTexts(BundleTexts texts) {
        this.texts = texts;
    }

    /** The sentence alone, without the address. */
    String sentence(Refusal refusal) {
        String key = "compose.refusal." + refusal.reason().name();
        if (!refusal.arguments().isEmpty()
                && texts.has(key + "." + refusal.arguments().get(0))) {
            key = key + "." + refusal.arguments().get(0);
        }
        return texts.format(key, refusal.arguments().toArray());
    }

    /** What is shown next to the field: the address and the sentence. */
    String line(Refusal refusal) {
        String sentence = sentence(refusal);
        return refusal.aboutAnAddress()
                ? texts.format("compose.refused.address", refusal.address(), sentence)
                : sentence;
    }
}

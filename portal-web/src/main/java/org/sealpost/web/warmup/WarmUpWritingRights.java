package org.sealpost.web.warmup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Named;
import org.sealpost.web.compose.WritingRights;

/**
 * The writing buttons of the warm-up's copy of the message page (ADR 0027): all offered, so the
 * page renders each of them as it does for a recipient the policy lets answer; nothing is read
 * from the database. {@code @Typed} keeps it out of every injection point of {@link WritingRights}.
 */
@Named("warmUpWritingRights")
@RequestScoped
@Typed(WarmUpWritingRights.class)
public class WarmUpWritingRights extends WritingRights {

    @Override
    public boolean isReply() {
        return true;
    }

    @Override
    public boolean isReplyAll() {
        return true;
    }

    @Override
    public boolean isForward() {
        return true;
    }
}

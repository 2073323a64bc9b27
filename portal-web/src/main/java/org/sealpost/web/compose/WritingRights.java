package org.sealpost.web.compose;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.compose.ComposeService;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.web.security.SignedInSession;

/**
 * {@code #{writingRights.reply}} and the like: which ways of writing the portal policy offers
 * the signed-in recipient, for the buttons on the message, folder and search pages. Read from
 * the database once per request, so an administrator's change shows on the next page anyone
 * opens; the server decides every send again, whatever a page showed.
 */
@Named
@RequestScoped
public class WritingRights {

    @Inject
    private ComposeService compose;

    @Inject
    private SignedInSession session;

    private EffectivePolicy policy;

    /** The policy as it is in this request; null when nobody is signed in. */
    EffectivePolicy policy() {
        if (policy == null && session.accountId() != null) {
            policy = compose.policy(session.accountId());
        }
        return policy;
    }

    public boolean isReply() {
        return policy() != null && policy().isReplyAllowed();
    }

    public boolean isReplyAll() {
        return policy() != null && policy().isReplyAllAllowed();
    }

    public boolean isForward() {
        return policy() != null && policy().isForwardAllowed();
    }

    public boolean isCompose() {
        return policy() != null && policy().isComposeAllowed();
    }

    public boolean isAttach() {
        return policy() != null && policy().isAttachAllowed();
    }

    public long getMaxAttachmentBytes() {
        return policy() == null ? 0 : policy().getMaxAttachmentBytes();
    }

    public int getMaxAttachmentCount() {
        return policy() == null ? 0 : policy().getMaxAttachmentCount();
    }
}

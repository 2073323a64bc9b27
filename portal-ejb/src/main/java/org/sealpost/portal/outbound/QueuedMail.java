package org.sealpost.portal.outbound;

import java.time.Instant;
import java.util.UUID;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.TemplateKind;

/**
 * A row of the outbound queue, as claimed by a worker.
 *
 * @param template         the template a {@link OutboundKind#TEMPLATE_TEST} renders; null for every other kind
 * @param templateLanguage the language of that template (a row queued before V18: English); null for every
 *                         other kind
 */
public record QueuedMail(
        long id,
        OutboundKind kind,
        String recipient,
        Long accountId,
        UUID contentId,
        int attempts,
        Instant createdAt,
        TemplateKind template,
        Language templateLanguage) {}

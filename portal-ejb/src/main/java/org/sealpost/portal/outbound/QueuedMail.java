package org.sealpost.portal.outbound;

import java.time.Instant;
import java.util.UUID;
import org.sealpost.portal.language.Language;

/**
 * A row of the outbound queue, as claimed by a worker.
 *
 * @param template         the name of the template a {@link OutboundKind#TEMPLATE_TEST} renders (column
 *                         {@code template_kind}; package notification knows the templates, the queue only
 *                         keeps the name); null for every other kind
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
        String template,
        Language templateLanguage) {}

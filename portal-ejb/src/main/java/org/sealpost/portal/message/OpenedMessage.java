package org.sealpost.portal.message;

import org.sealpost.portal.message.mime.MessageMetadata;
import org.sealpost.portal.message.view.RenderedMessage;

/** A message as its recipient opens it: the entry, the decrypted header record, the safe body. */
public record OpenedMessage(MailboxEntry entry, MessageMetadata metadata, RenderedMessage rendered) {
}

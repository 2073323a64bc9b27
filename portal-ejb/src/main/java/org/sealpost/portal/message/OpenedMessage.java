package org.sealpost.portal.message;

import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.view.RenderedMessage;

/** A message as its recipient opens it: the entry, the decrypted header record, the safe body. */
public record OpenedMessage(MailboxEntry entry, MessageMetadata metadata, RenderedMessage rendered) {}

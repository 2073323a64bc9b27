/**
 * The one walker and the one attachment decision. {@link org.sealpost.mailformat.structure.MessageStructure}
 * reads a message once into an immutable tree of {@link org.sealpost.mailformat.structure.MessagePart}s
 * (IMAP section numbers, RFC 3501 section 6.4.5; views on the message's one array, never copies),
 * chooses the body and decides which parts are attachments, under which one name
 * ({@link org.sealpost.mailformat.structure.OfferedPart}). Intake's metadata and the message page
 * are both built from it; its class comment states the rules and the RFCs they follow.
 */
package org.sealpost.mailformat.structure;

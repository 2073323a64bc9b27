/**
 * The bridge's SMTP rules and their wiring into SubEthaSMTP; not API.
 *
 * <p>Each rule is one small class that returns an immutable {@link
 * org.sealpost.bridge.internal.Decision} and knows nothing of sockets, so it is tested alone:
 * {@link org.sealpost.bridge.internal.MandatoryStartTls}, {@link
 * org.sealpost.bridge.internal.EhloCapabilities}, {@link org.sealpost.bridge.internal.ClientAllowList},
 * {@link org.sealpost.bridge.internal.MessageSizeLimit}, {@link
 * org.sealpost.bridge.internal.RecipientPolicy}, {@link org.sealpost.bridge.internal.EncryptFlagRule},
 * {@link org.sealpost.bridge.internal.SinkReplies}, {@link org.sealpost.bridge.internal.ReceivedHeader}
 * and {@link org.sealpost.bridge.internal.ServerTlsPolicy}.
 *
 * <p>SubEthaSMTP supplies the listener, session threads, line reading, timeouts and connection
 * limit. Its commands are all replaced ({@link org.sealpost.bridge.internal.BridgeCommands}),
 * each behind the mandatory-STARTTLS gate, because several of them break the RFCs the bridge
 * relies on; each replacement says which.
 */
package org.sealpost.bridge.internal;

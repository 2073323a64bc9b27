/**
 * Sealpost's mail bridge: the SMTP receiver the organisation's gateway relays mail flagged for
 * encryption to.
 *
 * <p>The public API is deliberately small: {@link org.sealpost.bridge.MailBridge} runs the
 * server with {@link org.sealpost.bridge.BridgeSettings}; each accepted message goes, as an
 * {@link org.sealpost.bridge.InboundMessage}, to the {@link org.sealpost.bridge.InboundMessageSink}
 * port that portal-ejb implements, whose {@link org.sealpost.bridge.SinkVerdict} decides the
 * SMTP reply. The bridge answers 250 only once the sink says the message is durable.
 *
 * {@code org.sealpost.bridge.net} (IP literals and CIDR blocks without DNS) is API too: the
 * portal names networks with it.
 *
 * <p>Everything else lives in {@code org.sealpost.bridge.internal} (protocol rules on top of
 * SubEthaSMTP, not for use outside the bridge) and {@code org.sealpost.bridge.tls} (the
 * bridge's certificate).
 */
package org.sealpost.bridge;

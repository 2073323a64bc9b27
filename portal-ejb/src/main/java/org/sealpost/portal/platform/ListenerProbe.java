package org.sealpost.portal.platform;

/**
 * A network listener the portal runs besides HTTP (the mail bridge, the development
 * mailbox). Readiness is UP only while every one of them accepts connections.
 */
public interface ListenerProbe {

    String listenerName();

    boolean listening();
}

package org.sealpost.portal.policy;

/** The compose field an address was typed in, so a refusal can be shown next to it. */
public enum AddressField {
    TO,
    CC
}

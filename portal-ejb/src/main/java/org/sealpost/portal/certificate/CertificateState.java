package org.sealpost.portal.certificate;

/** Where a stored bridge key and certificate stand. At most one row is in each state. */
public enum CertificateState {
    /** Served by the bridge to new connections, on every node. */
    CURRENT,
    /** The one the current replaced, kept so that {@code cert rollback} can bring it back. */
    PREVIOUS,
    /** A key whose CSR went to a CA; it waits, sealed, for its certificate chain. */
    PENDING_CSR
}

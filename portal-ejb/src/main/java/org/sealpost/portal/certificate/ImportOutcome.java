package org.sealpost.portal.certificate;

import java.util.List;

/**
 * A certificate that now serves the bridge, and whether it names the bridge's host; when it does
 * not, gateways that check the name will refuse it (a warning, not a refusal: the gateway may
 * pin the certificate instead).
 */
public record ImportOutcome(CertificateDetails certificate, boolean namesHost, String hostName, List<String> names) {

    public ImportOutcome {
        names = List.copyOf(names);
    }
}

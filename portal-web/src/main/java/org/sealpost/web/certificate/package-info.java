/**
 * The administrator's certificate page ({@code /admin/certificate.xhtml}): the bridge's TLS
 * certificate shown, replaced by a self-signed one, requested from a CA (key and CSR), imported
 * (the CA's chain or a PKCS#12 file), rolled back; the smarthost's trust anchors and the TLS of
 * the last delivery. The rules live in {@code org.sealpost.portal.certificate}; this package
 * only presents them.
 */
package org.sealpost.web.certificate;

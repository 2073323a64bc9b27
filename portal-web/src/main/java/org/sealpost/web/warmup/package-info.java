/**
 * The web half of the warm-up before readiness (ADR 0020): the public pages rendered over the
 * loopback listener, as a browser that never signs in would ask for them, while
 * {@link org.sealpost.portal.warmup.ReadingWarmUp} runs the reading paths.
 */
package org.sealpost.web.warmup;

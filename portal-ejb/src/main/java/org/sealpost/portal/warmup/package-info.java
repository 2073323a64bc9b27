/**
 * The warm-up before readiness (issue 15, ADR 0020): a freshly started portal runs its pages in
 * HotSpot's interpreter and first compilers for minutes, so before {@code /health/ready} turns
 * UP the web module renders its pages over loopback and {@link
 * org.sealpost.portal.account.SignInRehearsal} rehearses a sign-in in a transaction that is
 * always rolled back, in which {@link org.sealpost.portal.warmup.ReadingWarmUp} then reads a
 * sample message as the signed-in account (ADR 0027). {@link org.sealpost.portal.platform.WarmUpGate}
 * holds readiness DOWN until that ends, for at most {@code SEALPOST_WARM_UP_TIME}. Nothing it
 * does is stored, audited, counted or mailed.
 */
package org.sealpost.portal.warmup;

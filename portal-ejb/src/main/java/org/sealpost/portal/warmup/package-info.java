/**
 * The warm-up before readiness (issue 15, ADR 0020): a freshly started portal runs its pages in
 * HotSpot's interpreter and first compilers for minutes, so before {@code /health/ready} turns
 * UP the web module renders its pages over loopback and {@link
 * org.sealpost.portal.account.SignInRehearsal} rehearses a sign-in in a transaction that is
 * always rolled back, in which {@link org.sealpost.portal.warmup.ReadingWarmUp} then reads a
 * sample message as the signed-in account (ADR 0027); and {@link
 * org.sealpost.portal.warmup.WarmUpReader} gives each of the web module's warm-up workers a real
 * account that signs in through the sign-in page and reads its inbox and messages (ADR 0033). The
 * messages both read are of the shapes mail comes in ({@link
 * org.sealpost.portal.warmup.SampleMail}), and the web module's requests are HTTP/1.1, as a
 * proxy's are: compiled code keeps the types and branches it saw (ADR 0036). {@link
 * org.sealpost.portal.platform.WarmUpGate} holds readiness DOWN until that ends, for at most
 * {@code SEALPOST_WARM_UP_TIME}. The rehearsals store, audit, count and mail nothing; a reader
 * leaves what every account leaves, its audit events and its counted sign-in, and is deleted when
 * the warm-up ends.
 */
package org.sealpost.portal.warmup;

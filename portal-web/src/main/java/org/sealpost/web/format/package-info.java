/**
 * How dates and sizes read on the portal's pages: plain classes with the rules (unit-tested),
 * and one request-scoped bean that hands them the viewer's locale, the bundle's patterns and the
 * configured display zone, so no page computes anything. {@link
 * org.sealpost.web.format.BundleTexts} is the bundle in one locale for the classes that word a
 * domain outcome.
 */
package org.sealpost.web.format;

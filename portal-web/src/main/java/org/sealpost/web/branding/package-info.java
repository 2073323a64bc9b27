/**
 * The organisation's branding in the portal's own pages: its name, logo and accent colour in
 * the layout's header ({@link org.sealpost.web.branding.BrandingView}) and the logo's address
 * ({@link org.sealpost.web.branding.LogoServlet}). The values are runtime settings, read from
 * the database per request, so a change shows on every node at the next page.
 */
package org.sealpost.web.branding;

/** The search page: a recipient searches their own messages (portal-ejb's {@code search}). */
package org.sealpost.web.search;

/** The public landing page: what this portal is and whether it is up. */
package org.sealpost.web.status;

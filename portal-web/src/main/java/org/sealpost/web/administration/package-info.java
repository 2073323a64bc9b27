/** The administrators' pages, under /admin (role ADMIN only, enforced by web.xml and the services). */
package org.sealpost.web.administration;

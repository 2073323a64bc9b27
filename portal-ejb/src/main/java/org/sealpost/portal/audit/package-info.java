/**
 * The audit trail: who did what to which account, message or setting, when, and from which
 * client address. Rows are only ever inserted; the administrator's audit page reads them.
 */
package org.sealpost.portal.audit;

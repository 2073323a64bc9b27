package org.sealpost.portal.secondfactor;

/**
 * What the account page shows about the second factor: whether it is on, how many recovery
 * codes are left, and whether the owner may turn it off (administrators in production may not).
 */
public record SecondFactorStatus(boolean on, int recoveryCodesLeft, boolean mayTurnOff) {}

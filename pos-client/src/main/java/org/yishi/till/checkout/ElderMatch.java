package org.yishi.till.checkout;

/**
 * One elder found by a manual search: enough for the cashier to pick the right person with the elder in front of
 * them, nothing more.
 *
 * @param idLast4 last 4 characters of the resident ID, the elder can confirm them aloud
 */
public record ElderMatch(String elderId, String maskedName, int age, String town, String idLast4) {
}

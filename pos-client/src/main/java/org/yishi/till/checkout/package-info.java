/**
 * Selling at the counter, without any UI: who is at the counter (card, QR, manual look-up, walk-in), what they
 * pay (the subsidy engine's quote), and the sale made durable (journal), printed (receipt to the print queue) and
 * reversible (void, refund, reprint). {@link org.yishi.till.checkout.Till} assembles one running till; the JavaFX
 * screens talk only to it.
 */
package org.yishi.till.checkout;

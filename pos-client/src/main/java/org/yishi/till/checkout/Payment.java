package org.yishi.till.checkout;

import java.util.Objects;
import java.util.regex.Pattern;

/** How the copayment is paid. */
public sealed interface Payment {

    /** The journal's payment method code. */
    String method();

    /** Cash; {@code tenderedFen} is what the elder handed over (at least the copayment). */
    record Cash(long tenderedFen) implements Payment {
        public Cash {
            if (tenderedFen < 0) {
                throw new IllegalArgumentException("cash tendered cannot be negative: " + tenderedFen);
            }
        }

        @Override
        public String method() {
            return "cash";
        }
    }

    /**
     * Paid outside the till (WeChat/Alipay QR, bank card terminal), recorded with the payment's reference so finance
     * can match it.
     *
     * @param method    {@code wechat}, {@code alipay}, {@code unionpay} or {@code other}
     * @param reference the payment's transaction reference as the payer's app or terminal shows it
     */
    record Other(String method, String reference) implements Payment {
        private static final Pattern METHOD = Pattern.compile("wechat|alipay|unionpay|other");
        private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{4,64}");

        public Other {
            Objects.requireNonNull(method, "method");
            if (!METHOD.matcher(method).matches()) {
                throw new IllegalArgumentException("payment method must be wechat, alipay, unionpay or other, not \"" + method + "\"");
            }
            if (reference == null || !REFERENCE.matcher(reference).matches()) {
                throw new IllegalArgumentException("a payment reference is 4-64 letters, digits, '-' or '_'");
            }
        }
    }
}

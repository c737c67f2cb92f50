package org.yishi.core.policy;

/**
 * Builds a {@link ProviderSubsidyRule} for tests: {@code provider("op-meal").operator().amount(200).perDay(1)}.
 * Defaults: operator, 200 fen, paid by the city, no meal subsidy needed, no window limit.
 */
public final class ProviderRuleBuilder extends EligibilityBuilder<ProviderRuleBuilder> {

    private final String id;
    private String name;
    private ProviderRole role = ProviderRole.OPERATOR;
    private long amountFen = 200;
    private String funder = "city";
    private boolean requiresMealSubsidy;
    private LimitWindow window;
    private int maxPerWindow;

    private ProviderRuleBuilder(String id) {
        this.id = id;
        this.name = id;
    }

    public static ProviderRuleBuilder provider(String id) {
        return new ProviderRuleBuilder(id);
    }

    public ProviderRuleBuilder name(String name) {
        this.name = name;
        return this;
    }

    public ProviderRuleBuilder operator() {
        this.role = ProviderRole.OPERATOR;
        return this;
    }

    public ProviderRuleBuilder delivery() {
        this.role = ProviderRole.DELIVERY;
        return channels(Channel.DELIVERY);
    }

    public ProviderRuleBuilder amount(long fen) {
        this.amountFen = fen;
        return this;
    }

    public ProviderRuleBuilder paidBy(String funder) {
        this.funder = funder;
        return this;
    }

    public ProviderRuleBuilder requiresMealSubsidy() {
        this.requiresMealSubsidy = true;
        return this;
    }

    public ProviderRuleBuilder atMost(int count, LimitWindow window) {
        this.window = window;
        this.maxPerWindow = count;
        return this;
    }

    public ProviderRuleBuilder perDay(int count) {
        return atMost(count, LimitWindow.DAY);
    }

    public ProviderSubsidyRule build() {
        return new ProviderSubsidyRule(id, name, role, eligibility(), amountFen, funder, requiresMealSubsidy, window,
                maxPerWindow);
    }
}

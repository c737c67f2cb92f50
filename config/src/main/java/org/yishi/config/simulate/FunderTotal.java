package org.yishi.config.simulate;

/**
 * What one funder pays over a simulated file.
 *
 * @param code           funder code
 * @param name           funder name
 * @param meals          purchases in which the funder paid part of the meal subsidy
 * @param mealSubsidyFen its parts of meal subsidies (off elders' bills)
 * @param providerFen    operator and delivery subsidies it pays
 */
public record FunderTotal(String code, String name, long meals, long mealSubsidyFen, long providerFen) {

    public long totalFen() {
        return Math.addExact(mealSubsidyFen, providerFen);
    }
}

/**
 * Limits across tills: other tills' subsidised meals as the settlement server reports them
 * ({@link org.yishi.till.store.usage.RemoteUsageStore}), and the history the subsidy engine counts — this till's
 * sales and those, each sale once by its origin ({@link org.yishi.till.store.usage.LimitHistory}).
 */
package org.yishi.till.store.usage;

package org.yishi.core.policy;

/** Who receives a provider subsidy: the canteen operator, or the organisation that delivers the meal. */
public enum ProviderRole { OPERATOR, DELIVERY }

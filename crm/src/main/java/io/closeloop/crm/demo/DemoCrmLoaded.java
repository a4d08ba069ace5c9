package io.closeloop.crm.demo;

/**
 * CDI event fired (synchronously, after the CRM demo book is committed) on the first start with
 * demo data, so higher layers can add their own demo data on top (interactions, signals, ...).
 *
 * @param seed the seed the demo book was generated from; derive your own randomness from it
 */
public record DemoCrmLoaded(long seed) {
}

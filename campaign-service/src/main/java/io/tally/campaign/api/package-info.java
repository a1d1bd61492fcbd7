/**
 * The DTO records that resources and services share: request bodies, responses and pages, as the API shows them
 * (the OpenAPI schema names come from their {@code @Schema(name = ...)}). They know the domain rules, never a
 * service, an entity or a resource, so {@code rest/} and {@code service/} both depend on this package and never on
 * each other's insides.
 */
package io.tally.campaign.api;

/**
 * Bean Validation constraints of the {@code api} DTOs and query parameters; each delegates to a domain rule, so one
 * 400 names every bad field with the rule's reason.
 */
package io.tally.campaign.api.validation;

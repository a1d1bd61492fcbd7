package io.tally.connectors.costs.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shape of one generic cost line, for the OpenAPI document. The service reads the JSON tree itself, so that
 * every bad field of every line is reported at once.
 */
@Schema(name = "CostLine", description = "One cost of one day: a campaign's spend on a channel, or a shared cost of a programme")
public record CostLineRequest(
        @Schema(required = true, description = "The day, YYYY-MM-DD", examples = "2026-11-01") String date,
        @Schema(description = "The campaign's tracking code, at most 200 characters; campaignCode or programmeId is required", examples = "BF-2026") String campaignCode,
        @Schema(description = "The programme of a cost without a campaign code (a UUID); ignored downstream when a campaign code is given", examples = "6f1c2a9e-4b7d-4c3e-9a51-2d8e0f7b1c34") String programmeId,
        @Schema(description = "A channel's wire name; absent or empty for a shared cost of the programme (agency, production, tools)", enumeration = {
                "paid_search", "organic_search", "paid_social", "organic_social", "email", "display", "affiliate",
                "referral", "direct", "direct_mail", "phone", "events", "retail", "offline",
                "other"}, examples = "email") String channel,
        @Schema(required = true, type = SchemaType.STRING, description = "Zero or more, a decimal string (a JSON number is accepted and read exactly), at most the currency's minor digits", examples = "420.00") String amount,
        @Schema(required = true, description = "ISO 4217 currency code", examples = "EUR") String currency,
        @Schema(description = "What the money bought, free text of at most 50 characters (media, agency, production, tools)", examples = "media") String category,
        @Schema(description = "The reporting system: letters, digits, '_', '.', '-', at most 50; default generic", examples = "finance") String source,
        @Schema(description = "The reporting system's own line id, at most 100 characters: lines with an id are told apart by it, and a later figure of the same id replaces the earlier one", examples = "INV-2026-1101-07") String id){
}

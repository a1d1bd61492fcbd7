package io.tally.connectors.offline.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted upload: the queued job and where to follow it. */
@Schema(name = "ImportCreated", description = "An accepted upload: the job processes it in the background")
public record ImportCreatedResponse(
        @Schema(examples = "0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10") UUID id,
        @Schema(enumeration = {
                "queued", "running", "completed", "failed"}, examples = "queued") String status,
        @Schema(enumeration = {"touchpoints", "conversions", "refunds"}, examples = "conversions") String kind,
        Links links){

    /** Where the job's status and its rejected-rows report are. */
    @Schema(name = "ImportLinks")
    public record Links(
            @Schema(examples = "/api/v1/imports/0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10") String self,
            @Schema(examples = "/api/v1/imports/0b6f1f3e-6c1d-4c57-9a4f-1d1f3f2f8a10/rejects") String rejects) {
    }

    static Links linksOf(UUID id) {
        String self = ImportResource.BASE + "/" + id;
        return new Links(self, self + "/rejects");
    }
}

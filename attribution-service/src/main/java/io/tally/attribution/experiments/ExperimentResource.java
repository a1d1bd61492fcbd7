package io.tally.attribution.experiments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.events.Channel;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;
import io.tally.support.problem.ProblemException;

/** Holdout and lift tests per channel and period, which the incremental model is calibrated to. */
@Path("/api/v1/attribution/experiments")
@Tag(name = "Models", description = "Attribution models")
public class ExperimentResource {

    private static final BigDecimal MAX_LIFT = BigDecimal.valueOf(100);
    private static final BigDecimal MIN_LIFT = BigDecimal.valueOf(-1);

    static final String EXAMPLE = """
            {"channel":"paid_search","from":"2026-10-01","to":"2026-10-28","design":"holdout",
             "lift":"0.42","liftLow":"0.30","liftHigh":"0.55","level":"0.9",
             "note":"10 % of the audience held out of search ads"}""";

    static final String REVISION_EXAMPLE = """
            {"id":"exp-5b1f0d3e-8c1a-4f0e-9a57-0f4c2d1e9b21","revision":1,"channel":"paid_search",
             "from":"2026-10-01","to":"2026-10-28","design":"holdout","lift":0.42,"liftLow":0.30,"liftHigh":0.55,
             "level":0.9,"note":"10 % of the audience held out of search ads","withdrawn":false,"enteredBy":"ana@example.com",
             "enteredAt":"2026-11-02T09:14:03.118Z"}""";

    /** The body of a new experiment or a revision. */
    @Schema(name = "ExperimentMeasurement")
    public record Body(
            @Schema(required = true, description = "The channel tested, as Tally names it", examples = "paid_search") String channel,
            @Schema(required = true, description = "First day of the test", examples = "2026-10-01") LocalDate from,
            @Schema(required = true, description = "Last day of the test", examples = "2026-10-28") LocalDate to,
            @Schema(required = true, description = "holdout, geo, conversion_lift, ghost_ads or other", examples = "holdout") String design,
            @Schema(required = true, description = "Measured relative lift L: conversion rate of the treated over the held out, minus 1 (above -1, at most 100)", examples = "0.42") BigDecimal lift,
            @Schema(required = true, description = "Lower end of its confidence interval", examples = "0.30") BigDecimal liftLow,
            @Schema(required = true, description = "Upper end of its confidence interval", examples = "0.55") BigDecimal liftHigh,
            @Schema(description = "The interval's confidence level: 0.8, 0.9 (the default), 0.95 or 0.99", examples = "0.9") BigDecimal level,
            @Schema(description = "What was tested, at most 2000 characters", examples = "10 % held out") String note) {
    }

    @Inject
    Experiments experiments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an experiment", description = """
            Records a holdout or lift test of one channel over a period: the measured relative lift L (the \
            treated group's conversion rate over the held-out group's, minus 1) with its confidence interval and \
            level (default 0.9; the version's bootstrap intervals draw each replicate's lift from it), the \
            design, and a note; who entered it is taken from the token. Training the `incremental` model on a \
            window calibrates it to the experiments whose period overlaps the window (of several on one channel, \
            the one ending last): the channel's lifts are scaled until the share of its exposed journeys' \
            conversions the model says it caused is L / (1 + L). The version lists what it applied.""")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "holdout", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded as revision 1", content = @Content(schema = @Schema(implementation = Experiments.Revision.class), examples = @ExampleObject(name = "recorded", value = REVISION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing or invalid field, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull Body body) {
        Experiments.Revision revision = experiments.record(measurement(body));
        return Response.status(Response.Status.CREATED).entity(revision).build();
    }

    @GET
    @Operation(summary = "List experiments", description = "The newest revision of every experiment, withdrawn ones"
            + " included (`withdrawn`), the latest period first.")
    @APIResponse(responseCode = "200", description = "The experiments", content = @Content(examples = @ExampleObject(name = "list", value = "["
            + REVISION_EXAMPLE + "]")))
    public List<Experiments.Revision> list() {
        return experiments.list();
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "An experiment's history", description = "Every revision, oldest first: what was entered,"
            + " corrected or withdrawn, by whom and when.")
    @APIResponse(responseCode = "200", description = "The revisions", content = @Content(examples = @ExampleObject(name = "history", value = "["
            + REVISION_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "No such experiment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Experiments.Revision> history(
            @Parameter(description = "The experiment", example = "exp-5b1f0d3e-8c1a-4f0e-9a57-0f4c2d1e9b21") @PathParam("id") String id) {
        List<Experiments.Revision> history = experiments.history(id);
        if (history.isEmpty()) {
            throw ProblemException.notFound("experiment " + id);
        }
        return history;
    }

    @POST
    @Path("/{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct an experiment", description = "Records a new revision with these figures; the"
            + " earlier ones stay in the history. The next training uses the new figures.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "corrected", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The new revision", content = @Content(schema = @Schema(implementation = Experiments.Revision.class), examples = @ExampleObject(name = "revised", value = REVISION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing or invalid field, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such experiment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Experiments.Revision revise(
            @Parameter(description = "The experiment", example = "exp-5b1f0d3e-8c1a-4f0e-9a57-0f4c2d1e9b21") @PathParam("id") String id,
            @Valid @NotNull Body body) {
        return experiments.revise(id, measurement(body));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Withdraw an experiment", description = "Records a revision that calibrates nothing (a"
            + " flawed test); the history keeps every figure. Withdrawing a withdrawn experiment records nothing and"
            + " answers its current revision; a correction (`/revisions`) reinstates it.")
    @APIResponse(responseCode = "200", description = "The withdrawing revision", content = @Content(schema = @Schema(implementation = Experiments.Revision.class), examples = @ExampleObject(name = "withdrawn", value = REVISION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such experiment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Experiments.Revision withdraw(
            @Parameter(description = "The experiment", example = "exp-5b1f0d3e-8c1a-4f0e-9a57-0f4c2d1e9b21") @PathParam("id") String id) {
        return experiments.withdraw(id);
    }

    /** Checks every field, naming each bad one. */
    static Experiments.Measurement measurement(Body b) {
        Violations v = new Violations();
        if (b.channel() == null || b.channel().isBlank()) {
            v.add("channel", "is required");
        } else if (Channel.fromWireName(b.channel()).isEmpty()) {
            v.add("channel", "must be one of " + String.join(", ", Arrays.stream(Channel.values())
                    .map(Channel::wireName).toList()));
        }
        if (b.from() == null) {
            v.add("from", "is required");
        } else if (!QueryValues.allowed(b.from())) {
            v.add("from", QueryValues.DATE_REASON);
        }
        if (b.to() == null) {
            v.add("to", "is required");
        } else if (!QueryValues.allowed(b.to())) {
            v.add("to", QueryValues.DATE_REASON);
        } else if (b.from() != null && b.to().isBefore(b.from())) {
            v.add("to", "must not be before from");
        }
        if (b.design() == null || !Experiments.DESIGNS.contains(b.design())) {
            v.add("design", "must be one of " + String.join(", ", Experiments.DESIGNS));
        }
        lift(v, "lift", b.lift());
        lift(v, "liftLow", b.liftLow());
        lift(v, "liftHigh", b.liftHigh());
        if (b.lift() != null && b.liftLow() != null && b.liftLow().compareTo(b.lift()) > 0) {
            v.add("liftLow", "must not be above lift");
        }
        if (b.lift() != null && b.liftHigh() != null && b.liftHigh().compareTo(b.lift()) < 0) {
            v.add("liftHigh", "must not be below lift");
        }
        BigDecimal level = b.level() == null ? new BigDecimal("0.9") : b.level().stripTrailingZeros();
        if (!Experiments.LEVELS.containsKey(level)) {
            v.add("level", "must be one of 0.8, 0.9, 0.95, 0.99");
        }
        if (b.note() != null && b.note().length() > 2000) {
            v.add("note", "must be at most 2000 characters");
        }
        v.throwIfAny();
        return new Experiments.Measurement(b.channel(), b.from(), b.to(), b.design(), b.lift(), b.liftLow(),
                b.liftHigh(), level, b.note() == null || b.note().isBlank() ? null : b.note().strip());
    }

    private static void lift(Violations v, String field, BigDecimal value) {
        if (value == null) {
            v.add(field, "is required");
        } else if (value.compareTo(MIN_LIFT) <= 0 || value.compareTo(MAX_LIFT) > 0) {
            v.add(field, "must be above -1 and at most 100");
        } else if (value.scale() > 6 || value.precision() - value.scale() > 6) {
            v.add(field, "must have at most 6 decimals");
        }
    }
}

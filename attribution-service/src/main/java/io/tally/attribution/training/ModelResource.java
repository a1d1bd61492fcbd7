package io.tally.attribution.training;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.attribution.ledger.ModelCatalogue;
import io.tally.attribution.models.datadriven.MarkovModel;
import io.tally.attribution.rest.QueryDates;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;
import io.tally.support.problem.ProblemException;

/** Which attribution models exist, which credit live conversions, and the trained versions of the data-driven ones. */
@Path("/api/v1/attribution/models")
@Tag(name = "Models", description = "Attribution models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /** The models of this release, and those crediting live conversions. */
    public record Models(List<String> known, List<String> enabled, List<String> dataDriven) {
    }

    @Inject
    ModelCatalogue catalogue;
    @Inject
    ModelTrainingService training;

    @GET
    @Operation(summary = "List attribution models", description = """
            `known` lists every model this release can credit with; `enabled` those that credit each incoming \
            conversion (configuration key tally.attribution.models); `dataDriven` the models that learn their \
            channel weights from journeys and credit once trained.""")
    @APIResponse(responseCode = "200", description = "The models", content = @Content(examples = @ExampleObject(name = "models", value = """
            {"known":["first_touch","last_touch","last_non_direct","linear","time_decay","position_based","j_curve",
                     "inverse_j","custom","markov","shapley","incremental"],
             "enabled":["first_touch","last_touch","last_non_direct","linear","markov","incremental"],
             "dataDriven":["markov","shapley","incremental"]}""")))
    public Models list() {
        return new Models(catalogue.ledgerModels(), catalogue.enabledModels(), TrainedModels.NAMES);
    }

    @POST
    @Path("/{model}/train")
    @Operation(summary = "Train a data-driven model", description = """
            Fits `markov` (at `order`, by default the deployment's tally.attribution.markov-order; a programme may             credit with another order, and the daily retraining trains every order in use), `shapley` exactly, or \
            `incremental` (a latent-intent model of exposure and conversion fitted by maximum likelihood; its \
            credit is each state's expected incremental conversions, and the channels of \
            tally.attribution.intent-signals, by default `direct`, only signal intent and earn nothing) to the journeys that \
            ended between `from` and `to` (whole UTC days, at most 366): converting journeys are a conversion's \
            eligible touches within the default lookback after the profile's previous conversion; touches no \
            conversion claims are non-converting journeys. The version is named by model, parameters, window and \
            the SHA-256 fingerprint of the path statistics, so the same data always gives the same version. The \
            newest version credits new conversions, and the window's conversions the model has not credited yet \
            are credited at once; credit posted under older versions is never rewritten. Retraining runs daily \
            too (tally.attribution.training.cron).""")
    @APIResponse(responseCode = "200", description = "The trained version and how many conversions it credited", content = @Content(schema = @Schema(implementation = ModelTrainingService.Training.class), examples = @ExampleObject(name = "markov", value = """
            {"version":{"version":"markov@order1:2026-10-23..2026-11-21:3f2a9c1b7d4e","model":"markov",
              "parameters":"order1","from":"2026-10-23","to":"2026-11-21","lookbackDays":30,
              "dataHash":"3f2a9c1b7d4e…","journeys":12840,"conversions":512,
              "weights":{"email":"0.31","paid_social":"0.42","organic_search":"0.27"},
              "details":{"conversionProbability":0.0399,"removalEffects":{"email":0.52,"paid_social":0.71,
                "organic_search":0.46}},"trainedAt":"2026-11-22T02:30:04.118Z"},"credited":37}""")))
    @APIResponse(responseCode = "400", description = "Unknown model or bad window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No converting journey in the window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelTrainingService.Training train(
            @Parameter(description = "markov, shapley or incremental", example = "markov") @PathParam("model") String model,
            @Parameter(description = "First day of the window (UTC)", example = "2026-10-23", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last day of the window (UTC)", example = "2026-11-21", required = true) @QueryParam("to") String to,
            @Parameter(description = "markov only: the chain's memory, 1, 2 or 3 (default: the deployment's order)", example = "2") @QueryParam("order") String order) {
        Violations v = new Violations();
        LocalDate first = QueryDates.required(v, "from", from);
        LocalDate last = QueryDates.required(v, "to", to);
        Integer markovOrder = QueryValues.integer(v, "order", order, 1, 1, 3);
        if (!TrainedModels.NAMES.contains(model)) {
            v.add("model", "must be one of " + String.join(", ", TrainedModels.NAMES));
        } else if (order != null && !MarkovModel.NAME.equals(model)) {
            v.add("order", "only markov has an order");
        }
        v.throwIfAny();
        return training.train(model, first, last, order == null ? null : markovOrder);
    }

    @GET
    @Path("/{model}/versions")
    @Operation(summary = "List a data-driven model's trained versions", description = """
            Newest first; the first one credits new conversions. Each names its training window, parameters and \
            data fingerprint, with the channel weights and what else the fit reported (Markov: conversion \
            probability and removal effects; Shapley: values and pairwise interaction indices; incremental: the \
            recency base, intercept, intent weight, lifts, intent slopes and expected incremental conversions per \
            state).""")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "versions", value = """
            [{"version":"markov@order1:2026-10-23..2026-11-21:3f2a9c1b7d4e","model":"markov",
              "parameters":"order1","from":"2026-10-23","to":"2026-11-21","lookbackDays":30,
              "dataHash":"3f2a9c1b7d4e…","journeys":12840,"conversions":512,
              "weights":{"email":"0.31","paid_social":"0.42","organic_search":"0.27"},
              "details":{"conversionProbability":0.0399,"removalEffects":{"email":0.52,"paid_social":0.71,
                "organic_search":0.46}},"trainedAt":"2026-11-22T02:30:04.118Z"}]""")))
    @APIResponse(responseCode = "400", description = "Unknown model", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ModelTrainingService.Version> versions(
            @Parameter(description = "markov, shapley or incremental", example = "shapley") @PathParam("model") String model) {
        if (!TrainedModels.NAMES.contains(model)) {
            throw ProblemException.invalid("model", "must be one of " + String.join(", ", TrainedModels.NAMES));
        }
        return training.versions(model);
    }
}

/**
 * Data-driven attribution: models fitted to the path statistics of converting and non-converting journeys, then
 * applied to each conversion.
 *
 * <p>
 * <b>Input.</b> A {@link io.tally.attribution.models.datadriven.PathStat} row is a path of channel names (one per
 * touch, in time order), the journeys with that path that converted, their value, and the journeys that did not
 * (nulls). Counts may be fractional, never negative. The models work on channel names, not on
 * {@code io.tally.events.Channel}, so they also evaluate exported path files; for Tally's own journeys the names are
 * the channels' wire names ({@code paid_social}). Rows with no journeys are ignored; an empty path counts in the
 * Markov start→conversion / start→null baseline and credits no channel (Shapley leaves it out).
 *
 * <p>
 * <b>{@link io.tally.attribution.models.datadriven.MarkovModel}</b> (order 1, 2 or 3) estimates an absorbing chain
 * ({@link io.tally.attribution.models.datadriven.MarkovChain}: states are the last ≤ k channels, repeats collapsed,
 * the start is the empty sequence), solves P(conversion) exactly by Gaussian elimination on (I − Q), and credits each
 * channel by its removal effect 1 − P₋c / P. Deterministic: same rows, in any order, give identical results.
 *
 * <p>
 * <b>{@link io.tally.attribution.models.datadriven.ShapleyModel}</b> gives Shapley values of the game v(S) =
 * conversion rate of the journeys whose channel set lies in S, exact up to 15 channels and estimated by seeded
 * permutation sampling with standard errors above, plus the Shapley interaction index of every pair of channels
 * (synergy when positive).
 *
 * <p>
 * <b>Applying.</b> Each result's {@code weights()} go through
 * {@link io.tally.attribution.models.datadriven.TouchWeights#perTouch} to per-touch weights for one journey, which
 * {@code LargestRemainder} / {@code CreditSplitter} turn into credits that sum exactly to the revenue.
 */
package io.tally.attribution.models.datadriven;

import io.tally.attribution.models.CreditSplitter;
import io.tally.attribution.models.LargestRemainder;

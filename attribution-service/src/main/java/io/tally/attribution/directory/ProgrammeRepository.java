package io.tally.attribution.directory;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Programmes known from {@code CampaignChanged}. */
@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<ProgrammeEntity, UUID> {
}

package io.tally.campaign.programmes;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Programmes by id and in creation order. */
@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, UUID> {
}

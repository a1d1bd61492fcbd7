package io.tally.connectors.offline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of offline CSV imports ({@code POST /api/v1/imports/offline}), under {@code tally.connectors.offline}. */
@ConfigMapping(prefix = "tally.connectors.offline")
public interface OfflineConfig {

    /** The largest upload, in bytes, header included; a larger one is answered 413 and nothing is kept (default 2 GiB). */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** The longest header row, in bytes; a longer first line is answered 422 before the rest of the body is read. */
    @WithDefault("65536")
    int maxHeaderBytes();

    /** How many data rows go through the ingest pipeline (one publish, one counter update) at a time. */
    @WithDefault("1000")
    int chunkSize();

    /** How many imports are processed at the same time on one instance; further jobs wait as {@code queued}. */
    @WithDefault("2")
    int workers();

    /** Where uploads are spooled until processed (deleted afterwards); the JVM temp directory when unset. */
    Optional<Path> spoolDirectory();

    /** How often an instance confirms that it still holds its queued and running jobs. */
    @WithDefault("30s")
    Duration heartbeatInterval();

    /**
     * A queued or running job whose instance has not confirmed it for this long (the instance stopped) is marked
     * {@code failed}; uploading the file again is safe, as already published rows are deduplicated.
     */
    @WithDefault("5M")
    Duration staleAfter();

    /**
     * The channel of offline contacts by type ({@code type-channels.webinar=events}), before the defaults of
     * {@code OfflineChannels}; a type neither names is {@code offline}.
     */
    Map<String, String> typeChannels();
}

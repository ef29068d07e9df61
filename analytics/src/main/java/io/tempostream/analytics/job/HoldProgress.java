package io.tempostream.analytics.job;

/**
 * A hold under way on one device, for the athlete's live hold timer: held for {@code heldMs} since
 * {@code sinceMs} (sensor time), reported about once a second while it lasts and once more,
 * {@code active} false, when it has ended. The hold's exact length arrives with its rep or hold.
 */
public record HoldProgress(String athleteId, String deviceId, long sinceMs, long heldMs, boolean active) {
}

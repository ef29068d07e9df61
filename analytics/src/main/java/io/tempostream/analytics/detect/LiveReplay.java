package io.tempostream.analytics.detect;

import io.tempostream.ingest.recording.Recording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A recording fed to a detector sample by sample, in order, as the job feeds a device's batches,
 * noting when each rep was known: the time of the sample on whose arrival the final rep came out,
 * and of the one on which it was first offered provisional ({@link RepDetector#pendingRep()}). What
 * the athlete waits for is that, less nothing but transport.
 */
public final class LiveReplay {
    /**
     * A rep and when it was known.
     *
     * @param reportedAtMs    the sample time the final rep came out on; at the end of the
     *                        recording ({@code atEnd}) the last sample's time plus {@link RepDetector#CLOSE_AT_END_MS}
     * @param provisionalAtMs the sample time it was first offered provisional, if it was
     * @param atEnd           only the end of the recording closed it: no sample let the engine report it
     */
    public record TimedRep(Rep rep, long reportedAtMs, OptionalLong provisionalAtMs, boolean atEnd) {
        /** The first time the athlete could hear of the rep, provisional or final. */
        public long firstKnownAtMs() {
            return Math.min(reportedAtMs, provisionalAtMs.orElse(Long.MAX_VALUE));
        }
    }

    /** What a replay reported, and the provisional reps that no final rep confirmed (by start time). */
    public record Result(List<TimedRep> reps, List<Long> unconfirmedStartsMs) {
    }

    private LiveReplay() {
    }

    public static Result replay(RepDetector detector, Recording r) {
        List<Rep> finals = new ArrayList<>();
        List<Long> finalAt = new ArrayList<>();
        Map<Long, Long> offeredAt = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            long now = r.timestampsMs()[i];
            detector.accept(now, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], rep -> {
                finals.add(rep);
                finalAt.add(now);
            });
            Rep pending = detector.pendingRep();
            if (pending != null) {
                offeredAt.putIfAbsent(pending.startMs(), now);
            }
        }
        int beforeEnd = finals.size();
        if (r.size() > 0) {
            long end = r.timestampsMs()[r.size() - 1] + RepDetector.CLOSE_AT_END_MS;
            detector.advanceTo(end, rep -> {
                finals.add(rep);
                finalAt.add(end);
            });
        }
        List<TimedRep> timed = new ArrayList<>();
        for (int k = 0; k < finals.size(); k++) {
            Rep rep = finals.get(k);
            Long offered = offeredAt.remove(rep.startMs());
            timed.add(new TimedRep(rep, finalAt.get(k), offered == null ? OptionalLong.empty() : OptionalLong.of(offered),
                    k >= beforeEnd));
        }
        return new Result(timed, offeredAt.keySet().stream().sorted().toList());
    }
}

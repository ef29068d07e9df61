package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.training.AthleteProfiles;
import io.tempostream.analytics.training.AthleteSessions;
import io.tempostream.analytics.training.AthleteTraining;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.ingest.ExerciseSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the training analytics of one athlete (key: athlete id) over their sensors' reps and
 * exercise selections ({@link AthleteTraining}): analysed reps and sets as they come, sessions
 * and weeks once event time shows a session has ended. When the athlete's sensors have all gone
 * quiet the watermark stops, so a session also ends after the same gap of wall-clock time.
 *
 * <p>Reps come as soon as the detector has them, ahead of the watermark, while a selection comes
 * by another path. So a rep that opens a set, whose exercise it fixes, waits until the watermark
 * shows the device's selections up to its start have arrived (live, the watermark is past it
 * already); reps behind it wait with it, to keep their order. A provisional rep that would have
 * to wait is dropped: its final self follows.
 */
public final class TrainingFromReps extends KeyedCoProcessFunction<String, Rep, ExerciseSelection, TrainingRecord> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingFromReps.class);
    /** An athlete silent for this long (wall clock) is forgotten; their sessions were written long before. */
    static final Duration ATHLETE_STATE_TTL = Duration.ofDays(21);
    /** Reps wait no longer than this (wall clock) for selections: a stalled watermark must not hold feedback back. */
    static final long SELECTIONS_WAIT_AT_MOST_MS = 5_000;

    private final AthleteProfiles profiles;
    private transient ValueState<AthleteTraining> training;
    private transient ValueState<Long> lastRepWallMs;
    private transient ListState<Rep> waitingReps;
    /** When the reps now waiting started to (wall clock), or empty if none wait. */
    private transient ValueState<Long> waitingSinceWallMs;
    private transient Counter selectionsDropped;

    public TrainingFromReps(AthleteProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void open(OpenContext context) {
        training = getRuntimeContext().getState(ExpiringState.expiring(
                new ValueStateDescriptor<>("athlete-training", TypeInformation.of(AthleteTraining.class)), ATHLETE_STATE_TTL));
        ValueStateDescriptor<Long> wallDescriptor = ExpiringState.expiring(
                new ValueStateDescriptor<>("last-rep-wall-ms", Long.class), ATHLETE_STATE_TTL);
        lastRepWallMs = getRuntimeContext().getState(wallDescriptor);
        waitingReps = getRuntimeContext().getListState(
                new ListStateDescriptor<>("reps-waiting-for-selections", TypeInformation.of(Rep.class)));
        waitingSinceWallMs = getRuntimeContext().getState(new ValueStateDescriptor<>("reps-waiting-since-wall-ms", Long.class));
        selectionsDropped = getRuntimeContext().getMetricGroup().counter("exerciseSelectionsDropped");
    }

    @Override
    public void processElement1(Rep rep, Context ctx, Collector<TrainingRecord> out) throws Exception {
        AthleteTraining athlete = current();
        long now = ctx.timerService().currentProcessingTime();
        lastRepWallMs.update(now);
        // Whole minutes: one timer per athlete and minute however many reps come.
        ctx.timerService().registerProcessingTimeTimer((now + AthleteSessions.SESSION_GAP_MS) / 60_000 * 60_000 + 60_000);
        long needed = athlete.selectionsNeededUntilMs(rep);
        boolean othersWait = waitingSinceWallMs.value() != null;
        if (othersWait || needed > ctx.timerService().currentWatermark()) {
            if (rep.provisional()) {
                // Only a preview, and its final self follows: queued, it would hold back the final
                // reps behind it (provisional reps travel apart and can run far ahead of them).
                return;
            }
            waitingReps.add(rep);
            if (needed != Long.MIN_VALUE) {
                ctx.timerService().registerEventTimeTimer(needed);
            }
            if (!othersWait) {
                waitingSinceWallMs.update(now);
                ctx.timerService().registerProcessingTimeTimer(now + SELECTIONS_WAIT_AT_MOST_MS);
            }
            training.update(athlete);
            return;
        }
        analyse(athlete, rep, ctx, out);
        training.update(athlete);
    }

    private void analyse(AthleteTraining athlete, Rep rep, Context ctx, Collector<TrainingRecord> out) {
        athlete.accept(rep, profiles.forAthlete(rep.athleteId()), out::collect);
        if (athlete.nextCloseMs() != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(athlete.nextCloseMs());
        }
    }

    /**
     * Analyses the waiting reps, in order, up to the first that still needs selections later than
     * {@code selectionsUntilMs}; all of them when {@code all}.
     */
    private void releaseWaiting(AthleteTraining athlete, long selectionsUntilMs, boolean all, Context ctx,
            Collector<TrainingRecord> out) throws Exception {
        if (waitingSinceWallMs.value() == null) {
            return;
        }
        List<Rep> reps = new ArrayList<>();
        waitingReps.get().forEach(reps::add);
        int released = 0;
        while (released < reps.size() && (all || athlete.selectionsNeededUntilMs(reps.get(released)) <= selectionsUntilMs)) {
            analyse(athlete, reps.get(released++), ctx, out);
        }
        if (released == reps.size()) {
            waitingReps.clear();
            waitingSinceWallMs.clear();
        } else if (released > 0) {
            waitingReps.update(new ArrayList<>(reps.subList(released, reps.size())));
            long now = ctx.timerService().currentProcessingTime();
            waitingSinceWallMs.update(now);
            ctx.timerService().registerProcessingTimeTimer(now + SELECTIONS_WAIT_AT_MOST_MS);
        }
    }

    @Override
    public void processElement2(ExerciseSelection selection, Context ctx, Collector<TrainingRecord> out) throws Exception {
        AthleteTraining athlete = current();
        if (!athlete.select(selection)) {
            // A login sending selections far ahead of its reps: bounded, and said so.
            if (selectionsDropped.getCount() % 1_000 == 0) {
                LOG.warn("athlete {} device {}: too many exercise selections ahead of its reps, the furthest dropped"
                        + " ({} dropped by this task so far)", selection.athleteId(), selection.deviceId(),
                        selectionsDropped.getCount() + 1);
            }
            selectionsDropped.inc();
        }
        training.update(athlete);
    }

    /** Exercise selections dropped because a device had too many ahead of its reps. */
    long selectionsDropped() {
        return selectionsDropped.getCount();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrainingRecord> out) throws Exception {
        AthleteTraining athlete = training.value();
        if (athlete == null) {
            return;
        }
        String athleteId = ctx.getCurrentKey();
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            releaseWaiting(athlete, timestamp, false, ctx, out);
            athlete.advanceTo(timestamp, profiles.forAthlete(athleteId), out::collect);
        } else {
            Long waitingSince = waitingSinceWallMs.value();
            if (waitingSince != null && timestamp - waitingSince >= SELECTIONS_WAIT_AT_MOST_MS) {
                releaseWaiting(athlete, Long.MAX_VALUE, true, ctx, out);
            }
            Long last = lastRepWallMs.value();
            if (last != null && timestamp - last >= AthleteSessions.SESSION_GAP_MS && athlete.nextCloseMs() != Long.MAX_VALUE) {
                athlete.advanceTo(athlete.nextCloseMs(), profiles.forAthlete(athleteId), out::collect);
            }
        }
        training.update(athlete);
    }

    private AthleteTraining current() throws Exception {
        AthleteTraining athlete = training.value();
        return athlete == null ? new AthleteTraining() : athlete;
    }
}

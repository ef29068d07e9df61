package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.training.AthleteProfiles;
import io.tempostream.analytics.training.AthleteSessions;
import io.tempostream.analytics.training.AthleteTraining;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.ingest.ExerciseSelection;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs the training analytics of one athlete (key: athlete id) over their sensors' reps and
 * exercise selections ({@link AthleteTraining}): analysed reps and sets as they come, sessions
 * and weeks once event time shows a session has ended. When the athlete's sensors have all gone
 * quiet the watermark stops, so a session also ends after the same gap of wall-clock time.
 */
public final class TrainingFromReps extends KeyedCoProcessFunction<String, Rep, ExerciseSelection, TrainingRecord> {
    /** An athlete silent for this long (wall clock) is forgotten; their sessions were written long before. */
    static final Duration ATHLETE_STATE_TTL = Duration.ofDays(21);

    private final AthleteProfiles profiles;
    private transient ValueState<AthleteTraining> training;
    private transient ValueState<Long> lastRepWallMs;

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
    }

    @Override
    public void processElement1(Rep rep, Context ctx, Collector<TrainingRecord> out) throws Exception {
        AthleteTraining athlete = current();
        athlete.accept(rep, profiles.forAthlete(rep.athleteId()), out::collect);
        training.update(athlete);
        if (athlete.nextCloseMs() != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(athlete.nextCloseMs());
        }
        long now = ctx.timerService().currentProcessingTime();
        lastRepWallMs.update(now);
        // Whole minutes: one timer per athlete and minute however many reps come.
        ctx.timerService().registerProcessingTimeTimer((now + AthleteSessions.SESSION_GAP_MS) / 60_000 * 60_000 + 60_000);
    }

    @Override
    public void processElement2(ExerciseSelection selection, Context ctx, Collector<TrainingRecord> out) throws Exception {
        AthleteTraining athlete = current();
        athlete.select(selection);
        training.update(athlete);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrainingRecord> out) throws Exception {
        AthleteTraining athlete = training.value();
        if (athlete == null) {
            return;
        }
        String athleteId = ctx.getCurrentKey();
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            athlete.advanceTo(timestamp, profiles.forAthlete(athleteId), out::collect);
        } else {
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

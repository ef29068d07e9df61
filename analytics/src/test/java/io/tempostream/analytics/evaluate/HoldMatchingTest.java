package io.tempostream.analytics.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tempostream.analytics.evaluate.HoldMatching.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldMatchingTest {
    @Test
    void overlappingHoldsMatchOnceAndTheRestCount() {
        List<Span> truth = List.of(new Span(0, 1_000), new Span(5_000, 6_000), new Span(10_000, 18_000));
        List<Span> found = List.of(new Span(100, 1_100), new Span(200, 900), new Span(10_500, 17_000), new Span(30_000, 31_000));
        HoldMatching.Score score = HoldMatching.score(found, truth);
        assertEquals(new HoldMatching.Score(2, 2, 1), score, "two matched, a repeat and a stray spurious, one missed");
        assertEquals(0.5, score.precision(), 1e-12);
        assertEquals(2.0 / 3, score.recall(), 1e-12);
        assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), score.f1(), 1e-12);
    }

    @Test
    void barelyTouchingIsNoMatch() {
        assertEquals(new HoldMatching.Score(0, 1, 1),
                HoldMatching.score(List.of(new Span(900, 2_000)), List.of(new Span(0, 1_000))));
    }
}

package io.tempostream.analytics.evaluate;

import java.util.List;

/**
 * Scores found holds against true ones: a found hold matches a true hold when they overlap by at
 * least half of the shorter one; each true hold matches at most once.
 */
final class HoldMatching {
    /** A hold's span in epoch ms. */
    record Span(long startMs, long endMs) {
    }

    /** Counts of matched, spurious and missed holds, summed over sets. */
    record Score(int matched, int spurious, int missed) {
        Score plus(Score other) {
            return new Score(matched + other.matched, spurious + other.spurious, missed + other.missed);
        }

        double precision() {
            return matched + spurious == 0 ? 1 : (double) matched / (matched + spurious);
        }

        double recall() {
            return matched + missed == 0 ? 1 : (double) matched / (matched + missed);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private HoldMatching() {
    }

    static Score score(List<Span> found, List<Span> truth) {
        boolean[] used = new boolean[truth.size()];
        int matched = 0;
        for (Span f : found) {
            for (int i = 0; i < truth.size(); i++) {
                Span t = truth.get(i);
                long overlap = Math.min(f.endMs(), t.endMs()) - Math.max(f.startMs(), t.startMs());
                long shorter = Math.min(f.endMs() - f.startMs(), t.endMs() - t.startMs());
                if (!used[i] && overlap * 2 >= shorter) {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }
        return new Score(matched, found.size() - matched, truth.size() - matched);
    }
}

package io.tempostream.analytics.cli;

import io.tempostream.analytics.evaluate.EvaluateCommand;
import io.tempostream.simulator.RecordCli;
import io.tempostream.simulator.ReplayCli;
import io.tempostream.simulator.SimulatorCli;
import java.util.Arrays;

/** The {@code tempostream} command: one entry point for the demo, the job and the simulator. */
public final class TempoStreamCli {
    static final String USAGE = """
            Usage: tempostream COMMAND [flags]

            Commands:
              demo       broker + Flink job + simulator in one go; prints reps as they are detected
              run        the Flink job: MQTT in, reps to InfluxDB
              simulate   publish simulated training to an MQTT broker (and record it)
              replay     publish a recording (CSV or MetaWear export) to MQTT, real time or faster
              record     write what devices send over MQTT to recording CSVs
              evaluate   measure accuracy against ground truth (real MetaWear sets, simulated rows)
              analyze    count reps and time phases in a recording (CSV or MetaWear export), offline
              loadtest   drive N simulated devices through the broker into a running job; report
                         throughput, lag and rep-to-InfluxDB latency (docs/benchmarks.md)
              bench      JMH benchmarks of the engine, codecs and job (docs/benchmarks.md)

            Run 'tempostream COMMAND --help' for a command's flags.
            """;

    private TempoStreamCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        boolean help = Arrays.asList(rest).contains("--help");
        try {
            switch (args[0]) {
                case "demo" -> {
                    if (help) {
                        System.out.print(DemoCommand.USAGE);
                        return 0;
                    }
                    return DemoCommand.run(rest, System.out);
                }
                case "run" -> {
                    if (help) {
                        System.out.print(RunCommand.USAGE);
                        return 0;
                    }
                    return RunCommand.run(rest, System.out);
                }
                case "analyze" -> {
                    if (help) {
                        System.out.print(AnalyzeCommand.USAGE);
                        return 0;
                    }
                    return AnalyzeCommand.run(rest, System.out, System.err);
                }
                case "evaluate" -> {
                    if (help) {
                        System.out.print(EvaluateCommand.USAGE);
                        return 0;
                    }
                    return EvaluateCommand.run(rest, System.out, System.err);
                }
                case "loadtest" -> {
                    if (help) {
                        System.out.print(LoadTestCommand.USAGE);
                        return 0;
                    }
                    return LoadTestCommand.run(rest, System.out, System.err);
                }
                case "simulate" -> {
                    return SimulatorCli.run(rest);
                }
                case "replay" -> {
                    return ReplayCli.run(rest, System.err);
                }
                case "record" -> {
                    return RecordCli.run(rest, System.err);
                }
                default -> {
                    System.err.println("tempostream: unknown command '" + args[0] + "'");
                    System.err.print(USAGE);
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("tempostream " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // Expected failures (broker down, port taken) read best as one line; TEMPOSTREAM_DEBUG shows the trace.
            System.err.println("tempostream " + args[0] + ": " + e.getMessage());
            if (System.getenv("TEMPOSTREAM_DEBUG") != null) {
                e.printStackTrace();
            }
            return 1;
        }
    }
}

package io.tenderlens.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** One run of {@code tenderlens compile} in this JVM, with its exit status and both outputs. */
record CliRun(int exit, byte[] stdout, String stderr) {

    static CliRun compile(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new CompileCommand(new ByteArrayInputStream(stdin), out, errStream));
        cli.setErr(new java.io.PrintWriter(errStream, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun compile(String... args) {
        return compile(new byte[0], args);
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    List<String> lines() {
        return out().lines().toList();
    }
}

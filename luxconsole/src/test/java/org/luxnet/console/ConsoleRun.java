package org.luxnet.console;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs luxconsole in-process with captured output, as a user would from a shell. */
record ConsoleRun(int exitCode, String out, String err) {

    static ConsoleRun run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = LuxConsole.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = LuxConsole.execute(cl, args);
        return new ConsoleRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}

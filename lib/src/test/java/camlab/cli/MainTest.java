package camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a command throws becomes one line and an exit code; a stack trace only for what nobody foresaw. */
class MainTest {
  private record Outcome(int code, String err) {}

  private static Outcome run(Throwable thrown) {
    Main.Command command = new Main.Command() {
      @Override
      public String summary() {
        return "throws";
      }

      @Override
      public int run(String[] args) throws Exception {
        if (thrown instanceof Exception e) throw e;
        throw (Error) thrown;
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run("explain", command, new String[0], new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, err.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void runningOutOfMemoryIsOneLine() {
    assertEquals(new Outcome(1, "camlab explain: ran out of memory (Java heap space). Give the JVM more with CAMLAB_XMX=6g (the default is 3g),"
        + " or pass fewer or smaller images at a time."), run(new OutOfMemoryError("Java heap space")));
    assertEquals(new Outcome(1, "camlab explain: the engine ran out of memory (DefaultCPUAllocator: not enough memory: you tried to allocate"
        + " 40000000000 bytes.). Pass fewer or smaller images at a time."),
        run(new ai.djl.engine.EngineException("DefaultCPUAllocator: not enough memory: you tried to allocate 40000000000 bytes.\nException raised from ...")));
  }

  @Test
  void aWriteThatFailsIsExitCode1AndBadInputExitCode2() {
    assertEquals(1, run(new camlab.util.AtomicFile.WriteFailedException("Could not write x (No space left on device); ...", new java.io.IOException())).code());
    assertEquals(2, run(new java.io.IOException("x.npy is truncated: ...")).code());
    Outcome bug = run(new NullPointerException("a bug"));
    assertEquals(1, bug.code());
    assertEquals("camlab explain failed: java.lang.NullPointerException: a bug", bug.err().lines().findFirst().orElse(""));
  }
}

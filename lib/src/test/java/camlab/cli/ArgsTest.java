package camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes on the command line, for every command: each is refused in one line that says what was wrong, with exit
 * code 2, before any data is read, any model loaded or trained, or any file written.
 */
class ArgsTest {
  @TempDir Path tmp;

  private static void refused(String expected, String... argv) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(argv, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(2, code, message);
    assertEquals("camlab " + argv[0] + ": " + expected, message);
  }

  @Test
  void everyCommandRefusesAStrayArgument() {
    for (String command : new String[] {"data", "demo", "explain", "train", "eval", "bench"}) {
      refused("Unexpected argument 'stray' for '" + command + "': every argument is an option that starts with --. ./camlab help lists them.",
          command, "stray");
    }
    refused("Unexpected argument 'gap-cnn' for 'train': every argument is an option that starts with --. ./camlab help lists them.",
        "train", "gap-cnn");
  }

  @Test
  void optionsWithoutTheirValueOrGivenTwiceAreRefused() {
    refused("--method needs a value, but is followed by the option --input.", "explain", "--model", "gap-cnn", "--method", "--input", "x.npy");
    refused("--model needs a value.", "train", "--model");
    refused("--out needs a value; got an empty one.", "explain", "--model", "gap-cnn", "--input", "x.npy", "--out", "");
    refused("--out is given twice ('a.npy', then 'b.npy'); give it once.", "explain", "--out", "a.npy", "--out", "b.npy");
    refused("--model is given twice ('gap-cnn', then 'acol'); give it once.", "train", "--model=gap-cnn", "--model=acol");
    refused("--input-shape is for --features/--head models; a course model (--model) knows its input shape.", "explain", "--model",
        "gap-cnn", "--image", "a.png", "--input-shape", "1,64,64");
  }

  @Test
  void valuesOutOfRangeAreRefusedWithTheRange() {
    refused("--examples must be from 0 to 10000; got -3.", "demo", "--examples", "-3");
    refused("--examples must be from 0 to 10000; got 99999999999.", "demo", "--examples", "99999999999");
    refused("--examples must be a whole number from 0 to 10000; got 'many'.", "demo", "--examples", "many");
    refused("--batch must be from 1 to 1024; got 100000.", "eval", "--batch", "100000");
    refused("--input-shape is C,H,W, three sizes of at least 1 (e.g. 3,224,224); got '0,32,32'.", "explain", "--features", "f.pt", "--head",
        "h.pt", "--image", "a.png", "--input-shape", "0,32,32");
    refused("--batches takes sizes from 1 to 256; got 4096 (the feature maps of a ResNet-18 batch of 4096 images add up to about 40.00 GB).",
        "bench", "--batches", "1,4096");
  }

  @Test
  void outputsThatCannotBeWrittenAreRefusedBeforeAnyWork() throws Exception {
    Path afile = Files.writeString(tmp.resolve("afile"), "in the way");
    Path cache = Files.createDirectory(tmp.resolve("cache"));
    String previous = System.getProperty("camlab.cache");
    System.setProperty("camlab.cache", cache.toString());
    try {
      refused("--json: Cannot write " + afile.resolve("eval.json") + ": " + afile + " is a file, not a folder. Choose a location you can write to.",
          "eval", "--model", "gap-cnn", "--json", afile.resolve("eval.json").toString());
      refused("--json and --markdown both name " + tmp.resolve("r.json") + "; give them different files.",
          "eval", "--json", tmp.resolve("r.json").toString(), "--markdown", tmp.resolve("r.json").toString());
      refused("--out: Cannot write " + afile.resolve("demo/index.html") + ": " + afile + " is a file, not a folder. Choose a location you can write to.",
          "demo", "--out", afile.resolve("demo").toString());
      refused("--json: Cannot write " + afile.resolve("b.json") + ": " + afile + " is a file, not a folder. Choose a location you can write to.",
          "bench", "--json", afile.resolve("b.json").toString());
      try (var files = Files.list(cache)) {
        assertTrue(files.findAny().isEmpty(), "no model was trained");
      }
    } finally {
      if (previous == null) System.clearProperty("camlab.cache");
      else System.setProperty("camlab.cache", previous);
    }
  }
}

package camlab.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code %jars GLOB...}: adds the jar files matching each glob, or all jars of a folder. */
public final class JarsMagic implements LineMagic {
  @Override
  public String name() {
    return "jars";
  }

  @Override
  public String usage() {
    return "%jars GLOB... — add the jars matching each glob (e.g. lib/*.jar), or every jar in a folder";
  }

  @Override
  public void run(List<String> args, MagicContext ctx) throws Exception {
    if (args.isEmpty()) throw new MagicError("%jars needs at least one jar, folder or glob, e.g. %jars lib/*.jar");
    List<Path> added = new ArrayList<>();
    for (String arg : args) {
      List<Path> jars = new ArrayList<>();
      for (Path p : PathGlobs.expand(arg, ctx.workingDirectory())) {
        if (Files.isDirectory(p)) {
          jars.addAll(jarsIn(p));
        } else if (p.getFileName().toString().endsWith(".jar")) {
          jars.add(p);
        }
      }
      if (jars.isEmpty()) {
        throw new MagicError("%jars: no jar file matches '" + arg + "' (relative paths start at " + ctx.workingDirectory() + ").");
      }
      for (Path jar : jars) {
        ctx.addToClasspath(jar);
        added.add(jar);
      }
    }
    System.out.println("Added " + added.size() + (added.size() == 1 ? " jar: " : " jars: ")
        + String.join(", ", added.stream().map(p -> p.getFileName().toString()).toList()));
  }

  private static List<Path> jarsIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }
}

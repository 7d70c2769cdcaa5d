package camlab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.eval.Ansi;
import camlab.kernel.eval.SourceOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The magics against a recording context: no JShell needed. */
class MagicsTest {
  @TempDir
  Path dir;

  private final List<String> ran = new ArrayList<>();
  private final List<Path> added = new ArrayList<>();
  private final Magics magics = new Magics(new ClasspathMagic(), new JarsMagic(), new LoadMagic(), new MavenMagic());

  private final MagicContext ctx = new MagicContext() {
    @Override
    public Path workingDirectory() {
      return dir;
    }

    @Override
    public void addToClasspath(Path entry) {
      added.add(entry);
    }

    @Override
    public List<Path> classpath() {
      return List.of(Path.of("/repo/lib/api-0.36.0.jar"), Path.of("/repo/lib/slf4j-api-2.0.17.jar"));
    }

    @Override
    public void runCell(String cell, SourceOrigin origin) {
      ran.add(origin.describe(7) + ": " + cell);
    }

    @Override
    public int executionCount() {
      return 7;
    }
  };

  @Test
  void unknownMagicsListTheKnownOnes() {
    MagicError e = assertThrows(MagicError.class, () -> magics.run("%timeit 1+1", ctx, "line 2 of this cell"));
    assertEquals("%timeit is not a magic of this kernel. Known magics: %classpath, %jars, %load, %maven. (A line that"
        + " starts with % in its first column is a magic; so is %name after '=' in a declaration.) (line 2 of this cell)", e.getMessage());
    assertTrue(Ansi.strip(String.join("\n", e.traceback())).contains("at line 2 of this cell:   %timeit 1+1"));
    MagicError cell = assertThrows(MagicError.class, () -> magics.run("%%bash", ctx, "line 1 of this cell"));
    assertTrue(cell.getMessage().startsWith("%%bash: cell magics (%%name) are not supported"));
  }

  @Test
  void loadRunsScriptsAndNotebookCodeCellsInOrder() throws Exception {
    Files.writeString(dir.resolve("helper.jsh"), "int helper() { return 41; }");
    Files.writeString(dir.resolve("setup.ipynb"), """
        {"cells": [
          {"cell_type": "markdown", "source": ["# Setup"]},
          {"cell_type": "code", "source": ["int a = 1;\\n", "int b = 2;"], "outputs": []},
          {"cell_type": "code", "source": "%jars lib", "outputs": []}
        ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");
    magics.run("%load helper setup.ipynb", ctx, "line 1 of this cell");
    assertEquals(List.of(
        "helper.jsh: int helper() { return 41; }",
        "setup.ipynb (code cell 1): int a = 1;\nint b = 2;",
        "setup.ipynb (code cell 2): %jars lib"), ran);
  }

  @Test
  void loadSaysWhereItLookedForAMissingFile() {
    MagicError e = assertThrows(MagicError.class, () -> magics.run("%load nothere", ctx, "line 1 of this cell"));
    assertTrue(e.getMessage().contains("there is no file " + dir.resolve("nothere") + " (also tried .jsh, .jshell, .java, .ipynb)"),
        e.getMessage());
  }

  @Test
  void javaFilesLoseTheirPackageDeclarationButKeepTheirLines() {
    String src = "// header\npackage demo.util;\n\npublic class A {}\n";
    String loaded = LoadMagic.withoutPackage(src);
    assertEquals(src.length(), loaded.length());
    assertEquals("// header\n                  \n\npublic class A {}\n", loaded);
    assertEquals("class B { String p = \"package x;\"; }", LoadMagic.withoutPackage("class B { String p = \"package x;\"; }"));
  }

  @Test
  void jarsAddsMatchingJarsAndFolderContents() throws Exception {
    Files.createDirectories(dir.resolve("lib/sub"));
    for (String f : List.of("lib/a.jar", "lib/b.jar", "lib/notes.txt", "lib/sub/c.jar")) Files.writeString(dir.resolve(f), "");
    magics.run("%jars lib/*.jar", ctx, "line 1 of this cell");
    assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar")), added);
    added.clear();
    magics.run("%jars lib/sub", ctx, "line 1 of this cell");
    assertEquals(List.of(dir.resolve("lib/sub/c.jar")), added);
    added.clear();
    magics.run("%jars lib/**.jar", ctx, "line 1 of this cell");
    assertEquals(3, added.size(), "** crosses folders");
    MagicError none = assertThrows(MagicError.class, () -> magics.run("%jars nope/*.jar", ctx, "line 3 of this cell"));
    assertTrue(none.getMessage().startsWith("%jars: no jar file matches 'nope/*.jar'"), none.getMessage());
  }

  @Test
  void classpathAddsFoldersAndFilesAndRejectsMissingOnes() throws Exception {
    Files.createDirectories(dir.resolve("classes"));
    magics.run("%classpath classes", ctx, "line 1 of this cell");
    assertEquals(List.of(dir.resolve("classes")), added);
    MagicError e = assertThrows(MagicError.class, () -> magics.run("%classpath missing/", ctx, "line 1 of this cell"));
    assertTrue(e.getMessage().startsWith("%classpath: nothing matches 'missing/'"));
  }
}

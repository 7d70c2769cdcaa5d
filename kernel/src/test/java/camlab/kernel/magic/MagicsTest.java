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
  private final List<Path> kernelClasspath = new ArrayList<>(List.of(Path.of("/repo/lib/api-0.36.0.jar"),
      Path.of("/repo/lib/slf4j-api-2.0.17.jar")));

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
      List<Path> all = new ArrayList<>(kernelClasspath);
      all.addAll(added);
      return all;
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
    for (String f : List.of("lib/a.jar", "lib/b.jar", "lib/sub/c.jar")) emptyJar(dir.resolve(f));
    Files.writeString(dir.resolve("lib/notes.txt"), "");
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

  /** A POM in the fake local repository {@code dir/m2}, and its jar unless {@code jar} is false. */
  private Path artifact(String group, String artifact, String version, String body, boolean jar) throws Exception {
    Path folder = dir.resolve("m2").resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(artifact + "-" + version + ".pom"), "<project><modelVersion>4.0.0</modelVersion>"
        + "<groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version + "</version>"
        + body + "</project>");
    Path file = folder.resolve(artifact + "-" + version + ".jar");
    if (jar) emptyJar(file);
    return file;
  }

  private static String dependency(String group, String artifact, String version, String extra) {
    return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId>"
        + (version == null ? "" : "<version>" + version + "</version>") + extra + "</dependency>";
  }

  @Test
  void mavenResolvesTransitiveDependenciesFromTheLocalRepositoryAsMavenWould() throws Exception {
    // demo:app depends on demo:lib (version from its parent's dependencyManagement, via a property), demo:rt at runtime,
    // and, not for the class path, a test-scope, a provided and an optional dependency; demo:lib depends on
    // demo:old 1.0 excluded by app, and on demo:shared 1.0 where app itself asks for shared 2.0 (the nearer wins)
    artifact("demo", "parent", "1", "<packaging>pom</packaging><properties><lib.version>1.5</lib.version></properties>"
        + "<dependencyManagement><dependencies>" + dependency("demo", "lib", "${lib.version}", "")
        + "</dependencies></dependencyManagement>", false);
    Path app = artifact("demo", "app", "1.0", "<parent><groupId>demo</groupId><artifactId>parent</artifactId><version>1</version></parent>"
        + "<dependencies>"
        + dependency("demo", "lib", null, "<exclusions><exclusion><groupId>demo</groupId><artifactId>old</artifactId></exclusion></exclusions>")
        + dependency("demo", "shared", "2.0", "")
        + dependency("demo", "rt", "[1.0,2.0)", "<scope>runtime</scope>")
        + dependency("demo", "testing", "1.0", "<scope>test</scope>")
        + dependency("demo", "container", "1.0", "<scope>provided</scope>")
        + dependency("demo", "extra", "1.0", "<optional>true</optional>")
        + "</dependencies>", true);
    Path lib = artifact("demo", "lib", "1.5", "<dependencies>" + dependency("demo", "old", "1.0", "")
        + dependency("demo", "shared", "1.0", "") + dependency("org.slf4j", "slf4j-api", "2.0.17", "") + "</dependencies>", true);
    Path shared2 = artifact("demo", "shared", "2.0", "", true);
    artifact("demo", "shared", "1.0", "", true);
    artifact("demo", "rt", "1.2", "", true);
    Path rt19 = artifact("demo", "rt", "1.9", "", true);
    artifact("demo", "rt", "2.0", "", true);
    Magics offline = new Magics(new MavenMagic(new camlab.kernel.magic.maven.LocalRepository(dir.resolve("m2"))));
    Object value = offline.run("%maven demo:app:1.0", ctx, "line 1 of this cell");
    assertEquals(List.of(app, lib, shared2, rt19), added, "nearest version, highest in range, nothing excluded or out of scope");
    assertEquals(added.stream().map(Path::toString).toList(), value, "the value of List<String> jars = %maven ...");

    added.clear();
    artifact("demo", "needy", "1.0", "<dependencies>" + dependency("demo", "gone", "3.1", "") + dependency("demo", "nojar", "1.0", "")
        + "</dependencies>", true);
    artifact("demo", "nojar", "1.0", "", false);
    MagicError e = assertThrows(MagicError.class, () -> offline.run("%maven demo:needy:1.0", ctx, "line 2 of this cell"));
    String m2 = dir.resolve("m2").toString();
    assertTrue(e.getMessage().startsWith("%maven added nothing: 2 files it needs are missing from the local Maven repository,"
        + " and this kernel never downloads:\n"
        + "  demo:gone:3.1 (needed by demo:needy:1.0): no POM at " + m2 + "/demo/gone/3.1/gone-3.1.pom\n"
        + "  demo:nojar:1.0 (needed by demo:needy:1.0): no jar at " + m2 + "/demo/nojar/1.0/nojar-1.0.jar\n"),
        e.getMessage());
    assertTrue(added.isEmpty(), "nothing is added when anything is missing");
  }

  @Test
  void jarsWarnsAboutSeveralVersionsOfOneArtifactAndReturnsWhatItAdded() throws Exception {
    Files.createDirectories(dir.resolve("downloads"));
    for (String f : List.of("guava-30.0.jar", "guava-31.1.jar", "guava-32.1.jar", "other-1.0.jar", "api-9.9.jar")) {
      emptyJar(dir.resolve("downloads").resolve(f));
    }
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    Object value;
    try {
      value = magics.run("%jars downloads/*.jar", ctx, "line 1 of this cell");
    } finally {
      System.setErr(saved);
    }
    String warning = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(warning.contains("Warning: 3 versions of guava are now on the class path (guava-30.0.jar, guava-31.1.jar,"
        + " guava-32.1.jar). Classes come from the first jar that has them (guava-30.0.jar)"), warning);
    assertTrue(warning.contains("Warning: api was already on the class path (api-0.36.0.jar)"), warning);
    assertTrue(!warning.contains("other"), warning);
    assertEquals(5, ((List<?>) value).size());
  }

  @Test
  void magicsWithoutAValueCannotStandAfterAnEqualsSign() {
    MagicError e = assertThrows(MagicError.class, () -> magics.runForValue("%load x.jsh", ctx, "line 2 of this cell"));
    assertTrue(e.getMessage().startsWith("%load gives no value, so it cannot stand after '='. Write it on a line of its own"
        + " (magics that give a value: %classpath, %jars, %maven)."), e.getMessage());
  }

  @Test
  void aFileThatIsNotAJarIsRefusedBeforeItBreaksTheCompiler() throws Exception {
    Files.createDirectories(dir.resolve("bad"));
    Files.write(dir.resolve("bad/empty.jar"), new byte[0]);
    emptyJar(dir.resolve("bad/fine.jar"));
    MagicError e = assertThrows(MagicError.class, () -> magics.run("%jars bad/*.jar", ctx, "line 1 of this cell"));
    assertTrue(e.getMessage().startsWith("%jars: " + dir.resolve("bad/empty.jar") + " is not a readable jar ("), e.getMessage());
    assertTrue(added.isEmpty(), "nothing added");
  }

  /** A valid jar without entries. */
  static void emptyJar(Path file) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(file))) {
      out.finish();
    }
  }
}

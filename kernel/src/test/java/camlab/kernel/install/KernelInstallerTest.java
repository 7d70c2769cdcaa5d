package camlab.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camlab.kernel.KernelMain;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelInstallerTest {
  private static final List<String> LAUNCH = List.of("-jar", "/opt/course/target/course-kernel.jar");
  /** A distribution as a course builds one: its own name, display name and JVM flags. */
  private static final Distribution COURSE = new Distribution("course-java", "Java (Course)",
      Distribution.splitJvmArgs("-Djava.awt.headless=true -XX:MaxDirectMemorySize=512m -Dcourse.home=/opt/my course"), KernelMain.class);

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int install(Map<String, String> env, String... args) {
    String[] noCds = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--no-cds")).toArray(String[]::new);
    return KernelInstaller.install(noCds, COURSE, env, tmp.resolve("home"), LAUNCH, stream(out), stream(err));
  }

  private static PrintStream stream(ByteArrayOutputStream b) {
    return new PrintStream(b, true, StandardCharsets.UTF_8);
  }

  private static JsonObject spec(Path kernelDir) throws Exception {
    return JsonParser.parseString(Files.readString(kernelDir.resolve("kernel.json"))).getAsJsonObject();
  }

  @Test
  void writesAKernelSpecWithAbsolutePathsAndTheDistributionsJvmFlags() throws Exception {
    Path data = tmp.resolve("data");
    assertEquals(0, install(Map.of("JUPYTER_DATA_DIR", data.toString()), "--jvm-opt", "-Xmx3g", "--cell-timeout", "10m"));
    Path dir = data.resolve("kernels/course-java");
    JsonObject spec = spec(dir);
    List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    assertTrue(Path.of(argv.get(0)).isAbsolute() && argv.get(0).endsWith("java"), argv.get(0));
    assertEquals(List.of("-Djava.awt.headless=true", "-XX:MaxDirectMemorySize=512m", "-Dcourse.home=/opt/my course", "-Xmx3g"),
        argv.subList(1, 5), "the distribution's flags (a path with a space stays whole), then the user's, which win");
    assertEquals(List.of("-jar", "/opt/course/target/course-kernel.jar", "{connection_file}"), argv.subList(argv.size() - 3, argv.size()));
    assertEquals("Java (Course)", spec.get("display_name").getAsString());
    assertEquals("java", spec.get("language").getAsString());
    assertEquals("message", spec.get("interrupt_mode").getAsString());
    assertEquals("10m", spec.getAsJsonObject("env").get("CAMLAB_CELL_TIMEOUT").getAsString());
    assertTrue(Files.size(dir.resolve("logo-64x64.png")) > 100);
    assertTrue(Files.size(dir.resolve("logo-32x32.png")) > 100);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("jupyter kernelspec list"));
  }

  @Test
  void prefixAndNameChooseTheFolderAndUninstallRemovesIt() throws Exception {
    Path prefix = tmp.resolve("venv");
    assertEquals(0, install(Map.of(), "--prefix", prefix.toString(), "--name", "camlab-small", "--display-name", "Small"));
    Path dir = prefix.resolve("share/jupyter/kernels/camlab-small");
    assertEquals("Small", spec(dir).get("display_name").getAsString());
    var env = spec(dir).getAsJsonObject("env");
    assertFalse(env.has("CAMLAB_CELL_TIMEOUT"), "no cell timeout without --cell-timeout");
    assertEquals("PASSIVE", env.get("OMP_WAIT_POLICY").getAsString(), "OpenMP threads must not spin (see KernelSpec)");
    assertEquals(0, KernelInstaller.uninstall(new String[] {"--prefix", prefix.toString(), "--name", "camlab-small"},
        COURSE, Map.of(), tmp, stream(out), stream(err)));
    assertFalse(Files.exists(dir));
    assertEquals(1, KernelInstaller.uninstall(new String[] {"--prefix", prefix.toString(), "--name", "camlab-small"},
        COURSE, Map.of(), tmp, stream(out), stream(err)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("There is no kernelspec camlab-small"));
  }

  @Test
  void badOptionsAreRefusedWithAReason() {
    assertEquals(2, install(Map.of(), "--name", "my kernel"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("a kernel name may only use letters, digits"));
    assertEquals(2, install(Map.of(), "--cell-timeout", "soon"));
    assertEquals(2, install(Map.of(), "--jvm-opt", "Xmx4g"));
    assertEquals(2, install(Map.of(), "--prefix"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--prefix needs a value."));
    assertThrows(InstallOptions.UsageException.class, () -> InstallOptions.parse(new String[] {"--jvm-opt", "-Xmx1g"}, false, COURSE));
  }

  @Test
  void thePlainKernelHasItsOwnNameAndNoJvmFlags() throws Exception {
    Path data = tmp.resolve("plain");
    assertEquals(0, KernelInstaller.install(new String[] {"--no-cds"}, camlab.kernel.KernelMain.plainDistribution(), Map.of("JUPYTER_DATA_DIR", data.toString()),
        tmp, LAUNCH, stream(out), stream(err)));
    JsonObject spec = spec(data.resolve("kernels/java-jshell"));
    assertEquals("Java (JShell)", spec.get("display_name").getAsString());
    List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    assertEquals("-jar", argv.get(1), "no JVM flags before the jar");
  }

  @Test
  void usageNamesTheDistributionsCommandAndDefaults() {
    String usage = InstallOptions.usage("java -jar course-kernel.jar", COURSE);
    assertTrue(usage.startsWith("java -jar course-kernel.jar install [options]\n"), usage);
    assertTrue(usage.contains("kernelspec name (default course-java)") && usage.contains("(default \"Java (Course)\")"), usage);
    assertTrue(usage.contains("%APPDATA%\\jupyter"), usage);
    assertTrue(usage.endsWith("java -jar course-kernel.jar uninstall [--user | --prefix DIR] [--name NAME]"), usage);
  }

  @Test
  void userDataDirFollowsJupyterCore() {
    Path home = Path.of("/home/ada");
    assertEquals(Path.of("/data/jup/kernels"),
        JupyterDirs.kernelsDir(null, Map.of("JUPYTER_DATA_DIR", "/data/jup", "XDG_DATA_HOME", "/x"), "Linux", home));
    assertEquals(Path.of("/x/jupyter/kernels"), JupyterDirs.kernelsDir(null, Map.of("XDG_DATA_HOME", "/x"), "Linux", home));
    assertEquals(Path.of("/home/ada/.local/share/jupyter/kernels"), JupyterDirs.kernelsDir(null, Map.of(), "Linux", home));
    assertEquals(Path.of("/home/ada/Library/Jupyter/kernels"), JupyterDirs.kernelsDir(null, Map.of(), "Mac OS X", home));
    assertEquals(Path.of("/p/share/jupyter/kernels"), JupyterDirs.kernelsDir(Path.of("/p"), Map.of("JUPYTER_DATA_DIR", "/d"), "Linux", home));
  }
}

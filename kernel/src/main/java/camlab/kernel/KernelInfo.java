package camlab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Versions and fixed settings baked into the kernel jar at build time (camlab-kernel.properties). */
public final class KernelInfo {
  private final Properties props;

  private KernelInfo(Properties props) {
    this.props = props;
  }

  public static KernelInfo load() {
    Properties p = new Properties();
    try (InputStream in = KernelInfo.class.getResourceAsStream("camlab-kernel.properties")) {
      if (in == null) throw new IllegalStateException("camlab-kernel.properties is missing from the kernel jar: rebuild it");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KernelInfo(p);
  }

  public String kernelVersion() {
    return props.getProperty("kernel.version");
  }

  public String djlVersion() {
    return props.getProperty("djl.version");
  }

  public String pytorchVersion() {
    return props.getProperty("pytorch.version");
  }

  /** The project's JVM flags for DJL (parent pom {@code camlab.jvmArgs}), one flag per element. */
  public List<String> defaultJvmArgs() {
    String all = props.getProperty("jvm.args", "").strip();
    // split before each flag, so a path with spaces inside a -D value stays whole
    return all.isEmpty() ? List.of() : Arrays.asList(all.split("\\s+(?=-)"));
  }

  /** kernel_info's language_info: what frontends need to highlight and save Java cells. */
  public JsonObject languageInfo() {
    JsonObject o = new JsonObject();
    o.addProperty("name", "java");
    o.addProperty("version", System.getProperty("java.version"));
    o.addProperty("mimetype", "text/x-java-source");
    o.addProperty("file_extension", ".jshell");
    o.addProperty("pygments_lexer", "java");
    o.addProperty("codemirror_mode", "text/x-java");
    return o;
  }

  public String banner() {
    return "CamLab Java kernel " + kernelVersion() + "\n"
        + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), JShell in-process\n"
        + "DJL " + djlVersion() + " with the PyTorch " + pytorchVersion() + " engine; camlab-lib " + kernelVersion()
        + ", Tablesaw " + props.getProperty("tablesaw.version") + ", XChart " + props.getProperty("xchart.version") + "\n"
        + "display(x), render(x), updateDisplay(id, x), progress(label, total); magics: %lsmagic";
  }

  /** kernel_info's help_links: the API documentation of Java, DJL, Tablesaw and XChart. */
  public JsonArray helpLinks() {
    JsonArray links = new JsonArray();
    link(links, "Java " + Runtime.version().feature() + " API",
        "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/");
    link(links, "DJL " + djlVersion() + " API", "https://javadoc.io/doc/ai.djl/api/" + djlVersion() + "/");
    link(links, "Tablesaw", "https://jtablesaw.github.io/tablesaw/");
    link(links, "XChart", "https://knowm.org/open-source/xchart/");
    return links;
  }

  private static void link(JsonArray links, String text, String url) {
    JsonObject o = new JsonObject();
    o.addProperty("text", text);
    o.addProperty("url", url);
    links.add(o);
  }
}
